package org.landfall.intake.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.intake.repository.StageRepository;

/**
 * The stage changes of intake's projects, learnt from project-status's events: intake does not run the
 * lifecycle, but reports where each project stands (GET /api/projects, the OC4IDS export), and keeps each
 * project's earliest-dated update so that a correction cannot move the signing after it.
 */
@ApplicationScoped
public class StageHistory {

    @Inject
    StageRepository stages;

    /** Applies first-seen events (the ledger has already filtered redeliveries) inside the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<LandfallEvent> events) {
        for (LandfallEvent event : events) {
            if (event instanceof ProjectUpdateRecorded u) {
                // Updates that carry only figures or a note leave the stage as it is, but date the project's history.
                boolean stageChange = u.stage() != null && u.stage() != u.previousStage();
                if (stageChange) {
                    stages.record(u.eventId(), u.projectId(), u.stage(), u.occurredOn(), u.recordedAt());
                }
                stages.recordUpdate(u.projectId(), u.occurredOn(), stageChange ? u.stage() : null);
            }
        }
    }
}
