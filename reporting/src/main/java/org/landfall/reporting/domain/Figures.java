package org.landfall.reporting.domain;

import java.util.List;
import java.util.Map;

import org.landfall.events.Stage;

/** What one project contributes to the report, as far as a given set of its facts tells. */
public record Figures(Map<Integer, Contribution> contributions, List<StageSpan> spans) {

    public static final Figures NONE = new Figures(Map.of(), List.of());

    /** The project's part of one quarter's flow figures: a value for every figure of the catalogue. */
    public record Contribution(Facts.Profile profile, FigureValues figures) {

        public Facts.Group group() {
            return profile.group();
        }
    }

    /** The project's stage at the end of quarters {@code from} .. {@code to - 1} ({@code to} null: onwards). */
    public record StageSpan(Facts.Profile profile, Stage stage, int from, Integer to) {

        public Facts.Group group() {
            return profile.group();
        }
    }
}
