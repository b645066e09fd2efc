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
        Map<UUID, TrackedProject> touched = new LinkedHashMap<>();
        for (LandfallEvent event : events) {
            if (event instanceof ProjectSigned signed) {
                learn(event, signed.project(), touched);
            } else if (event instanceof ProjectCorrected corrected) {
                learn(event, corrected.project(), touched);
            }
        }
        watchList.refresh(touched.values());
    }

    /** Learns a revision of a contract, refusing one that skips ahead of the revision held ({@link Revisions}). */
    private void learn(LandfallEvent event, ProjectSnapshot snapshot, Map<UUID, TrackedProject> touched) {
        TrackedProject held = touched.get(snapshot.id());
        if (held == null) {
            held = projects.findForUpdate(snapshot.id()).orElse(null);
        }
        String refusal = Revisions.refusal(held == null ? 0 : held.revision(), snapshot);
        if (refusal != null) {
            throw new RefusedEvent(event, refusal);
        }
        if (held == null) {
            held = TrackedProject.of(snapshot);
            projects.persist(held);
        }
        touched.put(snapshot.id(), held);
        held.learn(snapshot);
    }
}
