package org.landfall.status.service;

import java.util.List;

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

    /** Applies first-seen events (the ledger has already filtered redeliveries) inside the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<LandfallEvent> events) {
        for (LandfallEvent event : events) {
            if (event instanceof ProjectSigned signed) {
                learn(signed.project());
            } else if (event instanceof ProjectCorrected corrected) {
                learn(corrected.project());
            }
        }
    }

    private void learn(ProjectSnapshot snapshot) {
        projects.findForUpdate(snapshot.id()).ifPresentOrElse(p -> p.learn(snapshot),
                () -> projects.persist(TrackedProject.of(snapshot)));
    }
}
