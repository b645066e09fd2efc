package org.landfall.status.domain.watch;

import java.util.Comparator;
import java.util.Optional;

import org.landfall.events.Stage;
import org.landfall.platform.problem.Text;
import org.landfall.status.domain.BlockerKind;
import org.landfall.status.domain.StatusText;

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
            Text kind = BlockerKind.of(oldest.kind()).map(BlockerKind::text).orElse(Text.said(oldest.kind()));
            Text detail = others == 0 ? StatusText.WATCH_BLOCKER.with(kind, oldest.raisedOn(), oldest.owner())
                    : others == 1 ? StatusText.WATCH_BLOCKER_AND_ONE.with(kind, oldest.raisedOn(), oldest.owner())
                    : StatusText.WATCH_BLOCKER_AND_MORE.with(kind, oldest.raisedOn(), oldest.owner(), others);
            return Window.after(ReasonCode.OPEN_BLOCKER, oldest.raisedOn(), YELLOW_AFTER_DAYS, RED_AFTER_DAYS, detail);
        });
    }
}
