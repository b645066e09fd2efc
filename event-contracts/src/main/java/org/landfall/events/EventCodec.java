package org.landfall.events;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON encoding of the events, identical in every producer and consumer. */
public final class EventCodec {

    /** Thrown for a record that is not a Landfall event this code can read: it belongs in the dead-letter topic. */
    public static final class UnreadableEventException extends Exception {
        public UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // An event is read as a tree (for its schema) and then bound: the tree keeps an amount's scale, 146373404.30
            // stays what intake wrote rather than 146373404.3.
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            // Additive evolution: a newer producer may add fields that this consumer ignores.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Map<String, Integer> VERSIONS = Map.of(
            ProjectSigned.TYPE, ProjectSigned.VERSION,
            ProjectCorrected.TYPE, ProjectCorrected.VERSION,
            ProjectUpdateRecorded.TYPE, ProjectUpdateRecorded.VERSION,
            ProjectPlanSet.TYPE, ProjectPlanSet.VERSION,
            TargetSet.TYPE, TargetSet.VERSION);

    /** The largest amount in yuan the public contract allows (10^13), and the cap of cumulative jobs status takes. */
    private static final BigDecimal MAX_YUAN = new BigDecimal("1e13");
    private static final long MAX_JOBS = 100_000_000L;
    /** The years a plan or a target may be set for. */
    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2100;

    /** The years of any date or moment of an event. */
    private static final int MIN_DATE_YEAR = 1000;
    private static final int MAX_DATE_YEAR = 9999;

    private EventCodec() {
    }

    public static byte[] encode(LandfallEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + event.type(), e);
        }
    }

    public static LandfallEvent decode(byte[] json) throws UnreadableEventException {
        if (json == null) {
            throw new UnreadableEventException("empty record value", null);
        }
        JsonNode tree;
        LandfallEvent event;
        try {
            tree = MAPPER.readTree(json);
            event = MAPPER.treeToValue(tree, LandfallEvent.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableEventException("not a Landfall event: " + originalMessage(e), e);
        }
        if (event == null) {
            throw new UnreadableEventException("not a Landfall event: " + tree, null);
        }
        Integer known = VERSIONS.get(event.type());
        if (event.schemaVersion() != known) {
            throw new UnreadableEventException("unknown schemaVersion " + event.schemaVersion() + " of " + event.type()
                    + " (this consumer reads version " + known + ")", null);
        }
        if (event.eventId() == null || event.recordedAt() == null
                || event instanceof ProjectEvent p && p.projectId() == null) {
            throw new UnreadableEventException(event.type() + " without eventId, projectId or recordedAt", null);
        }
        Breaches breaches = new Breaches();
        if (event instanceof ProjectSigned e) {
            contract(e.projectId(), e.project(), breaches);
        } else if (event instanceof ProjectCorrected e) {
            contract(e.projectId(), e.project(), breaches);
            breaches.text("reason", e.reason());
        } else if (event instanceof ProjectUpdateRecorded e) {
            update(e, breaches);
        } else if (event instanceof ProjectPlanSet e) {
            breaches.check(e.year() >= MIN_YEAR && e.year() <= MAX_YEAR, "year", "outside " + MIN_YEAR + ".." + MAX_YEAR);
            breaches.yuan("plannedInvestment", e.plannedInvestment(), true);
            if (e.plannedInvestment() == null) {
                breaches.missing("plannedInvestment");
            }
        } else if (event instanceof TargetSet e) {
            target(e, breaches);
        }
        breaches.text("recordedBy", event.recordedBy());
        breaches.date("occurredOn", event.occurredOn());
        breaches.moment("recordedAt", event.recordedAt());
        if (!breaches.isEmpty()) {
            throw new UnreadableEventException(event.type() + breaches, null);
        }
        // Then the published schema: lengths, list sizes, formats and the revision a type carries.
        String outsideSchema = EventSchemas.breaches(event.type(), tree);
        if (!outsideSchema.isEmpty()) {
            throw new UnreadableEventException(event.type() + " outside its published schema: " + outsideSchema, null);
        }
        return event;
    }

    /**
     * What a consumer needs of a contract, and the bounds intake enforces: an event within them that fails downstream
     * is our fault to fix, one outside them is the event's (decision 18).
     */
    private static void contract(UUID projectId, ProjectSnapshot p, Breaches breaches) {
        if (p == null) {
            breaches.missing("project");
            return;
        }
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("project.code", p.code());
        required.put("project.name", p.name());
        required.put("project.investor", p.investor());
        required.put("project.province", p.province());
        required.put("project.city", p.city());
        required.put("project.sector", p.sector());
        required.put("project.signedOn", p.signedOn());
        required.put("project.contractValue", p.contractValue());
        required.forEach((field, value) -> {
            if (value == null) {
                breaches.missing(field);
            }
        });
        breaches.check(projectId.equals(p.id()), "project.id", "not equal to projectId");
        breaches.check(p.revision() >= 1, "project.revision", "below 1");
        breaches.date("project.signedOn", p.signedOn());
        breaches.date("project.plannedStartOn", p.plannedStartOn());
        breaches.date("project.plannedOperationalOn", p.plannedOperationalOn());
        breaches.moment("project.createdAt", p.createdAt());
        if (p.source() != null) {
            breaches.date("project.source.publishedOn", p.source().publishedOn());
        }
        breaches.check(p.name() == null || !p.name().isBlank() && p.name().length() <= 200, "project.name",
                "blank or longer than 200 characters");
        breaches.check(p.investor() == null || !p.investor().isBlank() && p.investor().length() <= 200,
                "project.investor", "blank or longer than 200 characters");
        breaches.text("project.code", p.code());
        breaches.text("project.name", p.name());
        breaches.text("project.investor", p.investor());
        breaches.text("project.province", p.province());
        breaches.text("project.city", p.city());
        breaches.text("project.district", p.district());
        breaches.text("project.sector", p.sector());
        breaches.yuan("project.contractValue", p.contractValue(), false);
        breaches.check(p.plannedJobs() == null || p.plannedJobs() >= 0, "project.plannedJobs", "negative");
        breaches.text("project.park", p.park());
        p.designations().forEach(d -> breaches.check(d != null && !d.isBlank(), "project.designations", "blank code"));
        breaches.yuan("project.expectedAnnualSales", p.expectedAnnualSales(), true);
        breaches.yuan("project.expectedAnnualProfit", p.expectedAnnualProfit(), true);
        breaches.yuan("project.expectedAnnualTax", p.expectedAnnualTax(), true);
        if (p.phases() != null) {
            for (int i = 0; i < p.phases().size(); i++) {
                ProjectSnapshot.Phase phase = p.phases().get(i);
                if (phase == null) {
                    breaches.missing("project.phases[" + i + "]");
                    continue;
                }
                breaches.check(phase.number() >= 1, "project.phases[" + i + "].number", "below 1");
                breaches.yuan("project.phases[" + i + "].investment", phase.investment(), false);
            }
        }
    }

    private static void target(TargetSet e, Breaches breaches) {
        breaches.check(e.year() >= MIN_YEAR && e.year() <= MAX_YEAR, "year", "outside " + MIN_YEAR + ".." + MAX_YEAR);
        if (e.province() == null) {
            breaches.missing("province");
        }
        breaches.check(e.district() == null || e.city() != null, "district", "given without a city");
        breaches.text("province", e.province());
        breaches.text("city", e.city());
        breaches.text("district", e.district());
        breaches.check(e.signedCount() == null || e.signedCount() >= 0, "signedCount", "negative");
        breaches.check(e.starts() == null || e.starts() >= 0, "starts", "negative");
        breaches.check(e.jobsCreated() == null || e.jobsCreated() >= 0, "jobsCreated", "negative");
        breaches.yuan("signedValue", e.signedValue(), true);
        breaches.yuan("investmentCompleted", e.investmentCompleted(), true);
    }

    private static void update(ProjectUpdateRecorded e, Breaches breaches) {
        if (e.updateId() == null) {
            breaches.missing("updateId");
        }
        if (e.occurredOn() == null) {
            breaches.missing("occurredOn");
        }
        breaches.yuan("investmentCompleted", e.investmentCompleted(), true);
        breaches.check(e.jobsCreated() == null || e.jobsCreated() >= 0 && e.jobsCreated() <= MAX_JOBS, "jobsCreated",
                "outside 0.." + MAX_JOBS);
        breaches.check(e.progressPercent() == null || e.progressPercent() >= 0 && e.progressPercent() <= 100,
                "progressPercent", "outside 0..100");
        breaches.text("note", e.note());
        breaches.check(e.stage() == null || e.stage().mayFollow(e.previousStage()), "stage",
                "no move from " + e.previousStage() + " to " + e.stage() + " in the lifecycle");
        breaches.yuan("fundsInPlace", e.fundsInPlace(), true);
        e.milestones().forEach(m -> {
            breaches.check(!m.isBlank(), "milestones", "blank code");
            breaches.text("milestones", m);
        });
    }

    /** The fields an event lacks and those whose value breaks the contract, said as the dead letter's reason. */
    private static final class Breaches {
        private final List<String> missing = new ArrayList<>();
        private final List<String> invalid = new ArrayList<>();

        void missing(String field) {
            missing.add(field);
        }

        void check(boolean valid, String field, String why) {
            if (!valid) {
                invalid.add(field + " (" + why + ")");
            }
        }

        /** PostgreSQL cannot store a NUL character in text, and no producer of ours can have accepted one. */
        void text(String field, String value) {
            check(value == null || value.indexOf('\u0000') < 0, field, "contains a NUL character");
        }

        /** An amount of the public contract: 0 < amount <= 10^13 (0 allowed where said), at most 2 decimals. */
        void yuan(String field, BigDecimal value, boolean zeroAllowed) {
            check(value == null || value.signum() > (zeroAllowed ? -1 : 0) && value.compareTo(MAX_YUAN) <= 0
                    && value.stripTrailingZeros().scale() <= 2, field,
                    (zeroAllowed ? "not within 0..10^13" : "not within 0 (excluded)..10^13") + " with at most 2 decimals");
        }

        /**
         * Four-digit years, as RFC 3339's dates have them: Jackson reads {@code +6000000-01-01}, which PostgreSQL
         * refuses (and then applying the event would fail for good) and a report would iterate quarter by quarter.
         */
        void date(String field, LocalDate value) {
            check(value == null || value.getYear() >= MIN_DATE_YEAR && value.getYear() <= MAX_DATE_YEAR, field,
                    "outside the years " + MIN_DATE_YEAR + ".." + MAX_DATE_YEAR);
        }

        void moment(String field, Instant value) {
            date(field, value == null ? null : LocalDate.ofInstant(value, ZoneOffset.UTC));
        }

        boolean isEmpty() {
            return missing.isEmpty() && invalid.isEmpty();
        }

        @Override
        public String toString() {
            return (missing.isEmpty() ? "" : " without " + String.join(", ", missing))
                    + (missing.isEmpty() || invalid.isEmpty() ? "" : ";")
                    + (invalid.isEmpty() ? "" : " with invalid " + String.join(", ", invalid));
        }
    }

    private static String originalMessage(Exception e) {
        Throwable cause = e instanceof IllegalArgumentException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
    }
}
