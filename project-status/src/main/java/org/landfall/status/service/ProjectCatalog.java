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
                learn(signed.project(), touched);
            } else if (event instanceof ProjectCorrected corrected) {
                learn(corrected.project(), touched);
            }
        }
        watchList.refresh(touched.values());
    }

    private void learn(ProjectSnapshot snapshot, Map<UUID, TrackedProject> touched) {
        TrackedProject p = touched.computeIfAbsent(snapshot.id(), id -> projects.findForUpdate(id).orElseGet(() -> {
            TrackedProject created = TrackedProject.of(snapshot);
            projects.persist(created);
            return created;
        }));
        p.learn(snapshot);
    }
}
