package org.landfall.status.domain.watch;

import java.util.Optional;

import org.landfall.events.Stage;
import org.landfall.status.domain.StatusText;

/**
 * STARTED or SUSPENDED after its planned operational date: yellow from the day after it, red once it is more than
 * 90 days late (from the 91st day after the planned date).
 */
public final class NotOperationalPastPlannedOperation implements WatchRule {

    static final int RED_AFTER_DAYS = 90;

    @Override
    public Optional<Window> window(WatchFacts f) {
        if (f.stage() != Stage.STARTED && f.stage() != Stage.SUSPENDED || f.plannedOperationalOn() == null) {
            return Optional.empty();
        }
        return Optional.of(Window.after(ReasonCode.NOT_OPERATIONAL_PAST_PLANNED_OPERATION, f.plannedOperationalOn(), 1,
                RED_AFTER_DAYS + 1, (f.stage() == Stage.STARTED ? StatusText.WATCH_NOT_OPERATIONAL_STARTED
                        : StatusText.WATCH_NOT_OPERATIONAL_SUSPENDED).with(f.plannedOperationalOn())));
    }
}
