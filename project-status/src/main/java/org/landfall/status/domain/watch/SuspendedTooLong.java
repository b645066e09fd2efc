package org.landfall.status.domain.watch;

import java.util.Optional;

import org.landfall.events.Stage;
import org.landfall.status.domain.StatusText;

/** SUSPENDED for 30 days (yellow) or 90 days (red), counted from the suspension's effective date. */
public final class SuspendedTooLong implements WatchRule {

    static final int YELLOW_AFTER_DAYS = 30;
    static final int RED_AFTER_DAYS = 90;

    @Override
    public Optional<Window> window(WatchFacts f) {
        if (f.stage() != Stage.SUSPENDED) {
            return Optional.empty();
        }
        return Optional.of(Window.after(ReasonCode.SUSPENDED_TOO_LONG, f.stageSince(), YELLOW_AFTER_DAYS, RED_AFTER_DAYS,
                StatusText.WATCH_SUSPENDED.with(f.stageSince())));
    }
}
