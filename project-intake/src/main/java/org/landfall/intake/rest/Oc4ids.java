package org.landfall.intake.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Stage;
import org.landfall.intake.domain.Designation;
import org.landfall.intake.domain.Sector;
import org.landfall.intake.domain.StageChange;
import org.landfall.intake.service.Dossiers;

/**
 * A project in the Open Contracting for Infrastructure Data Standard (OC4IDS 0.9): the records of the fields
 * Landfall fills, and the mapping from a project's dossier. Dates are date-times at midnight in
 * {@code landfall.zone}, as the standard wants date-times; amounts are CNY.
 */
public final class Oc4ids {

    public static final String VERSION = "0.9";
    /** The gazetteer scheme of a place's code (the open locationGazetteers codelist has none for China's divisions). */
    static final String GBT2260 = "CN-GBT2260";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Package(String uri, String version, String publishedDate, Publisher publisher, List<Project> projects) {
    }

    public record Publisher(String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Project(String id, String updated, String language, List<Identifier> identifiers, String title,
                          String description, String status, String type, List<String> sector,
                          List<Classification> additionalClassifications, Period period, Budget budget,
                          List<Location> locations, List<Organization> parties, OrganizationReference publicAuthority,
                          List<Metric> forecasts, List<Milestone> milestones, List<Document> documents) {
    }

    public record Identifier(String id, String scheme) {
    }

    public record Classification(String scheme, String id, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(String startDate, String endDate, Long durationInDays) {
    }

    public record Budget(String description, Value amount) {
    }

    public record Value(BigDecimal amount, String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(String id, String description, Gazetteer gazetteer, Address address) {
    }

    /** The place's entry in a gazetteer: for China's divisions, the GB/T 2260 code. */
    public record Gazetteer(String scheme, List<String> identifiers) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String locality, String region, String countryName) {
    }

    public record Organization(String id, String name, List<String> roles) {
    }

    public record OrganizationReference(String id, String name) {
    }

    /** A forecast metric; its observations carry values (financial metrics). */
    public record Metric(String id, String title, String description, List<Observation> observations) {
    }

    public record Observation(String id, Value value, String notes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Milestone(String id, String title, String type, String status, String dueDate, String dateMet) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Document(String id, String title, String url, String datePublished) {
    }

    private Oc4ids() {
    }

    /** The project of {@code d}, its id being {@code idPrefix} followed by Landfall's project id. */
    public static Project project(Dossiers.Dossier d, String idPrefix, ZoneId zone) {
        ProjectSnapshot p = d.project();
        Sector sector = Sector.of(p.sector()).orElse(Sector.OTHER);
        String place = Stream.of(p.district(), p.city(), p.province()).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        String authority = "Local government of " + place;
        return new Project(
                idPrefix + p.id(),
                instant(d.updated()),
                "en",
                List.of(new Identifier(p.code(), "landfall-code"), new Identifier(p.id().toString(), "landfall-id")),
                p.name(),
                description(p, place),
                status(d.stageChanges()),
                "construction",
                List.of(projectSector(sector)),
                classifications(sector, p.designations()),
                period(p, zone),
                new Budget("Contract value as signed (as corrected)", new Value(p.contractValue(), "CNY")),
                List.of(new Location("1", (p.park() == null ? "" : p.park() + ", ") + place + ", China",
                        p.regionCode() == null ? null : new Gazetteer(GBT2260, List.of(p.regionCode())), new Address(
                        p.district() == null ? p.city() : p.district() + ", " + p.city(), p.province(), "China"))),
                List.of(new Organization("investor", p.investor(), List.of("funder")),
                        new Organization("public-authority", authority, List.of("publicAuthority"))),
                new OrganizationReference("public-authority", authority),
                forecasts(p),
                milestones(p, d.stageChanges(), zone),
                // a source without an address is still where the figures come from, and its title may say which are made up
                p.source() == null || p.source().title() == null && p.source().url() == null ? List.of()
                        : List.of(new Document("source", p.source().title(), p.source().url(), date(p.source().publishedOn(), zone))));
    }

    /**
     * The projectStatus code of where the project stands: a signed contract is in preparation, construction is
     * implementation, an operating plant has completed its project. The codelist has no suspension: a suspended
     * project stays in the phase it was suspended in (the suspension is a milestone).
     */
    public static String status(List<StageChange> changes) {
        Stage phase = Stage.SIGNED;
        for (StageChange c : changes) {
            if (c.stage() != Stage.SUSPENDED) {
                phase = c.stage();
            }
        }
        return switch (phase) {
            case SIGNED, SUSPENDED -> "preparation";
            case STARTED -> "implementation";
            case OPERATIONAL -> "completion";
            case CANCELLED -> "cancelled";
        };
    }

    /** Landfall's sectors (industrial chains) on the open projectSector codelist; the exact one is a classification. */
    public static String projectSector(Sector sector) {
        return switch (sector) {
            case NEW_ENERGY, ENERGY_POWER -> "energy";
            case LOGISTICS -> "transport";
            case TOURISM_CULTURE -> "cultureSportsAndRecreation";
            case ELECTRONICS_INFORMATION -> "communications";
            case NEW_MATERIALS, EQUIPMENT_MANUFACTURING, AUTOMOBILES, BIOMEDICINE, CHEMICALS, AGRICULTURE_FOOD,
                 REAL_ESTATE_URBAN, OTHER -> "economy";
        };
    }

    /** Landfall's own sector, then the key-project lists the project is on. */
    private static List<Classification> classifications(Sector sector, List<String> designations) {
        List<Classification> c = new ArrayList<>();
        c.add(new Classification("landfall-sector", sector.code(), sector.displayName()));
        designations.forEach(code -> Designation.of(code).ifPresent(d ->
                c.add(new Classification("landfall-designation", d.code(), d.displayName()))));
        return c;
    }

    /** The investor's promise once in operation: a financial metric a year each, forecast at the signing. */
    private static List<Metric> forecasts(ProjectSnapshot p) {
        List<Metric> m = new ArrayList<>();
        promise(m, "expectedAnnualSales", "Expected annual sales", p.expectedAnnualSales());
        promise(m, "expectedAnnualProfit", "Expected annual profit", p.expectedAnnualProfit());
        promise(m, "expectedAnnualTax", "Expected annual tax", p.expectedAnnualTax());
        return m;
    }

    private static void promise(List<Metric> metrics, String id, String title, BigDecimal amount) {
        if (amount != null) {
            metrics.add(new Metric(id, title, title + " once the project is in operation, as the investor promised "
                    + "in the contract", List.of(new Observation(id + "-1", new Value(amount, "CNY"), "per year"))));
        }
    }

    private static String description(ProjectSnapshot p, String place) {
        StringBuilder s = new StringBuilder("Investment contract " + p.code() + " signed on " + p.signedOn() + " by "
                + p.investor() + " in " + place + ", worth " + p.contractValue().toPlainString() + " yuan");
        if (p.plannedJobs() != null) {
            s.append("; ").append(p.plannedJobs()).append(" jobs planned");
        }
        if (p.plannedCapacity() != null) {
            s.append("; planned capacity ").append(p.plannedCapacity().value().stripTrailingZeros().toPlainString())
                    .append(' ').append(p.plannedCapacity().unit());
        }
        return s.append('.').toString();
    }

    /** Planned to run from the planned start (else the signing) to the planned operational date. */
    private static Period period(ProjectSnapshot p, ZoneId zone) {
        LocalDate start = p.plannedStartOn() == null ? p.signedOn() : p.plannedStartOn();
        LocalDate end = p.plannedOperationalOn();
        return new Period(date(start, zone), date(end, zone), end == null ? null : ChronoUnit.DAYS.between(start, end));
    }

    private static List<Milestone> milestones(ProjectSnapshot p, List<StageChange> changes, ZoneId zone) {
        List<Milestone> m = new ArrayList<>();
        m.add(new Milestone("signing", "Investment contract signed", "approval", "met", null, date(p.signedOn(), zone)));
        boolean cancelled = changes.stream().anyMatch(c -> c.stage() == Stage.CANCELLED);
        planned(m, "start", "Construction started", p.plannedStartOn(), first(changes, Stage.STARTED), cancelled, zone);
        planned(m, "operational", "Operational", p.plannedOperationalOn(), first(changes, Stage.OPERATIONAL), cancelled, zone);
        int suspensions = 0;
        for (StageChange c : changes) {
            if (c.stage() == Stage.SUSPENDED) {
                m.add(new Milestone("suspension-" + ++suspensions, "Work suspended", null, "met", null,
                        date(c.effectiveOn(), zone)));
            } else if (c.stage() == Stage.CANCELLED) {
                m.add(new Milestone("cancellation", "Project cancelled", null, "met", null, date(c.effectiveOn(), zone)));
            }
        }
        return m;
    }

    /** A milestone with a planned date and/or the date it was met: scheduled, met, or not met if cancelled first. */
    private static void planned(List<Milestone> m, String id, String title, LocalDate due, LocalDate met, boolean cancelled,
                                ZoneId zone) {
        if (due == null && met == null) {
            return;
        }
        String status = met != null ? "met" : cancelled ? "notMet" : "scheduled";
        m.add(new Milestone(id, title, "delivery", status, date(due, zone), date(met, zone)));
    }

    /** The first entry into {@code stage}: a resumption after a suspension is not a new start. */
    private static LocalDate first(List<StageChange> changes, Stage stage) {
        return changes.stream().filter(c -> c.stage() == stage).map(StageChange::effectiveOn).findFirst().orElse(null);
    }

    private static String date(LocalDate date, ZoneId zone) {
        return date == null ? null : date.atStartOfDay(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
