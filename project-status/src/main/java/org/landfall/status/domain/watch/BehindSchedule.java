package org.landfall.status.domain.watch;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.landfall.events.Stage;
import org.landfall.status.domain.StatusText;

/**
 * STARTED, with a progress figure and both planned dates: the share of the planned time elapsed (序时进度; from
 * the planned start to the planned operational date, 100% from that date on) ahead of the latest progress by more
 * than 20 points is yellow, by more than 40 red. Days are whole and the comparison exact, so the first day the gap
 * passes a threshold is a date: the window does not depend on today.
 */
public final class BehindSchedule implements WatchRule {

    static final int YELLOW_POINTS = 20;
    static final int RED_POINTS = 40;

    @Override
    public Optional<Window> window(WatchFacts f) {
        if (f.stage() != Stage.STARTED || f.progressPercent() == null || f.plannedStartOn() == null
                || f.plannedOperationalOn() == null || f.plannedOperationalOn().isBefore(f.plannedStartOn())) {
            return Optional.empty();
        }
        LocalDate yellow = firstDayTrailing(f, YELLOW_POINTS);
        if (yellow == null) {
            return Optional.empty();
        }
        return Optional.of(new Window(ReasonCode.BEHIND_SCHEDULE, yellow, firstDayTrailing(f, RED_POINTS),
                StatusText.WATCH_BEHIND.with(f.progressPercent(), f.plannedStartOn(), f.plannedOperationalOn())));
    }

    /**
     * The first day on which the time elapsed exceeds the progress by more than {@code points}, or null if it never
     * can (it stops at 100%). With d the planned duration in days, the elapsed share on day t is
     * (t - start) × 100 / d, so the day is the first t with (t - start) × 100 > (progress + points) × d.
     */
    private static LocalDate firstDayTrailing(WatchFacts f, int points) {
        long threshold = f.progressPercent() + points;
        if (threshold >= 100) {
            return null;
        }
        long duration = ChronoUnit.DAYS.between(f.plannedStartOn(), f.plannedOperationalOn());
        return f.plannedStartOn().plusDays(duration == 0 ? 0 : threshold * duration / 100 + 1);
    }
}
