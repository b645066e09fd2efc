package org.landfall.status.domain.watch;

import java.util.Comparator;
import java.util.Optional;

import org.landfall.events.Stage;

/**
 * A blocker open for 30 days (yellow) or 90 days (red), counted from the day it was raised. A project not yet
 * OPERATIONAL or CANCELLED gives this reason once, for its oldest open blocker; the detail counts the others.
 */
public final class OpenBlocker implements WatchRule {

    static final int YELLOW_AFTER_DAYS = 30;
    static final int RED_AFTER_DAYS = 90;

    @Override
    public Optional<Window> window(WatchFacts f) {
        if (f.stage() == Stage.OPERATIONAL || f.stage() == Stage.CANCELLED) {
            return Optional.empty();
        }
        return f.openBlockers().stream().min(Comparator.comparing(WatchFacts.OpenBlocker::raisedOn)).map(oldest -> {
            int others = f.openBlockers().size() - 1;
            String detail = oldest.kind() + " blocker raised on " + oldest.raisedOn() + ", owner " + oldest.owner()
                    + (others == 0 ? "" : "; " + others + " other blocker" + (others == 1 ? "" : "s") + " open");
            return Window.after(ReasonCode.OPEN_BLOCKER, oldest.raisedOn(), YELLOW_AFTER_DAYS, RED_AFTER_DAYS, detail);
        });
    }
}
