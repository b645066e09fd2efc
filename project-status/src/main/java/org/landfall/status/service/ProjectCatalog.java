package org.landfall.status.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Revisions;
import org.landfall.platform.messaging.RefusedEvent;
import org.landfall.status.domain.TrackedProject;
import org.landfall.status.domain.watch.WatchRules;
import org.landfall.status.repository.ProjectRepository;

/** What status knows of the projects, learnt from intake's events. */
@ApplicationScoped
public class ProjectCatalog {

    @Inject
    ProjectRepository projects;

    @Inject
    WatchList watchList;

    /**
     * Applies first-seen events (the ledger has already filtered redeliveries) inside the consumer's transaction,
     * and recomputes the watch-list reasons of the projects they touched (planned dates and signing dates count).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<LandfallEvent> events) {
        Map<LandfallEvent, ProjectSnapshot> snapshots = new LinkedHashMap<>();
        for (LandfallEvent event : events) {
            if (event instanceof ProjectSigned signed) {
                snapshots.put(event, signed.project());
            } else if (event instanceof ProjectCorrected corrected) {
                snapshots.put(event, corrected.project());
            }
        }
        if (snapshots.isEmpty()) {
            return;
        }
        // the projects held, read and locked in one statement rather than one each
        Map<UUID, TrackedProject> held = projects.findForUpdate(snapshots.values().stream().map(ProjectSnapshot::id).toList());
        Map<UUID, TrackedProject> touched = new LinkedHashMap<>();
        snapshots.forEach((event, snapshot) -> learn(event, snapshot, held, touched));
        watchList.refresh(touched.values());
    }

    /** Learns a revision of a contract, refusing one that skips ahead of the revision held ({@link Revisions}). */
    private void learn(LandfallEvent event, ProjectSnapshot snapshot, Map<UUID, TrackedProject> held,
                       Map<UUID, TrackedProject> touched) {
        TrackedProject project = held.get(snapshot.id());
        String refusal = Revisions.refusal(project == null ? 0 : project.revision(), snapshot);
        if (refusal != null) {
            throw new RefusedEvent(event, refusal);
        }
        if (project == null) {
            project = TrackedProject.of(snapshot);
            // Its windows are computed by the rules of now before this transaction ends (watchList.refresh): marked so
            // before it is persisted, the insert carries it, rather than an insert and then an update of every column.
            project.watched(WatchRules.VERSION);
            projects.persist(project);
            held.put(snapshot.id(), project);
        }
        touched.put(snapshot.id(), project);
        project.learn(snapshot);
    }
}
