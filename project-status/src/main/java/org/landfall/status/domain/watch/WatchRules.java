package org.landfall.status.domain.watch;

import java.util.List;
import java.util.Optional;

/** Every reason of the watch list, and the version of their thresholds that a stored window was computed with. */
public final class WatchRules {

    /** Raised whenever a rule changes: the windows of older versions are recomputed at start-up. */
    public static final int VERSION = 2;

    private static final List<WatchRule> RULES = List.of(new NotStartedPastPlannedStart(),
            new NotOperationalPastPlannedOperation(), new NoRecentUpdate(), new SuspendedTooLong(), new BehindSchedule(),
            new OpenBlocker());

    private WatchRules() {
    }

    /** The windows of every reason that holds, or will hold as the facts stand, for a project. */
    public static List<Window> windows(WatchFacts facts) {
        return RULES.stream().map(r -> r.window(facts)).flatMap(Optional::stream).toList();
    }
}
