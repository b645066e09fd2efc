package org.landfall.status.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.landfall.platform.problem.FieldError;

/**
 * Investment completed and jobs created are cumulative to their effective date: a new figure may not be lower
 * than one of an earlier date, nor higher than one of a later date. Figures of the same date may differ (the
 * later one corrects the earlier).
 */
public final class FigureRules {

    private FigureRules() {
    }

    public static List<FieldError> check(List<StatusUpdate> history, LocalDate on, BigDecimal investment, Long jobs) {
        List<FieldError> errors = new ArrayList<>();
        if (investment != null) {
            consistent(history, on, investment, StatusUpdate::investmentCompleted, "investmentCompleted").ifPresent(errors::add);
        }
        if (jobs != null) {
            consistent(history, on, BigDecimal.valueOf(jobs),
                    u -> u.jobsCreated() == null ? null : BigDecimal.valueOf(u.jobsCreated()), "jobsCreated").ifPresent(errors::add);
        }
        return errors;
    }

    private static java.util.Optional<FieldError> consistent(List<StatusUpdate> history, LocalDate on, BigDecimal value,
                                                             Function<StatusUpdate, BigDecimal> figure, String field) {
        for (StatusUpdate u : history) {
            BigDecimal other = figure.apply(u);
            if (other == null) {
                continue;
            }
            if (u.effectiveOn().isBefore(on) && value.compareTo(other) < 0) {
                return java.util.Optional.of(new FieldError(field,
                        StatusText.CUMULATIVE_LOWER.with(plain(value), plain(other), u.effectiveOn())));
            }
            if (u.effectiveOn().isAfter(on) && value.compareTo(other) > 0) {
                return java.util.Optional.of(new FieldError(field,
                        StatusText.CUMULATIVE_HIGHER.with(plain(value), plain(other), u.effectiveOn())));
            }
        }
        return java.util.Optional.empty();
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
