package org.landfall.status.domain.watch;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.landfall.events.Stage;
import org.landfall.platform.problem.Text;
import org.landfall.status.domain.StatusText;

/**
 * SIGNED, STARTED or SUSPENDED and no update recorded for 90 days (yellow) or 180 days (red), counted from the day
 * status recorded the latest update. Before the first update the count starts when intake recorded the contract:
 * nobody could report on a project before it was entered (a contract entered long after its signing does not
 * start red), and a signing date corrected to a later day moves the start with it.
 */
public final class NoRecentUpdate implements WatchRule {

    static final int YELLOW_AFTER_DAYS = 90;
    static final int RED_AFTER_DAYS = 180;

    @Override
    public Optional<Window> window(WatchFacts f) {
        if (f.stage() != Stage.SIGNED && f.stage() != Stage.STARTED && f.stage() != Stage.SUSPENDED) {
            return Optional.empty();
        }
        LocalDate last = Stream.of(f.lastUpdateRecordedOn(), f.contractRecordedOn(), f.signedOn())
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElseThrow();
        Text detail = (f.lastUpdateRecordedOn() == null ? StatusText.WATCH_NO_UPDATE_SINCE_ENTRY
                : StatusText.WATCH_LAST_UPDATE).with(last);
        return Optional.of(Window.after(ReasonCode.NO_RECENT_UPDATE, last, YELLOW_AFTER_DAYS, RED_AFTER_DAYS, detail));
    }
}
