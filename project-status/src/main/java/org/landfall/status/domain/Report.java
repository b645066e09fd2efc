package org.landfall.status.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.landfall.events.Stage;

/**
 * What an inspector saw, as of the date it became true: a stage change and/or cumulative figures, or only a note.
 * Fields left null report nothing.
 */
public record Report(
        Stage stage,
        LocalDate effectiveOn,
        BigDecimal investmentCompleted,
        Long jobsCreated,
        Integer progressPercent,
        String note) {

    public boolean reportsSomething() {
        return stage != null || investmentCompleted != null || jobsCreated != null || progressPercent != null
                || note != null && !note.isBlank();
    }
}
