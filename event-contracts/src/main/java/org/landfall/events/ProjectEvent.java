package org.landfall.events;

import java.util.UUID;

/** An event about one project, keyed by its id. */
public sealed interface ProjectEvent extends LandfallEvent
        permits ProjectSigned, ProjectCorrected, ProjectUpdateRecorded, ProjectPlanSet {

    UUID projectId();

    @Override
    default String key() {
        return projectId().toString();
    }
}
