package org.landfall.status.service;

import org.landfall.status.domain.StatusText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.status.domain.Blocker;
import org.landfall.status.domain.TrackedProject;
import org.landfall.status.repository.BlockerRepository;
import org.landfall.status.repository.ProjectRepository;

/**
 * Raises and resolves what holds projects up. Blockers are status's own: no other service needs them, so no event
 * is published (decision 28). Each change takes the project's row lock, like an update, and recomputes its place
 * on the watch list in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class BlockerService {

    @Inject
    ProjectRepository projects;

    @Inject
    BlockerRepository blockers;

    @Inject
    WatchList watchList;

    @Inject
    Clock clock;

    public Blocker raise(UUID projectId, String kind, String description, String owner, LocalDate raisedOn, String inspector,
                         Jurisdiction jurisdiction) {
        TrackedProject project = projects.findForUpdate(projectId).orElseThrow(() -> UpdateService.noProject(projectId));
        jurisdiction.requireProject(project.regionCode());
        Instant now = now();
        Blocker b = Blocker.raise(project, kind, description, owner, raisedOn, LocalDate.ofInstant(now, clock.getZone()),
                now, inspector);
        blockers.persist(b);
        watchList.refresh(List.of(project));
        return b;
    }

    public Blocker resolve(UUID projectId, UUID blockerId, LocalDate resolvedOn, String note, String inspector,
                           Jurisdiction jurisdiction) {
        TrackedProject project = projects.findForUpdate(projectId).orElseThrow(() -> UpdateService.noProject(projectId));
        jurisdiction.requireProject(project.regionCode());
        Blocker b = blockers.of(projectId, blockerId).orElseThrow(() -> ProblemException.notFound(
                StatusText.NO_BLOCKER_OF_PROJECT.with(projectId, blockerId)));
        Instant now = now();
        b.resolve(resolvedOn, note, LocalDate.ofInstant(now, clock.getZone()), now, inspector);
        watchList.refresh(List.of(project));
        return b;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Blocker> of(UUID projectId) {
        return blockers.ofProject(projectId);
    }

    /** PostgreSQL keeps microseconds: the answer of a write must equal what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
