package org.landfall.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;

/**
 * The events of synthetic projects as intake and status would have published them: a signing, sometimes a
 * correction, and the inspectors' updates of a lifecycle that project-status's state machine accepts (SIGNED ->
 * STARTED -> OPERATIONAL, SUSPENDED and back to the stage it left, CANCELLED from any stage but OPERATIONAL), with
 * cumulative investment and jobs that never decrease, effective dates from the signing date to yesterday, each
 * recorded after its effective date and after the project's previous event. About five events per project.
 * Project {@code i} depends only on the seed, {@code i} and the day: the same seed gives the same log.
 */
final class SyntheticProjects {

    static final LocalDate FIRST_SIGNING = LocalDate.of(2019, 1, 1);

    private final long seed;
    private final ZoneId zone;
    private final LocalDate yesterday;
    private final Instant now;

    SyntheticProjects(long seed, ZoneId zone, Instant now) {
        this.seed = seed;
        this.zone = zone;
        this.now = now;
        this.yesterday = LocalDate.ofInstant(now, zone).minusDays(1);
    }

    /** Project {@code index}'s events in the order their services recorded them. */
    List<LandfallEvent> events(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Geography.Place place = Geography.place(random);
        String sector = Geography.sector(random);
        LocalDate signedOn = FIRST_SIGNING.plusDays(random.nextLong(yesterday.toEpochDay() - FIRST_SIGNING.toEpochDay() + 1));
        // contract values are log-normal around 500 million yuan, from 5 million to 50 billion, to the fen
        double yuan = Math.min(5e10, Math.max(5e6, Math.exp(Math.log(5e8) + 1.1 * gaussian(random))));
        BigDecimal value = BigDecimal.valueOf(Math.round(yuan * 100), 2);
        int plannedJobs = (int) Math.max(10, Math.round(yuan / 2.5e6 * (0.5 + random.nextDouble())));
        Instant signedAt = recorded(signedOn, null, random);
        UUID id = uuid(random);
        String officer = "officer-" + place.province().code().toLowerCase(Locale.ROOT) + "-" + (1 + random.nextInt(20));
        ProjectSnapshot signed = new ProjectSnapshot(id,
                String.format(Locale.ROOT, "%s-%d-%06d", place.province().code(), signedOn.getYear(), index + 1), 1,
                place.city().name() + " " + sector.replace('-', ' ') + " project " + (index + 1),
                "Synthetic Investor " + (index % 9973) + " Co., Ltd.", place.province().name(), place.city().name(),
                place.district(), sector, signedOn, value, plannedJobs, null, List.of(), signedOn.plusMonths(3),
                signedOn.plusMonths(24 + random.nextInt(24)), null, signedAt, officer, List.of(), null, null, null, null, null);
        List<LandfallEvent> events = new ArrayList<>(8);
        events.add(new ProjectSigned(uuid(random), ProjectSigned.VERSION, id, signedOn, signedAt, officer, signed));
        if (random.nextInt(100) < 14) {
            Instant at = recorded(signedOn, signedAt, random);
            if (at != null) {
                events.add(correction(signed, at, officer, random));
            }
        }
        lifecycle(id, signedOn, signedAt, value, plannedJobs, place.province().code(), random, events);
        events.sort(Comparator.comparing(LandfallEvent::recordedAt)); // stable: a signing stays first
        return events;
    }

    /** An intake officer fixes a typo in the value or the planned jobs, or files the project under another zone. */
    private static ProjectCorrected correction(ProjectSnapshot p, Instant at, String officer, SplittableRandom random) {
        int kind = random.nextInt(20);
        ProjectSnapshot after;
        List<String> fields;
        String reason;
        if (kind < 12) {
            BigDecimal value = p.contractValue().multiply(BigDecimal.valueOf(80 + random.nextInt(41)))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            after = with(p, p.district(), value, p.plannedJobs());
            fields = List.of("contractValue");
            reason = "Contract value mistyped; corrected from the signed contract";
        } else if (kind < 17) {
            after = with(p, p.district(), p.contractValue(), p.plannedJobs() + 5 + random.nextInt(200));
            fields = List.of("plannedJobs");
            reason = "Planned jobs taken from the investment agreement's annex";
        } else {
            List<String> zones = Geography.PROVINCES.stream().filter(v -> v.name().equals(p.province())).findFirst()
                    .orElseThrow().cities().stream().filter(c -> c.name().equals(p.city())).findFirst().orElseThrow()
                    .districts();
            after = with(p, zones.get((zones.indexOf(p.district()) + 1) % zones.size()), p.contractValue(), p.plannedJobs());
            fields = List.of("district");
            reason = "Site is in the neighbouring zone";
        }
        return new ProjectCorrected(uuid(random), ProjectCorrected.VERSION, p.id(), p.signedOn(), at, officer, reason,
                fields, after);
    }

    private static ProjectSnapshot with(ProjectSnapshot p, String district, BigDecimal value, Integer jobs) {
        return new ProjectSnapshot(p.id(), p.code(), p.revision() + 1, p.name(), p.investor(), p.province(), p.city(),
                district, p.sector(), p.signedOn(), value, jobs, p.plannedCapacity(), p.phases(), p.plannedStartOn(),
                p.plannedOperationalOn(), p.source(), p.createdAt(), p.createdBy(), p.designations(), p.park(),
                p.expectedAnnualSales(), p.expectedAnnualProfit(), p.expectedAnnualTax(), p.regionCode());
    }

    /**
     * The inspectors' updates, one every two weeks to four months. A project first starts (or stalls and is
     * suspended, or is cancelled), then reports growing figures until it is operational; a suspension returns to the
     * stage it left or ends in a cancellation; an operational project may still report jobs created.
     */
    private void lifecycle(UUID id, LocalDate signedOn, Instant signedAt, BigDecimal value, int plannedJobs,
                           String province, SplittableRandom random, List<LandfallEvent> events) {
        String inspector = "inspector-" + province.toLowerCase(Locale.ROOT) + "-" + (1 + random.nextInt(40));
        BigDecimal finalInvestment = value.multiply(BigDecimal.valueOf(0.6 + 0.5 * random.nextDouble()));
        long finalJobs = Math.round(plannedJobs * (0.4 + 0.8 * random.nextDouble()));
        Stage stage = Stage.SIGNED;
        Stage suspendedFrom = null;
        BigDecimal invested = BigDecimal.ZERO;
        long jobs = 0;
        int progress = 0;
        LocalDate on = signedOn;
        Instant last = signedAt;
        int updates = 1 + random.nextInt(8); // what the inspectors get round to if time allows: 4.5 on average
        for (int u = 0; u < updates && stage != Stage.CANCELLED; u++) {
            on = on.plusDays(14 + random.nextInt(110));
            if (on.isAfter(yesterday)) {
                return;
            }
            Instant at = recorded(on, last, random);
            if (at == null) {
                return;
            }
            int roll = random.nextInt(100);
            Stage next = null;
            String note = null;
            boolean figures = false;
            switch (stage) {
                case SIGNED -> {
                    next = roll < 80 ? Stage.STARTED : roll < 90 ? Stage.SUSPENDED : roll < 95 ? Stage.CANCELLED : null;
                    note = next == null ? "Land use approval obtained" : next == Stage.SUSPENDED ? "Waiting for land handover"
                            : next == Stage.CANCELLED ? "Investor withdrew" : "Construction started";
                    figures = next == Stage.STARTED;
                }
                case STARTED -> {
                    next = progress >= 80 && roll < 60 ? Stage.OPERATIONAL : roll < 5 ? Stage.SUSPENDED
                            : roll < 7 ? Stage.CANCELLED : null;
                    note = next == Stage.OPERATIONAL ? "Put into production" : next == Stage.SUSPENDED ? "Works paused"
                            : next == Stage.CANCELLED ? "Project terminated" : null;
                    figures = next == null || next == Stage.OPERATIONAL;
                }
                case SUSPENDED -> {
                    next = roll < 75 ? suspendedFrom : roll < 85 ? Stage.CANCELLED : null;
                    note = next == null ? "Still suspended: financing under review"
                            : next == Stage.CANCELLED ? "Cancelled after suspension" : "Works resumed";
                }
                case OPERATIONAL -> figures = true;
                case CANCELLED -> throw new AssertionError();
            }
            if (figures) {
                progress = next == Stage.OPERATIONAL || stage == Stage.OPERATIONAL ? 100
                        : Math.min(95, progress + 5 + random.nextInt(30));
                invested = invested.max(finalInvestment.multiply(BigDecimal.valueOf(progress)).movePointLeft(2)
                        .setScale(2, RoundingMode.DOWN));
                // an operational plant keeps hiring a little beyond plan
                jobs = Math.max(jobs, Math.round(finalJobs * (progress / 100.0 + 0.1 * random.nextDouble())));
            }
            Stage previous = next == null ? null : stage;
            if (next != null) {
                suspendedFrom = next == Stage.SUSPENDED ? stage : null;
                stage = next;
            }
            events.add(new ProjectUpdateRecorded(uuid(random), ProjectUpdateRecorded.VERSION, id, on, at, inspector,
                    uuid(random), next, previous, figures ? invested : null, figures ? jobs : null,
                    figures ? progress : null, note));
            last = at;
        }
    }

    /**
     * When the service recorded a fact effective on {@code on}: from that day's office hours (and after the
     * project's previous event) to two weeks later, mostly early; null when that moment is still to come.
     */
    private Instant recorded(LocalDate on, Instant previous, SplittableRandom random) {
        Instant earliest = on.atTime(8, 30).atZone(zone).toInstant();
        if (previous != null && !earliest.isAfter(previous)) {
            earliest = previous.plusSeconds(60);
        }
        double skew = random.nextDouble();
        Instant at = earliest.plusMillis((long) (skew * skew * Duration.ofDays(14).toMillis())).truncatedTo(ChronoUnit.MILLIS);
        return at.isAfter(now) ? (earliest.isAfter(now) ? null : now) : at;
    }

    private static UUID uuid(SplittableRandom random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
