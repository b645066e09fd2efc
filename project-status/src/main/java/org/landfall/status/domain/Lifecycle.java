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

    /**
     * The stages a project in {@code current} may move to: those the event contract lets follow it
     * ({@link Stage#mayFollow}), out of SUSPENDED only back to {@code suspendedFrom} or to CANCELLED.
     */
    public static Set<Stage> next(Stage current, Stage suspendedFrom) {
        Set<Stage> next = EnumSet.noneOf(Stage.class);
        for (Stage s : Stage.values()) {
            if (s != current && s.mayFollow(current)
                    && (current != Stage.SUSPENDED || s == suspendedFrom || s == Stage.CANCELLED)) {
                next.add(s);
            }
        }
        return next;
    }

    public static boolean allows(Stage current, Stage suspendedFrom, Stage target) {
        return next(current, suspendedFrom).contains(target);
    }
}
