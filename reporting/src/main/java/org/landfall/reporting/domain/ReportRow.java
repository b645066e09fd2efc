package org.landfall.reporting.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One quarter of one group: its values of the {@link Figure} catalogue, the blocks derived from the year's
 * quarters ({@link YearFigures}), the number of projects in each stage at the quarter's end (in {@code Stage}
 * order), and when the row's own quarter last changed.
 */
public record ReportRow(String quarter, Map<String, String> group, FigureValues figures, YearFigures.Blocks year,
                        Map<String, Long> endOfQuarter, Instant updatedAt) {

    public boolean hasFigures() {
        return !figures.isZero() || endOfQuarter.values().stream().anyMatch(n -> n != 0);
    }
}
