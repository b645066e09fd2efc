package org.landfall.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.FigureValues;
import org.landfall.reporting.domain.Quarter;
import org.landfall.reporting.domain.YearFigures;

class YearFiguresTest {

    static int q(String quarter) {
        return Quarter.parse(quarter);
    }

    static FigureValues of(Object... figureAndValue) {
        FigureValues v = new FigureValues();
        for (int i = 0; i < figureAndValue.length; i += 2) {
            v.set((Figure) figureAndValue[i], new BigDecimal(figureAndValue[i + 1].toString()));
        }
        return v;
    }

    @Test
    void shouldSumTheYearToDateAndCompareItWithTheSameQuartersOfTheYearBefore() {
        TreeMap<Integer, FigureValues> byQuarter = new TreeMap<>(Map.of(
                q("2022-Q1"), of(Figure.SIGNED_COUNT, 2, Figure.INVESTMENT_COMPLETED, "100"),
                q("2022-Q3"), of(Figure.SIGNED_COUNT, 5),
                q("2023-Q1"), of(Figure.SIGNED_COUNT, 1, Figure.INVESTMENT_COMPLETED, "50"),
                q("2023-Q2"), of(Figure.SIGNED_COUNT, 2, Figure.INVESTMENT_COMPLETED, "80")));
        List<YearFigures.Row> rows = YearFigures.rows(byQuarter, q("2023-Q1"), q("2023-Q3"), year -> null);
        YearFigures.Blocks q2 = rows.get(1).blocks();
        assertEquals(new BigDecimal("3"), q2.ytd().get(YearFigures.Flow.SIGNED_COUNT));
        assertEquals(new BigDecimal("130"), q2.ytd().get(YearFigures.Flow.INVESTMENT_COMPLETED));
        assertEquals(new BigDecimal("0.5000"), q2.yoy().get(YearFigures.Flow.SIGNED_COUNT), "(3 - 2) / 2");
        assertEquals(new BigDecimal("0.3000"), q2.yoy().get(YearFigures.Flow.INVESTMENT_COMPLETED), "(130 - 100) / 100");
        assertNull(q2.yoy().get(YearFigures.Flow.STARTS), "nothing started the year before: no base");
        assertEquals(new BigDecimal("-0.5714"), rows.get(2).blocks().yoy().get(YearFigures.Flow.SIGNED_COUNT),
                "(3 - 7) / 7, rounded half-even");
    }

    @Test
    void shouldSumTheCumulativeFiguresFromTheBeginningAndTheOthersPerQuarter() {
        TreeMap<Integer, FigureValues> byQuarter = new TreeMap<>(Map.of(
                q("2019-Q2"), of(Figure.DUE_COUNT, 3, Figure.DUE_STARTED, 1, Figure.PLANNED_COUNT, 9),
                q("2023-Q1"), of(Figure.DUE_COUNT, 1, Figure.DUE_STARTED, 2, Figure.PLANNED_COUNT, 1)));
        List<YearFigures.Row> rows = YearFigures.rows(byQuarter, q("2023-Q1"), q("2023-Q2"), year -> null);
        assertEquals(4, rows.get(0).figures().count(Figure.DUE_COUNT));
        assertEquals(1, rows.get(0).figures().count(Figure.PLANNED_COUNT));
        assertEquals(0, rows.get(1).figures().count(Figure.PLANNED_COUNT));
        assertEquals(new BigDecimal("0.7500"), rows.get(1).blocks().rates().get(YearFigures.Rate.FULFILMENT_RATE));
        assertNull(rows.get(1).blocks().rates().get(YearFigures.Rate.START_RATE), "no start planned: no rate");
    }

    @Test
    void shouldDivideByTheTargetOfTheRowsYearAndOnlyWhereOneIsSet() {
        TreeMap<Integer, FigureValues> byQuarter = new TreeMap<>(Map.of(q("2024-Q1"), of(Figure.STARTED_COUNT, 1)));
        YearFigures.Target target = new YearFigures.Target(Map.of(YearFigures.Flow.STARTS, new BigDecimal("3"),
                YearFigures.Flow.JOBS_CREATED, BigDecimal.ZERO));
        List<YearFigures.Row> rows = YearFigures.rows(byQuarter, q("2023-Q4"), q("2024-Q1"), year -> year == 2024 ? target : null);
        assertNull(rows.get(0).blocks().targetCompletion().get(YearFigures.Flow.STARTS), "2023 has no target");
        assertEquals(new BigDecimal("0.3333"), rows.get(1).blocks().targetCompletion().get(YearFigures.Flow.STARTS));
        assertNull(rows.get(1).blocks().targetCompletion().get(YearFigures.Flow.JOBS_CREATED), "a target of 0 divides nothing");
        assertNull(rows.get(1).blocks().targetCompletion().get(YearFigures.Flow.SIGNED_VALUE));
    }

    @Test
    void shouldWriteRatesWithOneDecimalAtLeast() {
        assertEquals("1.0", YearFigures.written(new BigDecimal("1.0000")).toPlainString());
        assertEquals("0.5", YearFigures.written(new BigDecimal("0.5000")).toPlainString());
        assertEquals("0.1333", YearFigures.written(new BigDecimal("0.1333")).toPlainString());
        assertEquals("12.0", YearFigures.written(new BigDecimal("12.0000")).toPlainString());
    }
}
