package org.landfall.events;

import java.util.List;

/** The Kafka topics of Landfall. Every event is keyed by its subject (a project, a target's year and place), so a subject's events stay in order. */
public final class Topics {

    /** Intake's events: a project was signed, a project's contract was corrected. */
    public static final String PROJECTS = "landfall.projects";
    /** Status's events: an inspector's update (stage change and/or progress figures) was recorded. */
    public static final String PROJECT_UPDATES = "landfall.project-updates";
    /** Intake's plans and targets: a project's annual plan was set, a place's annual targets were set. */
    public static final String PLANS = "landfall.plans";
    /** Records no consumer could read, with the reason in the {@code landfall-dlq-reason} header. */
    public static final String DEAD_LETTER = "landfall.dead-letter";

    /**
     * The log is the source of truth for rebuilding read models, so nothing expires. {@code producer} is the
     * application (quarkus.application.name) that publishes the topic's events; any consumer writes dead letters.
     */
    public record Spec(String name, int partitions, long retentionMs, String producer) {
    }

    public static final List<Spec> ALL = List.of(
            new Spec(PROJECTS, 6, -1, "project-intake"),
            new Spec(PROJECT_UPDATES, 6, -1, "project-status"),
            new Spec(PLANS, 6, -1, "project-intake"),
            new Spec(DEAD_LETTER, 1, -1, null));

    /** The {@code type}s of the events each topic carries (the dead-letter topic carries whatever was unreadable). */
    public static List<String> eventTypes(String topic) {
        return switch (topic) {
            case PROJECTS -> List.of(ProjectSigned.TYPE, ProjectCorrected.TYPE);
            case PROJECT_UPDATES -> List.of(ProjectUpdateRecorded.TYPE);
            case PLANS -> List.of(ProjectPlanSet.TYPE, TargetSet.TYPE);
            default -> List.of();
        };
    }

    private Topics() {
    }
}
