package org.landfall.intake.domain;

import java.util.Optional;

import org.landfall.platform.problem.FieldError;

/** The years a plan or a target may be set for: the contract's 2000 to 2100 (what event consumers accept too). */
public final class PlanYears {

    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private PlanYears() {
    }

    /** The error of setting a plan or target for {@code year}, if it is outside the years. */
    public static Optional<FieldError> refuses(int year) {
        return year >= FIRST && year <= LAST ? Optional.empty()
                : Optional.of(new FieldError("year", IntakeText.YEAR_RANGE.with(FIRST, LAST)));
    }
}
