package org.landfall.reporting.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.landfall.events.Stage;

/**
 * The latest figures, pre-aggregated at eight levels (geography none, province, city or district, each without
 * and with sector), kept as of the watermark W: each row is the sum of what every project's versions held at W,
 * and its moments are the latest boundaries (a version beginning or ending) up to W among the versions covering
 * it. Both are functions of the facts alone, whatever order they arrived in. Two changes keep them so, as
 * differences the consumer adds to the stored rows in its transaction: re-deriving a project at W, and moving W.
 */
public final class LatestFigures {

    /** Geography levels 0-3 (none, province, city, district), times two, plus one when grouped by sector. */
    public static final int LEVELS = 8;
    public static final int FINEST = level(3, true);

    private LatestFigures() {
    }

    public static int level(int geography, boolean bySector) {
        return geography * 2 + (bySector ? 1 : 0);
    }

    /**
     * The level a report reads: fine enough for its grouping, its place filters (the levels they name or match
     * codes of) and its other filters ({@code filtered}: sector or none).
     */
    public static int levelFor(GroupBy groupBy, PlaceFilter places, Set<String> filtered) {
        int geography = Math.max(groupBy.placeDepth, places.depth());
        return level(geography, groupBy.columns.contains("sector") || filtered.contains("sector"));
    }

    /**
     * One stored row: a level, a quarter, and the group at that level (the place down to the level's geography;
     * sector '' unless the level is by sector).
     */
    public record Key(int level, int quarter, Place place, String sector) implements Comparable<Key> {

        static Key of(int level, int quarter, Facts.Group g) {
            return new Key(level, quarter, g.place().upTo(level / 2), level % 2 == 1 ? g.sector() : "");
        }

        /** One order for every transaction: changes applied in it cannot deadlock each other. */
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(level, o.level);
            for (int d = 1; c == 0 && d <= Place.LEVELS.size(); d++) {
                c = place.part(d).name().compareTo(o.place.part(d).name());
                c = c != 0 ? c : place.part(d).code().compareTo(o.place.part(d).code());
            }
            c = c != 0 ? c : sector.compareTo(o.sector);
            return c != 0 ? c : Integer.compare(quarter, o.quarter);
        }
    }

    /**
     * What to add to one stored row: the catalogue's figures, the change of the number of projects in each stage,
     * and the moments to raise {@code updated_at} and {@code open_updated_at} to (null: leave them).
     */
    public static final class Change {
        private final FigureValues figures = new FigureValues();
        private final Map<Stage, Long> stageChange = new EnumMap<>(Stage.class);
        private Instant updatedAt;
        private Instant openUpdatedAt;

        public FigureValues figures() {
            return figures;
        }

        public long stageChange(Stage stage) {
            return stageChange.getOrDefault(stage, 0L);
        }

        public void addStageChange(Stage stage, long n) {
            stageChange.merge(stage, n, Long::sum);
        }

        public Instant updatedAt() {
            return updatedAt;
        }

        public Instant openUpdatedAt() {
            return openUpdatedAt;
        }

        public void raiseUpdatedAt(Instant moment) {
            updatedAt = later(updatedAt, moment);
        }

        public void raiseOpenUpdatedAt(Instant moment) {
            openUpdatedAt = later(openUpdatedAt, moment);
        }

        /** Whether the change shows in later quarters' rows too: the pipeline and open-ended runs add up over them. */
        public boolean coversLaterQuarters() {
            return openUpdatedAt != null || stageChange.values().stream().anyMatch(n -> n != 0);
        }
    }

    /**
     * What re-deriving one project changes in rows kept as of {@code at}: the versions of {@code before} that held
     * at {@code at} are taken out, those of {@code after} put in, and every boundary of {@code after} up to
     * {@code at} marks the rows it covers. Returns the rows where a moment of {@code before} is later than any of
     * {@code after}: a late fact rewrote the project's past, and their moments must be computed again from all
     * projects, since the stored moments only move forward.
     */
    public static Set<Key> addRederivation(Map<Key, Change> changes, FigureHistory.History before,
            FigureHistory.History after, Instant at) {
        addHeld(changes, before, at, -1);
        addHeld(changes, after, at, 1);
        addMarks(changes, after, null, at);
        Map<Key, Change> was = changes();
        addMarks(was, before, null, at);
        Map<Key, Change> is = changes();
        addMarks(is, after, null, at);
        Set<Key> lowered = new TreeSet<>();
        was.forEach((key, w) -> {
            Change i = is.get(key);
            if (i == null || earlier(i.updatedAt, w.updatedAt) || earlier(i.openUpdatedAt, w.openUpdatedAt)) {
                lowered.add(key);
            }
        });
        return lowered;
    }

    /**
     * What moving rows kept as of {@code from} to {@code to} changes, for versions whose boundaries fall in
     * between: those that held at {@code from} are taken out, those that hold at {@code to} put in, and their
     * boundaries in ({@code from}, {@code to}] mark the rows they cover.
     */
    public static void addMove(Map<Key, Change> changes, FigureHistory.History versions, Instant from, Instant to) {
        addHeld(changes, versions, from, -1);
        addHeld(changes, versions, to, 1);
        addMarks(changes, versions, from, to);
    }

    /** Adds {@code sign} times the contributions and stage runs of {@code history} that held at {@code at}. */
    private static void addHeld(Map<Key, Change> changes, FigureHistory.History history, Instant at, int sign) {
        for (FigureHistory.Versioned<Figures.Contribution> v : history.contributions()) {
            if (holds(v, at)) {
                at(changes, v.quarter(), v.value().group(), ch -> ch.figures().add(v.value().figures(), sign));
            }
        }
        for (FigureHistory.Versioned<Figures.StageSpan> v : history.spans()) {
            if (holds(v, at)) {
                span(changes, v.value(), sign);
            }
        }
    }

    /**
     * Raises the moments of the rows each version covers to its boundaries (when it began to hold, when it
     * stopped) in ({@code after}, {@code upTo}]; {@code after} null: from the beginning. A contribution covers its
     * quarter; a closed stage run each of its quarters; an open-ended run the quarter it starts in, through
     * {@code open_updated_at}, which covers the later quarters too.
     */
    private static void addMarks(Map<Key, Change> changes, FigureHistory.History history, Instant after, Instant upTo) {
        for (FigureHistory.Versioned<Figures.Contribution> v : history.contributions()) {
            Instant moment = lastBoundary(v, after, upTo);
            if (moment != null) {
                at(changes, v.quarter(), v.value().group(), ch -> ch.raiseUpdatedAt(moment));
            }
        }
        for (FigureHistory.Versioned<Figures.StageSpan> v : history.spans()) {
            Instant moment = lastBoundary(v, after, upTo);
            Figures.StageSpan s = v.value();
            if (moment == null) {
                continue;
            }
            if (s.to() == null) {
                at(changes, s.from(), s.group(), ch -> ch.raiseOpenUpdatedAt(moment));
            } else {
                for (int q = s.from(); q < s.to(); q++) {
                    at(changes, q, s.group(), ch -> ch.raiseUpdatedAt(moment));
                }
            }
        }
    }

    private static boolean holds(FigureHistory.Versioned<?> v, Instant at) {
        return at != null && !v.from().isAfter(at) && (v.to() == null || v.to().isAfter(at));
    }

    /** The later of a version's two boundaries that falls in ({@code after}, {@code upTo}], or null. */
    private static Instant lastBoundary(FigureHistory.Versioned<?> v, Instant after, Instant upTo) {
        Instant last = null;
        for (Instant b : new Instant[] {v.from(), v.to()}) {
            if (b != null && !b.isAfter(upTo) && (after == null || b.isAfter(after))) {
                last = later(last, b);
            }
        }
        return last;
    }

    private static boolean earlier(Instant is, Instant was) {
        return was != null && (is == null || is.isBefore(was));
    }

    /** A run of a stage adds one project to that stage from its first quarter and takes it out after its last. */
    private static void span(Map<Key, Change> changes, Figures.StageSpan s, int sign) {
        at(changes, s.from(), s.group(), ch -> ch.addStageChange(s.stage(), sign));
        if (s.to() != null) {
            at(changes, s.to(), s.group(), ch -> ch.addStageChange(s.stage(), -sign));
        }
    }

    private static void at(Map<Key, Change> changes, int quarter, Facts.Group group, java.util.function.Consumer<Change> edit) {
        for (int level = 0; level < LEVELS; level++) {
            edit.accept(changes.computeIfAbsent(Key.of(level, quarter, group), k -> new Change()));
        }
    }

    /**
     * A fresh map of changes. A hash map: a project's derivation touches each of its rows at every level many times,
     * and a tree map compared the keys' place names on each touch (the replay's hottest code). The stored rows are
     * written in key order all the same ({@code FactStore.addToLatest} sorts them once).
     */
    public static Map<Key, Change> changes() {
        return new HashMap<>();
    }

    /** The later of two moments, either of which may be null. */
    public static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
