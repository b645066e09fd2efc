package org.landfall.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.landfall.events.Stage;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.FigureHistory;
import org.landfall.reporting.domain.LatestFigures;

/**
 * The stored latest rows, sums and moments, are a function of the facts alone: maintained the way the consumer
 * maintains them (re-deriving touched projects at the watermark, moving the watermark, recomputing the moments a
 * late fact lowers), in any order of arrival and any pace of the watermark, they end equal to the rows computed
 * at once from every fact.
 */
class LatestFiguresOrderTest {

    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    /** Places with and without codes; Shuangyashan spelt three ways is one place, its county another row of it. */
    static final List<Facts.Location> PLACES = List.of(new Facts.Location("P", "A", "", null),
            new Facts.Location("P", "A", "d", null), new Facts.Location("P", "B", "", null),
            new Facts.Location("Heilongjiang", "Shuangyashan", "", null), new Facts.Location("黑龙江省", "双鸭山市", "", null),
            new Facts.Location("黑龙江", "Shuangyashan", "", "230500"), new Facts.Location("黑龙江省", "双鸭山市", "宝清县", "230523"));

    @Test
    void shouldEndWithTheSameRowsWhateverTheOrderOfArrivalAndThePaceOfTheWatermark() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            List<Object> facts = facts(random);
            Instant last = facts.stream().map(LatestFiguresOrderTest::recordedAt).max(Comparator.naturalOrder()).orElseThrow();
            Map<LatestFigures.Key, LatestFigures.Change> expected = rowsAtOnce(facts, last);
            for (int delivery = 0; delivery < 5; delivery++) {
                List<Object> shuffled = new ArrayList<>(facts);
                Collections.shuffle(shuffled, random);
                Store store = new Store();
                int i = 0;
                while (i < shuffled.size()) {
                    int n = 1 + random.nextInt(4);
                    store.apply(shuffled.subList(i, Math.min(shuffled.size(), i + n)));
                    i += n;
                    if (random.nextBoolean()) {
                        Instant latestApplied = shuffled.subList(0, Math.min(shuffled.size(), i)).stream()
                                .map(LatestFiguresOrderTest::recordedAt).max(Comparator.naturalOrder()).orElseThrow();
                        store.advance(latestApplied.minus(random.nextInt(3), ChronoUnit.DAYS));
                    }
                }
                store.advance(last);
                assertSameRows(expected, store.rows, "seed " + seed + ", delivery " + delivery);
            }
        }
    }

    /** The consumer's bookkeeping, with a map standing in for latest_figure and the history tables. */
    private static final class Store {
        final Map<UUID, List<Facts.ProjectVersion>> versions = new HashMap<>();
        final Map<UUID, List<Facts.Update>> updates = new HashMap<>();
        final Map<UUID, List<Facts.Plan>> plans = new HashMap<>();
        final Map<UUID, FigureHistory.History> histories = new HashMap<>();
        final Map<LatestFigures.Key, LatestFigures.Change> rows = LatestFigures.changes();
        Instant watermark = Instant.EPOCH;

        void apply(List<Object> batch) {
            Set<UUID> touched = new TreeSet<>();
            for (Object fact : batch) {
                if (fact instanceof Facts.ProjectVersion v) {
                    versions.computeIfAbsent(v.projectId(), k -> new ArrayList<>()).add(v);
                    touched.add(v.projectId());
                } else if (fact instanceof Facts.Update u) {
                    updates.computeIfAbsent(u.projectId(), k -> new ArrayList<>()).add(u);
                    touched.add(u.projectId());
                } else if (fact instanceof Facts.Plan p) {
                    plans.computeIfAbsent(p.projectId(), k -> new ArrayList<>()).add(p);
                    touched.add(p.projectId());
                }
            }
            Map<LatestFigures.Key, LatestFigures.Change> changes = LatestFigures.changes();
            Set<LatestFigures.Key> lowered = new TreeSet<>();
            for (UUID id : touched) {
                FigureHistory.History before = histories.getOrDefault(id, new FigureHistory.History(List.of(), List.of()));
                FigureHistory.History after = FigureHistory.of(versions.getOrDefault(id, List.of()),
                        updates.getOrDefault(id, List.of()), plans.getOrDefault(id, List.of()));
                histories.put(id, after);
                lowered.addAll(LatestFigures.addRederivation(changes, before, after, watermark));
            }
            add(rows, changes);
            Map<LatestFigures.Key, LatestFigures.Change> exact = LatestFigures.changes();
            histories.values().forEach(h -> LatestFigures.addMove(exact, h, null, watermark));
            for (LatestFigures.Key key : lowered) {
                // what recomputeMoments does: the row keeps its sums and takes the true moments
                LatestFigures.Change row = new LatestFigures.Change(), truth = exact.get(key);
                addSums(row, rows.get(key));
                if (truth != null) {
                    row.raiseUpdatedAt(truth.updatedAt());
                    row.raiseOpenUpdatedAt(truth.openUpdatedAt());
                }
                rows.put(key, row);
            }
        }

        void advance(Instant to) {
            if (!to.isAfter(watermark)) {
                return;
            }
            Map<LatestFigures.Key, LatestFigures.Change> changes = LatestFigures.changes();
            for (FigureHistory.History h : histories.values()) {
                LatestFigures.addMove(changes, inWindow(h, watermark, to), watermark, to);
            }
            add(rows, changes);
            watermark = to;
        }

        /** What the window query reads: the versions with a boundary in (from, to]. */
        static FigureHistory.History inWindow(FigureHistory.History h, Instant from, Instant to) {
            return new FigureHistory.History(
                    h.contributions().stream().filter(v -> crosses(v, from, to)).toList(),
                    h.spans().stream().filter(v -> crosses(v, from, to)).toList());
        }

        static boolean crosses(FigureHistory.Versioned<?> v, Instant from, Instant to) {
            return v.from().isAfter(from) && !v.from().isAfter(to) || v.to() != null && v.to().isAfter(from) && !v.to().isAfter(to);
        }
    }

    /** What the upsert does: sums add up, moments only move forward. */
    private static void add(Map<LatestFigures.Key, LatestFigures.Change> rows, Map<LatestFigures.Key, LatestFigures.Change> changes) {
        changes.forEach((key, c) -> {
            LatestFigures.Change row = rows.computeIfAbsent(key, k -> new LatestFigures.Change());
            addSums(row, c);
            row.raiseUpdatedAt(c.updatedAt());
            row.raiseOpenUpdatedAt(c.openUpdatedAt());
        });
    }

    private static void addSums(LatestFigures.Change row, LatestFigures.Change c) {
        row.figures().add(c.figures(), 1);
        for (Stage s : Stage.values()) {
            row.addStageChange(s, c.stageChange(s));
        }
    }

    private static Map<LatestFigures.Key, LatestFigures.Change> rowsAtOnce(List<Object> facts, Instant at) {
        Store all = new Store();
        all.apply(facts);
        Map<LatestFigures.Key, LatestFigures.Change> rows = LatestFigures.changes();
        all.histories.values().forEach(h -> LatestFigures.addMove(rows, h, null, at));
        return rows;
    }

    private static void assertSameRows(Map<LatestFigures.Key, LatestFigures.Change> expected,
            Map<LatestFigures.Key, LatestFigures.Change> actual, String where) {
        Set<LatestFigures.Key> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (LatestFigures.Key key : keys) {
            assertEquals(describe(expected.get(key)), describe(actual.get(key)), where + ", row " + key);
        }
    }

    private static String describe(LatestFigures.Change c) {
        if (c == null) {
            c = new LatestFigures.Change();
        }
        List<Object> values = new ArrayList<>();
        for (Figure f : Figure.values()) {
            values.add(c.figures().get(f).stripTrailingZeros());
        }
        for (Stage s : Stage.values()) {
            values.add(c.stageChange(s));
        }
        values.add(Objects.toString(c.updatedAt()));
        values.add(Objects.toString(c.openUpdatedAt()));
        return values.toString();
    }

    /** A few projects with corrections (value, date, place), stage changes and late figures, on coarse moments. */
    private static List<Object> facts(Random random) {
        List<Object> facts = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            UUID id = UUID.randomUUID();
            LocalDate signedOn = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(400));
            int revisions = 1 + random.nextInt(3);
            for (int r = 1; r <= revisions; r++) {
                facts.add(new Facts.ProjectVersion(id, r, moment(random), signedOn.minusDays(random.nextInt(100)),
                        BigDecimal.valueOf(100 + random.nextInt(5)), random.nextInt(3), PLACES.get(random.nextInt(PLACES.size())),
                        random.nextBoolean() ? "s1" : "s2", random.nextBoolean() ? "" : "park", random.nextBoolean() ? List.of() : List.of("provincial-key"),
                        random.nextBoolean() ? null : signedOn.plusDays(random.nextInt(200))));
            }
            int plans = random.nextInt(3);
            for (int y = 0; y < plans; y++) {
                facts.add(new Facts.Plan(UUID.randomUUID(), id, 2023 + random.nextInt(2), BigDecimal.valueOf(random.nextInt(90)),
                        random.nextBoolean(), moment(random)));
            }
            int updates = random.nextInt(6);
            for (int u = 0; u < updates; u++) {
                Stage stage = random.nextInt(3) == 0 ? null : Stage.values()[random.nextInt(Stage.values().length)];
                facts.add(new Facts.Update(UUID.randomUUID(), id, signedOn.plusDays(random.nextInt(300)), stage,
                        random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(50)) : null,
                        random.nextBoolean() ? (long) random.nextInt(9) : null,
                        random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(70)) : null, moment(random)));
            }
        }
        return facts;
    }

    private static Instant recordedAt(Object fact) {
        if (fact instanceof Facts.Plan p) {
            return p.recordedAt();
        }
        return fact instanceof Facts.ProjectVersion v ? v.recordedAt() : ((Facts.Update) fact).recordedAt();
    }

    /** Few distinct moments, so facts of one project and of different projects share them. */
    private static Instant moment(Random random) {
        return T0.plus(random.nextInt(8), ChronoUnit.DAYS);
    }
}
