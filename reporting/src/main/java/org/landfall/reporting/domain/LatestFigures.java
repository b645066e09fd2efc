package org.landfall.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.landfall.events.Stage;

/**
 * The latest figures, pre-aggregated at eight levels (geography none, province, city or district, each without
 * and with sector), and how one project's new figure history changes them. A pure function of what the read
 * model held before and the history derived now, so the consumer can add the result to the stored rows in the
 * same transaction: applied once per derivation, it keeps the rows equal to the sum of every project's latest
 * figures whatever the order of arrival.
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

    /** The level a report reads: fine enough for its grouping and for every column it filters on. */
    public static int levelFor(GroupBy groupBy, Set<String> filtered) {
        int geography = 0;
        for (String column : groupBy.columns) {
            geography = Math.max(geography, geographyOf(column));
        }
        for (String column : filtered) {
            geography = Math.max(geography, geographyOf(column));
        }
        return level(geography, groupBy.columns.contains("sector") || filtered.contains("sector"));
    }

    private static int geographyOf(String column) {
        return switch (column) {
            case "province" -> 1;
            case "city" -> 2;
            case "district" -> 3;
            default -> 0;
        };
    }

    /** One stored row: a level, a quarter, and the group at that level ('' in the columns it does not use). */
    public record Key(int level, int quarter, String province, String city, String district, String sector)
            implements Comparable<Key> {

        static Key of(int level, int quarter, Facts.Group g) {
            int geography = level / 2;
            return new Key(level, quarter, geography >= 1 ? g.province() : "", geography >= 2 ? g.city() : "",
                    geography >= 3 ? g.district() : "", level % 2 == 1 ? g.sector() : "");
        }

        /** The primary key's order: changes applied in it cannot deadlock each other. */
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(level, o.level);
            c = c != 0 ? c : province.compareTo(o.province);
            c = c != 0 ? c : city.compareTo(o.city);
            c = c != 0 ? c : district.compareTo(o.district);
            c = c != 0 ? c : sector.compareTo(o.sector);
            return c != 0 ? c : Integer.compare(quarter, o.quarter);
        }
    }

    /**
     * What to add to one stored row: flow figures, pipeline changes by stage ({@link Stage} order), and the
     * moments to raise {@code updated_at} and {@code open_updated_at} to (null: leave them).
     */
    public static final class Change {
        public long signedCount, plannedJobs, startedCount, operationalCount, suspendedCount, cancelledCount, jobsDelta;
        public BigDecimal signedValue = BigDecimal.ZERO, startedValue = BigDecimal.ZERO, operationalValue = BigDecimal.ZERO,
                suspendedValue = BigDecimal.ZERO, cancelledValue = BigDecimal.ZERO, investmentDelta = BigDecimal.ZERO;
        public final long[] stageChange = new long[Stage.values().length];
        public Instant updatedAt, openUpdatedAt;

        void add(Figures.Contribution c, int sign) {
            signedCount += sign * c.signedCount();
            plannedJobs += sign * c.plannedJobs();
            startedCount += sign * c.startedCount();
            operationalCount += sign * c.operationalCount();
            suspendedCount += sign * c.suspendedCount();
            cancelledCount += sign * c.cancelledCount();
            jobsDelta += sign * c.jobsDelta();
            BigDecimal s = BigDecimal.valueOf(sign);
            signedValue = signedValue.add(c.signedValue().multiply(s));
            startedValue = startedValue.add(c.startedValue().multiply(s));
            operationalValue = operationalValue.add(c.operationalValue().multiply(s));
            suspendedValue = suspendedValue.add(c.suspendedValue().multiply(s));
            cancelledValue = cancelledValue.add(c.cancelledValue().multiply(s));
            investmentDelta = investmentDelta.add(c.investmentDelta().multiply(s));
        }

        void merge(Change o) {
            signedCount += o.signedCount;
            plannedJobs += o.plannedJobs;
            startedCount += o.startedCount;
            operationalCount += o.operationalCount;
            suspendedCount += o.suspendedCount;
            cancelledCount += o.cancelledCount;
            jobsDelta += o.jobsDelta;
            signedValue = signedValue.add(o.signedValue);
            startedValue = startedValue.add(o.startedValue);
            operationalValue = operationalValue.add(o.operationalValue);
            suspendedValue = suspendedValue.add(o.suspendedValue);
            cancelledValue = cancelledValue.add(o.cancelledValue);
            investmentDelta = investmentDelta.add(o.investmentDelta);
            for (int i = 0; i < stageChange.length; i++) {
                stageChange[i] += o.stageChange[i];
            }
            updatedAt = later(updatedAt, o.updatedAt);
            openUpdatedAt = later(openUpdatedAt, o.openUpdatedAt);
        }
    }

    /**
     * Adds to {@code changes} (at every level) what one project's derivation changes: its latest contributions
     * and stage runs before ({@code contributionsBefore} by quarter, {@code spansBefore}) are taken out, those of
     * {@code history} that still hold are put in, and every moment of {@code history} marks the rows it covers.
     */
    public static void addDerivation(Map<Key, Change> changes, Map<Integer, Figures.Contribution> contributionsBefore,
            Collection<Figures.StageSpan> spansBefore, FigureHistory.History history) {
        contributionsBefore.forEach((q, c) -> at(changes, q, c.group(), ch -> ch.add(c, -1)));
        spansBefore.forEach(s -> span(changes, s, -1));
        for (FigureHistory.Versioned<Figures.Contribution> v : history.contributions()) {
            Figures.Contribution c = v.value();
            if (v.to() == null) {
                at(changes, v.quarter(), c.group(), ch -> ch.add(c, 1));
            }
            Instant moment = later(v.from(), v.to());
            at(changes, v.quarter(), c.group(), ch -> ch.updatedAt = later(ch.updatedAt, moment));
        }
        for (FigureHistory.Versioned<Figures.StageSpan> v : history.spans()) {
            Figures.StageSpan s = v.value();
            if (v.to() == null) {
                span(changes, s, 1);
            }
            Instant moment = later(v.from(), v.to());
            if (s.to() == null) {
                at(changes, s.from(), s.group(), ch -> ch.openUpdatedAt = later(ch.openUpdatedAt, moment));
            } else {
                for (int q = s.from(); q < s.to(); q++) {
                    at(changes, q, s.group(), ch -> ch.updatedAt = later(ch.updatedAt, moment));
                }
            }
        }
    }

    /** A run of a stage adds one project to that stage from its first quarter and takes it out after its last. */
    private static void span(Map<Key, Change> changes, Figures.StageSpan s, int sign) {
        int stage = s.stage().ordinal();
        at(changes, s.from(), s.group(), ch -> ch.stageChange[stage] += sign);
        if (s.to() != null) {
            at(changes, s.to(), s.group(), ch -> ch.stageChange[stage] -= sign);
        }
    }

    private static void at(Map<Key, Change> changes, int quarter, Facts.Group group, java.util.function.Consumer<Change> edit) {
        for (int level = 0; level < LEVELS; level++) {
            edit.accept(changes.computeIfAbsent(Key.of(level, quarter, group), k -> new Change()));
        }
    }

    /** A fresh map for {@link #addDerivation}, in the stored rows' key order. */
    public static Map<Key, Change> changes() {
        return new TreeMap<>();
    }

    /** The later of two moments, either of which may be null. */
    public static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
