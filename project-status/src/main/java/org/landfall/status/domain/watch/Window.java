package org.landfall.status.domain.watch;

import java.time.LocalDate;
import java.util.Optional;

import org.landfall.platform.problem.Text;

/**
 * When one reason holds for a project, given what status knows of it now: yellow from {@code since} (the first day
 * the reason holds), red from {@code redFrom} (null: never red). It does not depend on today, so it is kept per
 * project and only recomputed when the project's facts change; {@code detail} says what it rests on (in the
 * language of whoever reads it).
 */
public record Window(ReasonCode code, LocalDate since, LocalDate redFrom, Text detail) {

    /**
     * The window of a reason that begins {@code yellowAfter} days after {@code reference} and turns red
     * {@code redAfter} days after it.
     */
    static Window after(ReasonCode code, LocalDate reference, int yellowAfter, int redAfter, Text detail) {
        return new Window(code, reference.plusDays(yellowAfter), reference.plusDays(redAfter), detail);
    }

    /** The level this reason gives on {@code today}; empty before it begins. */
    public Optional<Level> levelOn(LocalDate today) {
        if (today.isBefore(since)) {
            return Optional.empty();
        }
        return Optional.of(redFrom != null && !today.isBefore(redFrom) ? Level.RED : Level.YELLOW);
    }
}
