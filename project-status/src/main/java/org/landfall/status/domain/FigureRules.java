package org.landfall.status.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.landfall.platform.problem.FieldError;

/**
 * Investment completed, funds in place and jobs created are cumulative to their effective date: a new figure may
 * not be lower than one of an earlier date, nor higher than one of a later date. Figures of the same date may
 * differ (the later one corrects the earlier).
 */
public final class FigureRules {

    private FigureRules() {
    }

    public static List<FieldError> check(List<StatusUpdate> history, Report report) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = report.effectiveOn();
        consistent(history, on, report.investmentCompleted(), StatusUpdate::investmentCompleted, "investmentCompleted")
                .ifPresent(errors::add);
        consistent(history, on, report.fundsInPlace(), StatusUpdate::fundsInPlace, "fundsInPlace").ifPresent(errors::add);
        consistent(history, on, report.jobsCreated() == null ? null : BigDecimal.valueOf(report.jobsCreated()),
                u -> u.jobsCreated() == null ? null : BigDecimal.valueOf(u.jobsCreated()), "jobsCreated").ifPresent(errors::add);
        return errors;
    }

    private static Optional<FieldError> consistent(List<StatusUpdate> history, LocalDate on, BigDecimal value,
                                                   Function<StatusUpdate, BigDecimal> figure, String field) {
        if (value == null) {
            return Optional.empty();
        }
        for (StatusUpdate u : history) {
            BigDecimal other = figure.apply(u);
            if (other == null) {
                continue;
            }
            if (u.effectiveOn().isBefore(on) && value.compareTo(other) < 0) {
                return Optional.of(new FieldError(field,
                        StatusText.CUMULATIVE_LOWER.with(plain(value), plain(other), u.effectiveOn())));
            }
            if (u.effectiveOn().isAfter(on) && value.compareTo(other) > 0) {
                return Optional.of(new FieldError(field,
                        StatusText.CUMULATIVE_HIGHER.with(plain(value), plain(other), u.effectiveOn())));
            }
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
