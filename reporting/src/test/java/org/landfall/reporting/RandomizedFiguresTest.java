package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectEvent;
import org.landfall.events.ProjectPlanSet;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;

/**
 * Random lifecycles (stages, investment, funds in place, jobs), late updates and corrections, published shuffled
 * and with duplicates; the service's figures must equal those computed here independently, day by day, from the
 * same writes: latest and as of moments in between. The projects lie in real places spelt in Chinese and in pinyin, with and without the code
 * intake gives, and in places of no code; real places are shared by every test, so each run keeps to a sector of
 * its own.
 */
@QuarkusTest
class RandomizedFiguresTest {

    static final int PROJECTS = 40;
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    /**
     * An upper bound for the writes to be applied, not a measure: a comparison asks up to twenty reports, and a
     * two-core machine shared with other builds may take seconds for each.
     */
    static final Duration WAIT = Duration.ofSeconds(120);

    /**
     * Places as contracts spell them (province, city, district, the code intake gave or null), with the province
     * code they lie in ("" for none) last: three spellings of Shuangyashan, two of Baoqing, Liaoning's Shenyang, a
     * city of no code in Heilongjiang, and a province of no code.
     */
    static final List<List<String>> PLACES = List.of(
            Arrays.asList("Heilongjiang", "Shuangyashan", null, null, "230000"),
            Arrays.asList("黑龙江省", "双鸭山市", null, "230500", "230000"),
            Arrays.asList("黑龙江", "Shuangyashan City", null, null, "230000"),
            Arrays.asList("黑龙江省", "双鸭山市", "宝清县", "230523", "230000"),
            Arrays.asList("Heilongjiang", "Shuangyashan", "Baoqing", null, "230000"),
            Arrays.asList("Liaoning", "沈阳市", "Tiexi", null, "210000"),
            Arrays.asList("辽宁省", "Shenyang", null, "210100", "210000"),
            Arrays.asList("Heilongjiang", "Gold Coast", "North", null, "230000"),
            Arrays.asList("Atlantis", "Poseidonia", "D1", null, ""),
            Arrays.asList("Atlantis", "Poseidonia", null, null, ""));

    static String sector(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldMatchAnIndependentComputationLatestAndAsOf() {
        Random random = new Random(20231);
        String sector = sector("random");
        List<LandfallEvent> writes = writes(sector, random);
        List<LandfallEvent> delivery = new ArrayList<>(writes);
        for (int i = 0; i < 25; i++) {
            delivery.add(writes.get(random.nextInt(writes.size())));
        }
        Collections.shuffle(delivery, random);
        Upstream.publish(delivery.toArray(LandfallEvent[]::new));

        Instant last = writes.stream().map(LandfallEvent::recordedAt).max(Comparator.naturalOrder()).orElseThrow();
        String all = "&sector=" + sector;
        await().atMost(WAIT).untilAsserted(() -> compare(all, writes, null, p -> true));
        for (Instant asOf : List.of(START.plus(3, ChronoUnit.DAYS), START.plus(40, ChronoUnit.DAYS), last.minus(1, ChronoUnit.DAYS))) {
            compare(all, writes, asOf, p -> true);
        }
        for (Instant asOf : Arrays.asList(null, START.plus(40, ChronoUnit.DAYS))) {
            compare(all + "&regionCode=230000", writes, asOf, p -> provinceCode(p).equals("230000"));
            compare(all + "&province=辽宁", writes, asOf, p -> provinceCode(p).equals("210000"));
        }
    }

    /** The province code a contract's place lies in, as {@link #PLACES} says ("" for none). */
    static String provinceCode(ProjectSnapshot p) {
        return PLACES.stream().filter(place -> place.subList(0, 4).equals(Arrays.asList(p.province(), p.city(),
                p.district(), p.regionCode()))).findFirst().orElseThrow().get(4);
    }

    /**
     * The latest report comes from pre-aggregated rows that the consumer keeps up to date by differences; a report
     * as of a moment after every write is summed from each project's figure history. Both must agree, row for row
     * and to the moment of each row's last change, for every grouping and filter, with projects moving between
     * cities by correction.
     */
    @Test
    void shouldKeepTheLatestFiguresEqualToThoseSummedFromTheHistory() {
        Random random = new Random(4711);
        String sector = "&sector=" + sector("moving");
        List<LandfallEvent> writes = writes(sector.substring("&sector=".length()), random);
        Upstream.publish(inTopicOrder(writes, random).toArray(LandfallEvent[]::new));

        String range = "/api/reports/quarterly?from=2021-Q4&to=2027-Q1";
        List<String> queries = List.of(sector, "&groupBy=province" + sector, "&groupBy=city" + sector,
                "&groupBy=district" + sector, "&groupBy=sector" + sector, "&groupBy=district&city=双鸭山" + sector,
                "&groupBy=city&regionCode=230000" + sector, "&province=Heilongjiang&city=Shuangyashan&district=宝清县" + sector,
                "&groupBy=district&province=Atlantis" + sector, "&groupBy=province&regionCode=230523" + sector);
        await().atMost(WAIT).untilAsserted(() -> {
            for (String query : queries) {
                List<Object> history = rows(range + query + "&asOf=2100-01-01T00:00:00Z"), latest = rows(range + query);
                for (int i = 0; i < Math.min(history.size(), latest.size()); i++) {
                    assertEquals(history.get(i), latest.get(i), query + ", row " + i);
                }
                assertEquals(history.size(), latest.size(), query + ": rows");
            }
        });
        assertTrue(rows(range + "&groupBy=city" + sector).toString().contains("regionCode=230500"), "the cities are in the report");
    }

    /**
     * The same facts, copied into sectors of their own with the same recorded moments, delivered in different
     * interleavings of the two topics (each topic, and so each partition, in the order recorded): every field of
     * every row, updatedAt included, comes out the same in each, and the same as summed from the history.
     */
    @Test
    void shouldGiveEveryFieldTheSameWhateverTheInterleavingOfTheTopics() {
        String run = sector("interleaved");
        List<String> sectors = new ArrayList<>();
        List<List<LandfallEvent>> writes = new ArrayList<>();
        List<LandfallEvent> delivery = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            String sector = run + "-" + k;
            List<LandfallEvent> copy = writes(sector, new Random(77));
            List<LandfallEvent> contracts = copy.stream().filter(w -> !(w instanceof ProjectUpdateRecorded))
                    .sorted(Comparator.comparing(LandfallEvent::recordedAt)).toList();
            List<LandfallEvent> updates = copy.stream().filter(w -> w instanceof ProjectUpdateRecorded)
                    .sorted(Comparator.comparing(LandfallEvent::recordedAt)).toList();
            switch (k) {
                case 0 -> {
                    delivery.addAll(contracts);
                    delivery.addAll(updates);
                }
                case 1 -> {
                    delivery.addAll(updates);
                    delivery.addAll(contracts);
                }
                default -> delivery.addAll(inTopicOrder(copy, new Random(k)));
            }
            sectors.add(sector);
            writes.add(copy);
        }
        Upstream.publish(delivery.toArray(LandfallEvent[]::new));

        String range = "/api/reports/quarterly?from=2021-Q4&to=2027-Q1";
        await().atMost(WAIT).untilAsserted(() -> {
            for (int k = 0; k < sectors.size(); k++) {
                compare("&sector=" + sectors.get(k), writes.get(k), null, p -> true);
            }
            for (String groupBy : List.of("none", "city", "district", "sector")) {
                String query = range + "&groupBy=" + groupBy + "&sector=";
                List<Object> first = sectorless(rows(query + sectors.get(0)));
                assertEquals(first, sectorless(rows(query + sectors.get(0) + "&asOf=2100-01-01T00:00:00Z")),
                        groupBy + ", from the history");
                for (int k = 1; k < sectors.size(); k++) {
                    assertEquals(first, sectorless(rows(query + sectors.get(k))), groupBy + ", interleaving " + k);
                }
            }
        });
    }

    /**
     * The writes as Kafka hands them to reporting: each topic in the order upstream recorded them, the two topics
     * interleaved at random.
     */
    private static List<LandfallEvent> inTopicOrder(List<LandfallEvent> writes, Random random) {
        List<LandfallEvent> delivery = new ArrayList<>(writes);
        Collections.shuffle(delivery, random);
        for (boolean updates : new boolean[] {false, true}) {
            List<Integer> slots = new ArrayList<>();
            for (int i = 0; i < delivery.size(); i++) {
                if (delivery.get(i) instanceof ProjectUpdateRecorded == updates) {
                    slots.add(i);
                }
            }
            List<LandfallEvent> ordered = slots.stream().map(delivery::get)
                    .sorted(Comparator.comparing(LandfallEvent::recordedAt)).toList();
            for (int i = 0; i < slots.size(); i++) {
                delivery.set(slots.get(i), ordered.get(i));
            }
        }
        return delivery;
    }

    /** The rows without their sector, which is each copy's own. */
    @SuppressWarnings("unchecked")
    private static List<Object> sectorless(List<Object> rows) {
        rows.forEach(row -> ((Map<String, Object>) ((Map<String, Object>) row).get("group")).remove("sector"));
        return rows;
    }

    private static List<Object> rows(String url) {
        return given().auth().oauth2(QuarterlyReportTest.ANALYST).get(url).then().statusCode(200).extract().jsonPath()
                .getList("rows");
    }

    /** The writes of {@link #PROJECTS} random projects of a sector of their own, in the order recorded. */
    private static List<LandfallEvent> writes(String sector, Random random) {
        List<LandfallEvent> writes = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            writes.addAll(lifecycle(sector, random, i));
        }
        return writes;
    }

    /** A project at a random place of {@link #PLACES}. */
    private static ProjectSnapshot placed(ProjectSnapshot p, Random random) {
        List<String> place = PLACES.get(random.nextInt(PLACES.size()));
        return Upstream.placed(p, place.get(0), place.get(1), place.get(2), place.get(3));
    }

    /** A project's writes: signing, maybe corrections (a move included), stage changes, growing figures. */
    private static List<LandfallEvent> lifecycle(String sector, Random random, int i) {
        List<LandfallEvent> out = new ArrayList<>();
        LocalDate signedOn = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(500));
        Instant at = START.plus(random.nextInt(60), ChronoUnit.DAYS).plusSeconds(i);
        ProjectSnapshot p = placed(Upstream.project("", "", null, sector, signedOn,
                String.valueOf(1_000_000 + random.nextInt(1_000_000_000)) + ".5", random.nextInt(500)), random);
        p = Upstream.planned(p, random.nextBoolean() ? null : signedOn.plusDays(random.nextInt(400)), "");
        out.add(Upstream.signed(p, at));
        for (int year = 2022; year <= 2024; year++) {
            // plans set at any moment, some set again later: the latest recorded holds (two sets of a year never at
            // one moment, where the random event ids of each copy would choose)
            for (int version = random.nextInt(3); version > 0; version--) {
                out.add(Upstream.plan(p, year, String.valueOf(random.nextInt(300_000_000)), random.nextBoolean(),
                        START.plus(random.nextInt(90), ChronoUnit.DAYS).plusSeconds(i).plusMillis(version)));
            }
        }
        if (random.nextInt(3) == 0) {
            at = at.plus(1 + random.nextInt(30), ChronoUnit.DAYS);
            p = placed(Upstream.revise(p, 2, p.province(), signedOn.minusDays(random.nextInt(40)),
                    String.valueOf(5_000_000 + random.nextInt(900_000_000))), random);
            out.add(Upstream.corrected(p, at));
        }
        Stage stage = Stage.SIGNED;
        Stage suspendedFrom = null;
        LocalDate day = signedOn;
        long invested = 0, jobs = 0, funds = 0;
        for (int step = 0; step < 6 && stage != Stage.OPERATIONAL && stage != Stage.CANCELLED; step++) {
            day = day.plusDays(1 + random.nextInt(120));
            at = at.plus(1 + random.nextInt(20), ChronoUnit.DAYS);
            Stage next = switch (stage) {
                case SIGNED -> random.nextInt(5) == 0 ? Stage.SUSPENDED : random.nextInt(8) == 0 ? Stage.CANCELLED : Stage.STARTED;
                case STARTED -> random.nextInt(4) == 0 ? Stage.SUSPENDED : random.nextInt(3) == 0 ? Stage.OPERATIONAL : null;
                case SUSPENDED -> random.nextInt(5) == 0 ? Stage.CANCELLED : suspendedFrom;
                default -> null;
            };
            if (next == Stage.SUSPENDED) {
                suspendedFrom = stage;
            }
            invested += random.nextInt(50_000_000);
            jobs += random.nextInt(40);
            funds += random.nextInt(60_000_000);
            // funds in place reported or not (as by status before issue 20)
            out.add(random.nextInt(3) == 0 ? Upstream.update(p, day, next, invested + ".25", jobs, at)
                    : Upstream.update(p, day, next, invested + ".25", jobs, funds + ".5", at));
            if (next != null) {
                stage = next;
            }
            if (random.nextInt(4) == 0) {
                // a late figure for an earlier date, between the neighbours' figures
                out.add(Upstream.update(p, day.minusDays(1), null, String.valueOf(invested), null,
                        random.nextBoolean() ? null : String.valueOf(funds), at.plusSeconds(60)));
            }
        }
        return out;
    }

    /** The report's rows of {@code query} against those computed here from the writes of the projects {@code counted}. */
    private static void compare(String query, List<LandfallEvent> writes, Instant asOf, Predicate<ProjectSnapshot> counted) {
        JsonPath report = given().auth().oauth2(QuarterlyReportTest.ANALYST)
                .get("/api/reports/quarterly?from=2021-Q4&to=2024-Q2" + query + (asOf == null ? "" : "&asOf=" + asOf))
                .then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        List<Map<String, Object>> rows = report.getList("rows");
        LocalDate quarterStart = LocalDate.of(2021, 10, 1);
        for (Map<String, Object> row : rows) {
            Expected e = expected(writes, counted, asOf == null ? Instant.MAX : asOf, quarterStart,
                    quarterStart.plusMonths(3).minusDays(1));
            String where = row.get("quarter") + query + (asOf == null ? " latest" : " as of " + asOf);
            assertEquals(e.signed, intOf(row, "signed.count"), where + " signed");
            assertEquals(0, e.signedValue.compareTo(decimal(row, "signed.contractValue")), where + " signed value");
            assertEquals(e.plannedJobs, intOf(row, "signed.plannedJobs"), where + " planned jobs");
            for (Stage s : List.of(Stage.STARTED, Stage.OPERATIONAL, Stage.SUSPENDED, Stage.CANCELLED)) {
                String name = s.name().toLowerCase();
                assertEquals(e.entered.getOrDefault(s, 0L), intOf(row, name + ".count"), where + " " + name);
                assertEquals(0, e.enteredValue.getOrDefault(s, BigDecimal.ZERO).compareTo(decimal(row, name + ".contractValue")),
                        where + " " + name + " value");
            }
            assertEquals(0, e.investment.compareTo(decimal(row, "investmentCompleted")), where + " investment");
            assertEquals(0, e.funds.compareTo(decimal(row, "fundsInPlace")), where + " funds in place");
            assertEquals(e.jobs, intOf(row, "jobsCreated"), where + " jobs");
            for (Stage s : Stage.values()) {
                assertEquals(e.endOfQuarter.getOrDefault(s, 0L), intOf(row, "endOfQuarter." + s.name()), where + " eoq " + s);
            }
            assertEquals(e.planned, intOf(row, "planned.count"), where + " planned");
            assertEquals(0, e.plannedInvestment.compareTo(decimal(row, "planned.investment")), where + " planned investment");
            assertEquals(e.plannedStarts, intOf(row, "planned.starts"), where + " planned starts");
            assertEquals(e.plannedStarted, intOf(row, "planned.started.count"), where + " planned and started");
            assertEquals(0, e.plannedStartedInvestment.compareTo(decimal(row, "planned.started.investment")), where + " its investment");
            assertRate(ratio(e.startsMet, e.plannedStarts), row, "rates.startRate", where);
            assertRate(ratio(e.investmentDone, e.plannedInvestment), row, "rates.investmentCompletionRate", where);
            assertRate(ratio(e.dueStarted, e.due), row, "rates.fulfilmentRate", where);
            LocalDate quarterEnd = quarterStart.plusMonths(3).minusDays(1);
            Instant moment = asOf == null ? Instant.MAX : asOf;
            Expected ytd = expected(writes, counted, moment, LocalDate.of(quarterStart.getYear(), 1, 1), quarterEnd);
            Expected before = expected(writes, counted, moment, LocalDate.of(quarterStart.getYear() - 1, 1, 1),
                    quarterEnd.minusYears(1));
            assertEquals(ytd.signed, intOf(row, "ytd.signedCount"), where + " ytd signed");
            assertEquals(0, ytd.signedValue.compareTo(decimal(row, "ytd.signedValue")), where + " ytd signed value");
            assertEquals(ytd.entered.getOrDefault(Stage.STARTED, 0L), intOf(row, "ytd.starts"), where + " ytd starts");
            assertEquals(ytd.entered.getOrDefault(Stage.OPERATIONAL, 0L), intOf(row, "ytd.operational"), where + " ytd operational");
            assertEquals(0, ytd.investment.compareTo(decimal(row, "ytd.investmentCompleted")), where + " ytd investment");
            assertEquals(ytd.jobs, intOf(row, "ytd.jobsCreated"), where + " ytd jobs");
            assertEquals(0, ytd.funds.compareTo(decimal(row, "ytd.fundsInPlace")), where + " ytd funds in place");
            assertRate(growth(ytd.funds, before.funds), row, "yoy.fundsInPlace", where);
            assertRate(growth(ytd.investment, before.investment), row, "yoy.investmentCompleted", where);
            assertRate(growth(BigDecimal.valueOf(ytd.signed), BigDecimal.valueOf(before.signed)), row, "yoy.signedCount", where);
            quarterStart = quarterStart.plusMonths(3);
        }
        assertEquals(11, rows.size());
    }

    static final class Expected {
        long signed, plannedJobs, jobs;
        BigDecimal signedValue = BigDecimal.ZERO, investment = BigDecimal.ZERO, funds = BigDecimal.ZERO;
        long planned, plannedStarts, plannedStarted, startsMet, due, dueStarted;
        BigDecimal plannedInvestment = BigDecimal.ZERO, plannedStartedInvestment = BigDecimal.ZERO, investmentDone = BigDecimal.ZERO;
        Map<Stage, Long> entered = new java.util.EnumMap<>(Stage.class);
        Map<Stage, BigDecimal> enteredValue = new java.util.EnumMap<>(Stage.class);
        Map<Stage, Long> endOfQuarter = new java.util.EnumMap<>(Stage.class);
    }

    /**
     * The figures of one quarter from the writes recorded by {@code at} of the projects whose contract then is
     * {@code counted}, computed the slow, obvious way.
     */
    private static Expected expected(List<LandfallEvent> writes, Predicate<ProjectSnapshot> counted, Instant at,
                                     LocalDate first, LocalDate last) {
        Expected e = new Expected();
        List<LandfallEvent> known = writes.stream().filter(w -> !w.recordedAt().isAfter(at)).distinct().toList();
        for (UUID project : known.stream().map(w -> ((ProjectEvent) w).projectId()).distinct().toList()) {
            ProjectSnapshot contract = null;
            List<ProjectUpdateRecorded> updates = new ArrayList<>();
            ProjectPlanSet plan = null;
            for (LandfallEvent w : known) {
                if (!((ProjectEvent) w).projectId().equals(project)) {
                    continue;
                }
                ProjectSnapshot s = w instanceof ProjectSigned ps ? ps.project() : w instanceof ProjectCorrected pc ? pc.project() : null;
                if (s != null && (contract == null || s.revision() > contract.revision())) {
                    contract = s;
                }
                if (w instanceof ProjectUpdateRecorded u) {
                    updates.add(u);
                }
                if (w instanceof ProjectPlanSet ps && ps.year() == first.getYear() && (plan == null
                        || Comparator.comparing(ProjectPlanSet::recordedAt).thenComparing(ProjectPlanSet::eventId).compare(ps, plan) > 0)) {
                    plan = ps;
                }
            }
            if (contract == null || !counted.test(contract)) {
                continue;
            }
            updates.sort(Comparator.comparing(ProjectUpdateRecorded::occurredOn).thenComparing(ProjectUpdateRecorded::recordedAt)
                    .thenComparing(ProjectUpdateRecorded::updateId));
            BigDecimal value = contract.contractValue();
            if (within(contract.signedOn(), first, last)) {
                e.signed++;
                e.signedValue = e.signedValue.add(value);
                e.plannedJobs += contract.plannedJobs();
            }
            for (Stage s : List.of(Stage.STARTED, Stage.OPERATIONAL, Stage.SUSPENDED, Stage.CANCELLED)) {
                updates.stream().filter(u -> u.stage() == s).findFirst().ifPresent(u -> {
                    if (within(u.occurredOn(), first, last)) {
                        e.entered.merge(s, 1L, Long::sum);
                        e.enteredValue.merge(s, value, BigDecimal::add);
                    }
                });
            }
            e.investment = e.investment.add(increase(updates, first, last, ProjectUpdateRecorded::investmentCompleted));
            e.funds = e.funds.add(increase(updates, first, last, ProjectUpdateRecorded::fundsInPlace));
            e.jobs += increase(updates, first, last, RandomizedFiguresTest::jobs).longValueExact();
            Stage stage = null;
            if (!contract.signedOn().isAfter(last)) {
                stage = Stage.SIGNED;
                for (ProjectUpdateRecorded u : updates) {
                    if (u.stage() != null && !u.occurredOn().isAfter(last)) {
                        stage = u.stage();
                    }
                }
                e.endOfQuarter.merge(stage, 1L, Long::sum);
            }
            LocalDate firstStart = updates.stream().filter(u -> u.stage() == Stage.STARTED).findFirst()
                    .map(ProjectUpdateRecorded::occurredOn).orElse(null);
            boolean startedByThen = firstStart != null && !firstStart.isAfter(last);
            if (plan != null) {
                e.planned++;
                e.plannedInvestment = e.plannedInvestment.add(plan.plannedInvestment());
                if (stage == Stage.STARTED || stage == Stage.OPERATIONAL) {
                    e.plannedStarted++;
                    e.plannedStartedInvestment = e.plannedStartedInvestment.add(plan.plannedInvestment());
                }
                if (plan.startPlanned()) {
                    e.plannedStarts++;
                    e.startsMet += startedByThen ? 1 : 0;
                }
                LocalDate yearBefore = LocalDate.of(first.getYear() - 1, 12, 31);
                e.investmentDone = e.investmentDone.add(increase(updates, yearBefore.plusDays(1), last,
                        ProjectUpdateRecorded::investmentCompleted));
            }
            if (contract.plannedStartOn() != null && !contract.plannedStartOn().isAfter(last)) {
                e.due++;
                e.dueStarted += startedByThen ? 1 : 0;
            }
        }
        return e;
    }

    /** How much a cumulative figure grew from the day before {@code first} to {@code last}. */
    private static BigDecimal increase(List<ProjectUpdateRecorded> ordered, LocalDate first, LocalDate last,
                                       Function<ProjectUpdateRecorded, BigDecimal> figure) {
        return cumulative(ordered, last, figure).subtract(cumulative(ordered, first.minusDays(1), figure));
    }

    private static BigDecimal cumulative(List<ProjectUpdateRecorded> ordered, LocalDate day,
                                         Function<ProjectUpdateRecorded, BigDecimal> figure) {
        BigDecimal standing = BigDecimal.ZERO;
        for (ProjectUpdateRecorded u : ordered) {
            BigDecimal f = figure.apply(u);
            if (f != null && !u.occurredOn().isAfter(day)) {
                standing = f;
            }
        }
        return standing;
    }

    private static BigDecimal jobs(ProjectUpdateRecorded u) {
        return u.jobsCreated() == null ? null : BigDecimal.valueOf(u.jobsCreated());
    }

    private static boolean within(LocalDate d, LocalDate first, LocalDate last) {
        return !d.isBefore(first) && !d.isAfter(last);
    }

    private static BigDecimal ratio(long a, long b) {
        return ratio(BigDecimal.valueOf(a), BigDecimal.valueOf(b));
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.divide(b, 4, java.math.RoundingMode.HALF_EVEN);
    }

    private static BigDecimal growth(BigDecimal now, BigDecimal before) {
        return ratio(now.subtract(before), before);
    }

    @SuppressWarnings("unchecked")
    private static void assertRate(BigDecimal expected, Map<String, Object> row, String path, String where) {
        Object v = row;
        for (String part : path.split("\\.")) {
            v = ((Map<String, Object>) v).get(part);
        }
        if (expected == null) {
            assertEquals(null, v, where + " " + path);
        } else {
            assertEquals(0, expected.compareTo(new BigDecimal(v.toString())), where + " " + path + ": " + v);
        }
    }

    private static long intOf(Map<String, Object> row, String path) {
        return decimal(row, path).longValueExact();
    }

    @SuppressWarnings("unchecked")
    private static BigDecimal decimal(Map<String, Object> row, String path) {
        Object v = row;
        for (String part : path.split("\\.")) {
            v = ((Map<String, Object>) v).get(part);
        }
        return new BigDecimal(v.toString());
    }
}
