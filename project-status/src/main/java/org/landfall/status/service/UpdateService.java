package org.landfall.status.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.platform.idempotency.IdempotencyKeys;
import org.landfall.platform.outbox.Outbox;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.status.domain.Report;
import org.landfall.status.domain.StatusText;
import org.landfall.status.domain.StatusUpdate;
import org.landfall.status.domain.TrackedProject;
import org.landfall.status.repository.ProjectRepository;
import org.landfall.status.repository.UpdateRepository;

/** Records the inspectors' updates: loads the project, lets it accept or refuse the report, stores what it answers. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class UpdateService {

    /** What makes two requests with one Idempotency-Key the same: the project and the report. */
    record Request(UUID projectId, Report report) {
    }

    @Inject
    ProjectRepository projects;

    @Inject
    UpdateRepository updates;

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    WatchList watchList;

    @Inject
    Clock clock;

    /**
     * Checks and stores an update and, in the same transaction, its event, and answers {@code answer} of it. With
     * an idempotency key, a repeated request (same project and report) gets the first one's answer, read back as
     * {@code type}, and records nothing. The project row is locked first, so a concurrent update of the same
     * project is checked against this one's result, never against a stale state. A project outside the
     * inspector's jurisdiction is a 403.
     */
    public <T> IdempotencyKeys.Outcome<T> record(UUID projectId, Report report, String inspector,
                                                 Jurisdiction jurisdiction, String idempotencyKey,
                                                 Class<T> type, Function<StatusUpdate, T> answer) {
        return idempotencyKeys.once(inspector, idempotencyKey, new Request(projectId, report), type,
                () -> answer.apply(record(projectId, report, inspector, jurisdiction)));
    }

    private StatusUpdate record(UUID projectId, Report report, String inspector, Jurisdiction jurisdiction) {
        TrackedProject project = projects.findForUpdate(projectId).orElseThrow(() -> noProject(projectId));
        jurisdiction.requireProject(project.regionCode());
        // PostgreSQL keeps microseconds: the answer of a write must equal what a later read returns.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TrackedProject.Recorded recorded = project.record(report, updates.history(projectId),
                LocalDate.ofInstant(now, clock.getZone()), now, inspector);
        updates.persist(recorded.update());
        outbox.add(recorded.event());
        watchList.refresh(List.of(project));
        return recorded.update();
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
        return ProblemException.notFound(StatusText.NO_PROJECT_YET.with(id));
    }
}
