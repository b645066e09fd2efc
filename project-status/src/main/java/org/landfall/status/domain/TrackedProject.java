package org.landfall.status.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;
import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.Text;

/**
 * A project as status tracks it: the contract fields it needs and where the project stands now. It changes only
 * by what intake publishes ({@link #learn}) and by the inspectors' updates ({@link #record}), under the rules of
 * the {@link Lifecycle} and of cumulative figures.
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
    private String sector;
    @Column(name = "signed_on")
    private LocalDate signedOn;
    @Column(name = "contract_value")
    private BigDecimal contractValue;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    @Column(name = "stage_since")
    private LocalDate stageSince;
    @Enumerated(EnumType.STRING)
    @Column(name = "suspended_from")
    private Stage suspendedFrom;
    @Column(name = "investment_completed")
    private BigDecimal investmentCompleted;
    @Column(name = "jobs_created")
    private Long jobsCreated;
    @Column(name = "progress_percent")
    private Integer progressPercent;

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
        sector = s.sector();
        contractValue = s.contractValue();
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
        ProjectUpdateRecorded event = new ProjectUpdateRecorded(UUID.randomUUID(), ProjectUpdateRecorded.VERSION, id,
                u.effectiveOn(), u.recordedAt(), inspector, u.id(), u.stage(), u.previousStage(),
                u.investmentCompleted(), u.jobsCreated(), u.progressPercent(), u.note());
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
        errors.addAll(FigureRules.check(history, on, report.investmentCompleted(), report.jobsCreated()));
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
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
        jobsCreated = null;
        progressPercent = null;
        for (StatusUpdate h : ordered) {
            if (h.investmentCompleted() != null) {
                investmentCompleted = h.investmentCompleted();
            }
            if (h.jobsCreated() != null) {
                jobsCreated = h.jobsCreated();
            }
            if (h.progressPercent() != null) {
                progressPercent = h.progressPercent();
            }
        }
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

    public Long jobsCreated() {
        return jobsCreated;
    }

    public Integer progressPercent() {
        return progressPercent;
    }
}
