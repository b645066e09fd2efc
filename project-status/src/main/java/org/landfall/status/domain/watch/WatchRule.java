package org.landfall.status.domain.watch;

import java.time.LocalDate;
import java.util.Optional;

/** One reason a project may need attention: a pure function of the project's facts. */
public interface WatchRule {

    /** When the reason holds for a project with these facts; empty if it never does (as they stand). */
    Optional<Window> window(WatchFacts facts);

    /** The level the reason gives on {@code today}; empty if it does not hold then. */
    default Optional<Level> levelOn(WatchFacts facts, LocalDate today) {
        return window(facts).flatMap(w -> w.levelOn(today));
    }
}
