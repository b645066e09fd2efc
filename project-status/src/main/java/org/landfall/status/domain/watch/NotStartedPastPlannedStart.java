package org.landfall.status.domain.watch;

import java.util.Optional;

import org.landfall.events.Stage;
import org.landfall.status.domain.StatusText;

/**
 * Still SIGNED after its planned start date: yellow from the day after it, red once it is more than 90 days late
 * (from the 91st day after the planned date).
 */
public final class NotStartedPastPlannedStart implements WatchRule {

    static final int RED_AFTER_DAYS = 90;

    @Override
    public Optional<Window> window(WatchFacts f) {
        if (f.stage() != Stage.SIGNED || f.plannedStartOn() == null) {
            return Optional.empty();
        }
        return Optional.of(Window.after(ReasonCode.NOT_STARTED_PAST_PLANNED_START, f.plannedStartOn(), 1,
                RED_AFTER_DAYS + 1, StatusText.WATCH_NOT_STARTED.with(f.plannedStartOn())));
    }
}
