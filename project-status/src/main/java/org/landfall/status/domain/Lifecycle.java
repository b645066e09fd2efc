package org.landfall.status.domain;

import java.util.EnumSet;
import java.util.Set;

import org.landfall.events.Stage;

/**
 * The lifecycle of a project: SIGNED -> STARTED -> OPERATIONAL; SUSPENDED from SIGNED or STARTED and back to
 * the stage it was suspended from; CANCELLED from any stage but OPERATIONAL; OPERATIONAL and CANCELLED final.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** The stages a project in {@code current} may move to; {@code suspendedFrom} matters only when suspended. */
    public static Set<Stage> next(Stage current, Stage suspendedFrom) {
        return switch (current) {
            case SIGNED -> EnumSet.of(Stage.STARTED, Stage.SUSPENDED, Stage.CANCELLED);
            case STARTED -> EnumSet.of(Stage.OPERATIONAL, Stage.SUSPENDED, Stage.CANCELLED);
            case SUSPENDED -> suspendedFrom == null ? EnumSet.of(Stage.CANCELLED) : EnumSet.of(suspendedFrom, Stage.CANCELLED);
            case OPERATIONAL, CANCELLED -> EnumSet.noneOf(Stage.class);
        };
    }

    public static boolean allows(Stage current, Stage suspendedFrom, Stage target) {
        return next(current, suspendedFrom).contains(target);
    }
}
