package org.landfall.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.landfall.events.Stage;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.FigureHistory;
import org.landfall.reporting.domain.Figures;
import org.landfall.reporting.domain.ProjectFigures;
import org.landfall.reporting.domain.Quarter;

class ProjectFiguresTest {

    static final UUID ID = UUID.randomUUID();
    static final Facts.Location PLACE = new Facts.Location("Heilongjiang", "Shuangyashan", "", null);
    static final Instant T0 = Instant.parse("2023-01-01T00:00:00Z");

    static Facts.ProjectVersion contract(int revision, LocalDate signedOn, String value, Instant at) {
        return new Facts.ProjectVersion(ID, revision, at, signedOn, new BigDecimal(value), 100, PLACE, "new-materials", "",
                List.of(), null);
    }

    static Facts.Update update(LocalDate on, Stage stage, String investment, Instant at) {
        return new Facts.Update(UUID.randomUUID(), ID, on, stage, investment == null ? null : new BigDecimal(investment), null,
                null, at);
    }

    static Facts.Update funds(LocalDate on, String funds, Instant at) {
        return new Facts.Update(UUID.randomUUID(), ID, on, null, null, null, new BigDecimal(funds), at);
    }

    static int q(String quarter) {
        return Quarter.parse(quarter);
    }

    @Test
    void shouldCountAResumptionAsNoNewStart() {
        Figures f = ProjectFigures.compute(contract(1, LocalDate.of(2022, 11, 8), "3000000000", T0), List.of(
                update(LocalDate.of(2023, 3, 20), Stage.STARTED, null, T0),
                update(LocalDate.of(2023, 4, 10), Stage.SUSPENDED, null, T0),
                update(LocalDate.of(2023, 4, 21), Stage.STARTED, null, T0)), List.of());
        assertEquals(1, f.contributions().get(q("2022-Q4")).figures().count(Figure.SIGNED_COUNT));
        assertEquals(1, f.contributions().get(q("2023-Q1")).figures().count(Figure.STARTED_COUNT));
        assertEquals(0, f.contributions().get(q("2023-Q2")).figures().count(Figure.STARTED_COUNT));
        assertEquals(1, f.contributions().get(q("2023-Q2")).figures().count(Figure.SUSPENDED_COUNT));
        Facts.Profile profile = new Facts.Profile(new Facts.Group(PLACE.place(), "new-materials"), "", List.of(),
                new BigDecimal("3000000000.00"));
        assertEquals(List.of(new Figures.StageSpan(profile, Stage.SIGNED, q("2022-Q4"), q("2023-Q1")),
                new Figures.StageSpan(profile, Stage.STARTED, q("2023-Q1"), null)), f.spans());
    }

    @Test
    void shouldPutEachIncreaseOfACumulativeFigureInItsQuarter() {
        Figures f = ProjectFigures.compute(contract(1, LocalDate.of(2023, 1, 5), "1000", T0), List.of(
                update(LocalDate.of(2023, 2, 1), null, "100", T0),
                update(LocalDate.of(2023, 3, 31), null, "150", T0),
                update(LocalDate.of(2023, 9, 1), null, "400", T0),
                update(LocalDate.of(2023, 3, 31), null, "160", T0.plusSeconds(1))), List.of());
        assertEquals(new BigDecimal("160.00"), f.contributions().get(q("2023-Q1")).figures().get(Figure.INVESTMENT_COMPLETED));
        assertNull(f.contributions().get(q("2023-Q2")));
        assertEquals(new BigDecimal("240.00"), f.contributions().get(q("2023-Q3")).figures().get(Figure.INVESTMENT_COMPLETED));
    }

    @Test
    void shouldSumTheFundsInPlaceByTheSameRuleAsTheInvestmentAndApartFromIt() {
        Figures f = ProjectFigures.compute(contract(1, LocalDate.of(2023, 1, 5), "1000", T0), List.of(
                funds(LocalDate.of(2023, 2, 1), "300", T0),
                update(LocalDate.of(2023, 3, 1), null, "100", T0),
                // an update without funds leaves them standing; a later report of the same date corrects
                update(LocalDate.of(2023, 8, 1), Stage.STARTED, "200", T0),
                funds(LocalDate.of(2023, 8, 1), "500", T0),
                funds(LocalDate.of(2023, 8, 1), "450", T0.plusSeconds(1))), List.of());
        assertEquals(new BigDecimal("300.00"), f.contributions().get(q("2023-Q1")).figures().get(Figure.FUNDS_IN_PLACE));
        assertEquals(new BigDecimal("100.00"), f.contributions().get(q("2023-Q1")).figures().get(Figure.INVESTMENT_COMPLETED));
        assertEquals(new BigDecimal("150.00"), f.contributions().get(q("2023-Q3")).figures().get(Figure.FUNDS_IN_PLACE));
        assertEquals(new BigDecimal("100.00"), f.contributions().get(q("2023-Q3")).figures().get(Figure.INVESTMENT_COMPLETED));
    }

    @Test
    void shouldKeepEachVersionOfTheFiguresForTheRecordedTimeItHeld() {
        Instant t1 = T0.plusSeconds(3600), t2 = T0.plusSeconds(7200);
        FigureHistory.History h = FigureHistory.of(
                List.of(contract(1, LocalDate.of(2023, 1, 5), "1000", T0), contract(2, LocalDate.of(2023, 4, 5), "900", t2)),
                List.of(update(LocalDate.of(2023, 5, 1), Stage.STARTED, null, t1)), List.of());
        var q1 = h.contributions().stream().filter(v -> v.quarter() == q("2023-Q1")).toList();
        assertEquals(1, q1.size());
        assertEquals(T0, q1.get(0).from());
        assertEquals(t2, q1.get(0).to());
        var q2 = h.contributions().stream().filter(v -> v.quarter() == q("2023-Q2")).toList();
        // started at t1 with value 1000; at t2 the correction re-values it and moves the signing in
        assertEquals(2, q2.size());
        assertEquals(new BigDecimal("1000.00"), q2.get(0).value().figures().get(Figure.STARTED_VALUE));
        assertEquals(t1, q2.get(0).from());
        assertEquals(new BigDecimal("900.00"), q2.get(1).value().figures().get(Figure.STARTED_VALUE));
        assertEquals(1, q2.get(1).value().figures().count(Figure.SIGNED_COUNT));
        assertNull(q2.get(1).to());
    }
}
