package org.landfall.status.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;
import org.landfall.platform.outbox.Outbox;
import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.ProblemException;
import org.landfall.status.domain.FigureRules;
import org.landfall.status.domain.Lifecycle;
import org.landfall.status.domain.StatusUpdate;
import org.landfall.status.domain.TrackedProject;
import org.landfall.status.repository.ProjectRepository;
import org.landfall.status.repository.UpdateRepository;
import org.landfall.status.rest.NewUpdate;

/** Records the inspectors' updates under the rules of the lifecycle and of cumulative figures. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class UpdateService {

    @Inject
    ProjectRepository projects;

    @Inject
    UpdateRepository updates;

    @Inject
    Outbox outbox;

    /** "Today" for the rule that an update cannot be dated in the future: the inspectors' calendar. */
    @ConfigProperty(name = "landfall.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    /**
     * Checks and stores an update and, in the same transaction, its event. The project row is locked first, so a
     * concurrent update of the same project is checked against this one's result, never against a stale state.
     */
    public StatusUpdate record(UUID projectId, NewUpdate request, String inspector) {
        TrackedProject project = projects.findForUpdate(projectId).orElseThrow(() -> noProject(projectId));
        List<StatusUpdate> history = updates.history(projectId);
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = request.effectiveOn();
        if (on.isBefore(project.signedOn)) {
            errors.add(new FieldError("effectiveOn", "must not be before the signing date " + project.signedOn));
        }
        if (on.isAfter(LocalDate.now(zone))) {
            errors.add(new FieldError("effectiveOn", "must not be in the future"));
        }
        if (!request.reportsSomething()) {
            errors.add(new FieldError("stage", "an update needs at least one of stage, investmentCompleted, "
                    + "jobsCreated, progressPercent, note"));
        }
        errors.addAll(FigureRules.check(history, on, request.investmentCompleted(), request.jobsCreated()));
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields break the rules", errors);
        }

        Stage from = project.stage;
        if (request.stage() != null) {
            Set<Stage> allowed = Lifecycle.next(project.stage, project.suspendedFrom);
            if (!allowed.contains(request.stage())) {
                throw ProblemException.conflict(project.stage + " cannot become " + request.stage()
                        + (allowed.isEmpty() ? ": " + project.stage + " is final" : "; allowed next stages: " + allowed))
                        .with("currentStage", project.stage).with("allowedStages", allowed);
            }
            if (on.isBefore(project.stageSince)) {
                throw ProblemException.conflict("a stage change dated " + on + " is before the current stage "
                        + project.stage + " of " + project.stageSince)
                        .with("currentStage", project.stage).with("stageSince", project.stageSince)
                        .with("allowedStages", allowed);
            }
            project.suspendedFrom = request.stage() == Stage.SUSPENDED ? project.stage : null;
            project.stage = request.stage();
            project.stageSince = on;
        }

        StatusUpdate u = new StatusUpdate();
        u.id = UUID.randomUUID();
        u.projectId = projectId;
        u.effectiveOn = on;
        u.stage = request.stage();
        u.previousStage = request.stage() == null ? null : from;
        u.investmentCompleted = request.investmentCompleted();
        u.jobsCreated = request.jobsCreated();
        u.progressPercent = request.progressPercent();
        u.note = request.note();
        u.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        u.recordedBy = inspector;
        updates.persist(u);
        history.add(u);
        latestFigures(project, history);
        outbox.add(new ProjectUpdateRecorded(UUID.randomUUID(), ProjectUpdateRecorded.VERSION, projectId, on,
                u.recordedAt, inspector, u.id, u.stage, u.previousStage, u.investmentCompleted, u.jobsCreated,
                u.progressPercent, u.note));
        return u;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TrackedProject> find(UUID id) {
        return projects.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StatusUpdate> history(UUID id) {
        return updates.history(id);
    }

    public static ProblemException noProject(UUID id) {
        return ProblemException.notFound("no project " + id + " (a project signed moments ago is known within a second)");
    }

    /** The current figures are those of the latest effective date; a later arrival wins a tie. */
    private static void latestFigures(TrackedProject project, List<StatusUpdate> history) {
        List<StatusUpdate> ordered = history.stream()
                .sorted(Comparator.comparing((StatusUpdate h) -> h.effectiveOn).thenComparing(h -> h.recordedAt)).toList();
        project.investmentCompleted = null;
        project.jobsCreated = null;
        project.progressPercent = null;
        for (StatusUpdate h : ordered) {
            if (h.investmentCompleted != null) {
                project.investmentCompleted = h.investmentCompleted;
            }
            if (h.jobsCreated != null) {
                project.jobsCreated = h.jobsCreated;
            }
            if (h.progressPercent != null) {
                project.progressPercent = h.progressPercent;
            }
        }
    }
}
