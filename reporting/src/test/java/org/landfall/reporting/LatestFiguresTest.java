package org.landfall.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.landfall.events.Stage;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.FigureHistory;
import org.landfall.reporting.domain.GroupBy;
import org.landfall.reporting.domain.LatestFigures;
import org.landfall.reporting.domain.Place;
import org.landfall.reporting.domain.PlaceFilter;
import org.landfall.reporting.domain.Quarter;

class LatestFiguresTest {

    static final UUID ID = UUID.randomUUID();
    static final Facts.Location HARBIN = new Facts.Location("Heilongjiang", "Harbin", "Daoli", null);
    static final Facts.Location DAQING = new Facts.Location("黑龙江省", "大庆市", "", null);
    static final FigureHistory.History NONE = new FigureHistory.History(List.of(), List.of());
    static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");

    @Test
    void shouldReadTheCoarsestLevelThatCoversTheGroupingAndTheFilters() {
        assertEquals(LatestFigures.level(0, false), LatestFigures.levelFor(GroupBy.NONE, PlaceFilter.NONE, Set.of()));
        assertEquals(LatestFigures.level(1, false), LatestFigures.levelFor(GroupBy.PROVINCE, PlaceFilter.NONE, Set.of()));
        assertEquals(LatestFigures.level(2, true), LatestFigures.levelFor(GroupBy.PROVINCE,
                PlaceFilter.of(Map.of("city", "Somewhere"), null), Set.of("sector")));
        assertEquals(LatestFigures.level(1, true), LatestFigures.levelFor(GroupBy.SECTOR,
                PlaceFilter.of(Map.of("province", "Somewhere"), null), Set.of()));
        assertEquals(LatestFigures.level(3, false), LatestFigures.levelFor(GroupBy.NONE,
                PlaceFilter.of(Map.of("district", "Somewhere"), null), Set.of()));
        assertEquals(LatestFigures.FINEST, LatestFigures.levelFor(GroupBy.ALL, PlaceFilter.NONE, Set.of()));
    }

    /** A place is matched by the codes of its levels, so a report reads the level of the finest one. */
    @Test
    void shouldReadTheLevelOfTheFinestCodeAFilterMatches() {
        assertEquals(LatestFigures.level(3, false), LatestFigures.levelFor(GroupBy.PROVINCE, PlaceFilter.of(Map.of(), "230523"),
                Set.of()), "a county");
        assertEquals(LatestFigures.level(2, false), LatestFigures.levelFor(GroupBy.NONE, PlaceFilter.of(Map.of(), "230500"),
                Set.of()), "a city");
        assertEquals(LatestFigures.level(3, false), LatestFigures.levelFor(GroupBy.NONE,
                PlaceFilter.of(Map.of("province", "北京市", "city", "Chaoyang"), null), Set.of()),
                "a district of Beijing named as its city is Beijing's district 110105");
    }

    @Test
    void shouldAddANewProjectAtEveryLevelAndCountItInEachStageFromItsFirstQuarter() {
        Instant signedAt = Instant.parse("2024-02-01T00:00:00Z");
        FigureHistory.History history = FigureHistory.of(List.of(version(1, signedAt, HARBIN, "100.00")),
                List.of(new Facts.Update(UUID.randomUUID(), ID, LocalDate.of(2024, 5, 2), Stage.STARTED, null, null, null,
                        Instant.parse("2024-05-03T00:00:00Z"))), List.of());
        Map<LatestFigures.Key, LatestFigures.Change> changes = LatestFigures.changes();
        LatestFigures.addRederivation(changes, NONE, history, LATER);

        int q1 = Quarter.of(LocalDate.of(2024, 1, 15)), q2 = q1 + 1;
        LatestFigures.Change national = changes.get(new LatestFigures.Key(0, q1, Place.NONE, ""));
        assertEquals(1, national.figures().count(Figure.SIGNED_COUNT));
        assertEquals(0, new BigDecimal("100.00").compareTo(national.figures().get(Figure.SIGNED_VALUE)));
        assertEquals(1, national.stageChange(Stage.SIGNED));
        LatestFigures.Change started = changes.get(new LatestFigures.Key(LatestFigures.FINEST, q2, HARBIN.place(), "new-energy"));
        assertEquals(1, started.figures().count(Figure.STARTED_COUNT));
        assertEquals(-1, started.stageChange(Stage.SIGNED));
        assertEquals(1, started.stageChange(Stage.STARTED));
        assertEquals(Instant.parse("2024-05-03T00:00:00Z"), started.openUpdatedAt(), "the open run of STARTED changed then");
        assertEquals(LatestFigures.LEVELS * 2, changes.size(), "two quarters at eight levels");
    }

    @Test
    void shouldMoveAProjectCorrectedIntoAnotherCityOutOfItsOldRows() {
        Instant signedAt = Instant.parse("2024-02-01T00:00:00Z");
        Instant correctedAt = Instant.parse("2024-03-01T00:00:00Z");
        FigureHistory.History before = FigureHistory.of(List.of(version(1, signedAt, HARBIN, "100.00")), List.of(), List.of());
        FigureHistory.History after = FigureHistory.of(List.of(version(1, signedAt, HARBIN, "100.00"),
                version(2, correctedAt, DAQING, "120.00")), List.of(), List.of());
        Map<LatestFigures.Key, LatestFigures.Change> changes = LatestFigures.changes();
        LatestFigures.addRederivation(changes, before, after, LATER);

        int q = Quarter.of(LocalDate.of(2024, 1, 15));
        LatestFigures.Change harbin = changes.get(new LatestFigures.Key(LatestFigures.level(2, false), q, HARBIN.place().upTo(2), ""));
        LatestFigures.Change daqing = changes.get(new LatestFigures.Key(LatestFigures.level(2, false), q, DAQING.place().upTo(2), ""));
        LatestFigures.Change province = changes.get(new LatestFigures.Key(LatestFigures.level(1, false), q, DAQING.place().upTo(1), ""));
        assertEquals(-1, harbin.figures().count(Figure.SIGNED_COUNT));
        assertEquals(-1, harbin.stageChange(Stage.SIGNED));
        assertEquals(correctedAt, harbin.updatedAt(), "the old row changed when the correction was recorded");
        assertEquals(1, daqing.figures().count(Figure.SIGNED_COUNT));
        assertEquals(0, province.figures().count(Figure.SIGNED_COUNT), "within the province nothing moved");
        assertEquals(0, new BigDecimal("20.00").compareTo(province.figures().get(Figure.SIGNED_VALUE)), "but the value grew by the correction");
        assertTrue(province.stageChange(Stage.SIGNED) == 0);
    }

    private static Facts.ProjectVersion version(int revision, Instant at, Facts.Location location, String value) {
        return new Facts.ProjectVersion(ID, revision, at, LocalDate.of(2024, 1, 15), new BigDecimal(value), 10, location,
                "new-energy", "", List.of(), null);
    }
}
