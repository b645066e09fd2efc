package org.landfall.status.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.landfall.events.Stage;

/**
 * What an inspector saw, as of the date it became true: a stage change, cumulative figures, milestones reached, or
 * only a note. Fields left null (milestones: empty) report nothing. {@code milestones} are as the inspector gave
 * them (codes of {@link Milestone}, checked by {@link TrackedProject#record}).
 */
public record Report(
        Stage stage,
        LocalDate effectiveOn,
        BigDecimal investmentCompleted,
        Long jobsCreated,
        Integer progressPercent,
        String note,
        BigDecimal fundsInPlace,
        List<String> milestones) {

    /** Null codes stay in the list (as an unknown code they are refused, by their index). */
    public Report {
        milestones = milestones == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(milestones));
    }

    public boolean reportsSomething() {
        return stage != null || investmentCompleted != null || fundsInPlace != null || jobsCreated != null
                || progressPercent != null || !milestones.isEmpty() || note != null && !note.isBlank();
    }
}
