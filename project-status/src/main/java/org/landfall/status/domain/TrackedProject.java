package org.landfall.status.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;
import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.Text;
import org.landfall.regions.PlaceNames;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;
import org.landfall.status.domain.watch.WatchFacts;

/**
 * A project as status tracks it: the contract fields it needs (its plans and key-project lists included, for the
 * watch list) and where the project stands now. It changes only by what intake publishes ({@link #learn}) and by
 * the inspectors' updates ({@link #record}), under the rules of the {@link Lifecycle} and of cumulative figures.
 */
@Entity
@Table(name = "project")
public class TrackedProject extends PanacheEntityBase {

    /** An accepted update: the row to store and the event that tells the other services. */
    public record Recorded(StatusUpdate update, ProjectUpdateRecorded event) {
    }

    @Id
    private UUID id;
    private String code;
    private int revision;
    private String name;
    private String investor;
    private String province;
    private String city;
    private String district;
    /** The GB/T 2260 code of its place as reports place it ({@link Regions#placeOf}); null where none. */
    @Column(name = "region_code")
    private String regionCode;
    private String sector;
    @Column(name = "signed_on")
    private LocalDate signedOn;
    @Column(name = "contract_value")
    private BigDecimal contractValue;
    @Column(name = "planned_start_on")
    private LocalDate plannedStartOn;
    @Column(name = "planned_operational_on")
    private LocalDate plannedOperationalOn;
    /** Codes of intake's key-project lists. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> designations;
    /** When intake recorded the contract (null for projects learnt before status kept it). */
    @Column(name = "contract_recorded_at")
    private Instant contractRecordedAt;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    @Column(name = "stage_since")
    private LocalDate stageSince;
    @Enumerated(EnumType.STRING)
    @Column(name = "suspended_from")
    private Stage suspendedFrom;
    @Column(name = "investment_completed")
    private BigDecimal investmentCompleted;
    @Column(name = "funds_in_place")
    private BigDecimal fundsInPlace;
    @Column(name = "jobs_created")
    private Long jobsCreated;
    @Column(name = "progress_percent")
    private Integer progressPercent;
    @Column(name = "last_update_recorded_at")
    private Instant lastUpdateRecordedAt;
    /** The version of the watch rules this project's watch-list windows were last computed with (0: never). */
    @Column(name = "watch_version")
    private int watchVersion;

    protected TrackedProject() {
        // for JPA
    }

    /** A project first heard of: SIGNED since its signing date. */
    public static TrackedProject of(ProjectSnapshot s) {
        TrackedProject p = new TrackedProject();
        p.id = s.id();
        p.take(s);
        return p;
    }

    /** The revision of the contract held: 1 when signed, one more per correction. */
    public int revision() {
        return revision;
    }

    /** Keeps the snapshot of the highest revision, whatever order intake's events arrive in. */
    public void learn(ProjectSnapshot s) {
        if (s.revision() > revision) {
            take(s);
        }
    }

    /** Takes the contract of a snapshot; a project still SIGNED follows a corrected signing date. */
    private void take(ProjectSnapshot s) {
        code = s.code();
        revision = s.revision();
        name = s.name();
        investor = s.investor();
        province = s.province();
        city = s.city();
        district = s.district();
        regionCode = Regions.gbt2260().placeOf(new PlaceNames(province, city, district), s.regionCode())
                .map(Region::code).orElse(null);
        sector = s.sector();
        contractValue = s.contractValue();
        plannedStartOn = s.plannedStartOn();
        plannedOperationalOn = s.plannedOperationalOn();
        designations = new ArrayList<>(s.designations());
        contractRecordedAt = s.createdAt();
        if (stage == null || stage == Stage.SIGNED && stageSince.equals(signedOn)) {
            stage = Stage.SIGNED;
            stageSince = s.signedOn();
        }
        signedOn = s.signedOn();
    }

    /**
     * Accepts an inspector's report or refuses it, changing nothing: 422 for a broken date or figure rule (all of
     * them at once), then 409 for a stage this one may not move to or a change dated before the current stage.
     * {@code history} is the project's updates so far; its current figures become those of the latest effective
     * date, a later arrival winning a tie.
     */
    public Recorded record(Report report, List<StatusUpdate> history, LocalDate today, Instant recordedAt,
                           String inspector) {
        checkRules(report, history, today);
        Stage from = stage;
        if (report.stage() != null) {
            moveTo(report.stage(), report.effectiveOn());
        }
        StatusUpdate u = new StatusUpdate(id, report, report.stage() == null ? null : from, recordedAt, inspector);
        List<StatusUpdate> all = new ArrayList<>(history);
        all.add(u);
        takeLatestFigures(all);
        lastUpdateRecordedAt = recordedAt;
        ProjectUpdateRecorded event = new ProjectUpdateRecorded(UUID.randomUUID(), ProjectUpdateRecorded.VERSION, id,
                u.effectiveOn(), u.recordedAt(), inspector, u.id(), u.stage(), u.previousStage(),
                u.investmentCompleted(), u.jobsCreated(), u.progressPercent(), u.note(), u.fundsInPlace(), u.milestones());
        return new Recorded(u, event);
    }

    /** The stages this project may move to next. */
    public Set<Stage> allowedStages() {
        return Lifecycle.next(stage, suspendedFrom);
    }

    private void checkRules(Report report, List<StatusUpdate> history, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = report.effectiveOn();
        if (on.isBefore(signedOn)) {
            errors.add(new FieldError("effectiveOn", StatusText.BEFORE_SIGNING.with(signedOn)));
        }
        if (on.isAfter(today)) {
            errors.add(new FieldError("effectiveOn", StatusText.IN_FUTURE.with()));
        }
        if (!report.reportsSomething()) {
            errors.add(new FieldError("stage", StatusText.NOTHING_REPORTED.with()));
        }
        for (int i = 0; i < report.milestones().size(); i++) {
            String code = report.milestones().get(i);
            if (code == null || Milestone.of(code).isEmpty()) {
                errors.add(new FieldError("milestones[" + i + "]", StatusText.MILESTONE_UNKNOWN.with(Text.excerpt(code))));
            }
        }
        errors.addAll(FigureRules.check(history, report));
        Refusals.unlessEmpty(errors);
    }

    private void moveTo(Stage target, LocalDate on) {
        Set<Stage> allowed = allowedStages();
        if (!allowed.contains(target)) {
            Text from = StatusText.of(stage);
            Text to = StatusText.of(target);
            throw ProblemException.conflict(allowed.isEmpty() ? StatusText.STAGE_FINAL.with(from, to)
                            : StatusText.STAGE_NOT_NEXT.with(from, to, Text.list(allowed.stream().map(StatusText::of).toList())))
                    .with("currentStage", stage).with("allowedStages", allowed);
        }
        if (on.isBefore(stageSince)) {
            throw ProblemException.conflict(StatusText.STAGE_CHANGE_TOO_EARLY.with(on, StatusText.of(stage), stageSince))
                    .with("currentStage", stage).with("stageSince", stageSince).with("allowedStages", allowed);
        }
        suspendedFrom = target == Stage.SUSPENDED ? stage : null;
        stage = target;
        stageSince = on;
    }

    private void takeLatestFigures(List<StatusUpdate> history) {
        List<StatusUpdate> ordered = history.stream()
                .sorted(Comparator.comparing(StatusUpdate::effectiveOn).thenComparing(StatusUpdate::recordedAt)).toList();
        investmentCompleted = null;
        fundsInPlace = null;
        jobsCreated = null;
        progressPercent = null;
        for (StatusUpdate h : ordered) {
            if (h.investmentCompleted() != null) {
                investmentCompleted = h.investmentCompleted();
            }
            if (h.fundsInPlace() != null) {
                fundsInPlace = h.fundsInPlace();
            }
            if (h.jobsCreated() != null) {
                jobsCreated = h.jobsCreated();
            }
            if (h.progressPercent() != null) {
                progressPercent = h.progressPercent();
            }
        }
    }

    /** What the watch rules read of this project, its open blockers given; dates in {@code zone}. */
    public WatchFacts watchFacts(ZoneId zone, List<WatchFacts.OpenBlocker> openBlockers) {
        return new WatchFacts(stage, stageSince, signedOn, dateIn(contractRecordedAt, zone),
                dateIn(lastUpdateRecordedAt, zone), plannedStartOn, plannedOperationalOn, progressPercent, openBlockers);
    }

    /** Notes that the watch-list windows were computed with the rules of {@code version}. */
    public void watched(int version) {
        watchVersion = version;
    }

    private static LocalDate dateIn(Instant instant, ZoneId zone) {
        return instant == null ? null : LocalDate.ofInstant(instant, zone);
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String investor() {
        return investor;
    }

    public String province() {
        return province;
    }

    public String city() {
        return city;
    }

    public String district() {
        return district;
    }

    public String regionCode() {
        return regionCode;
    }

    public String sector() {
        return sector;
    }

    public LocalDate signedOn() {
        return signedOn;
    }

    public BigDecimal contractValue() {
        return contractValue;
    }

    public Stage stage() {
        return stage;
    }

    public LocalDate stageSince() {
        return stageSince;
    }

    public BigDecimal investmentCompleted() {
        return investmentCompleted;
    }

    public LocalDate plannedStartOn() {
        return plannedStartOn;
    }

    public LocalDate plannedOperationalOn() {
        return plannedOperationalOn;
    }

    public List<String> designations() {
        return designations == null ? List.of() : List.copyOf(designations);
    }

    public BigDecimal fundsInPlace() {
        return fundsInPlace;
    }

    public Long jobsCreated() {
        return jobsCreated;
    }

    public Integer progressPercent() {
        return progressPercent;
    }
}
