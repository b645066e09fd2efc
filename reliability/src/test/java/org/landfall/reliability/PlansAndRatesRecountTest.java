package org.landfall.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landfall.reliability.RecountTest.recount;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The plan, year-to-date, year-on-year, rate and target blocks follow the contract's definitions ("Plans, key
 * projects and rates"), starting with its worked example, and reconcile finds a wrong one in a served row.
 */
class PlansAndRatesRecountTest {

    static final UUID A = UUID.randomUUID(), B = UUID.randomUUID(), C = UUID.randomUUID();
    static final int Y2024_Q1 = Quarters.parse("2024-Q1");
    /** The groups of the example's province and city, with their codes and Chinese names. */
    static final List<String> LIAONING = List.of("Liaoning", "210000", "辽宁省"),
            SHENYANG = List.of("Liaoning", "Shenyang", "210100", "沈阳市");

    long seq;

    static Upstream.Contract contract(UUID id, String signedOn, String value, String plannedStartOn, String... designations) {
        return new Upstream.Contract(id, LocalDate.parse(signedOn), new BigDecimal(value), 0, "Liaoning", "Shenyang", null,
                "new-energy", LocalDate.parse(plannedStartOn), List.of(designations), null, null);
    }

    Upstream.Update update(UUID project, String effectiveOn, String stage, String investment) {
        return new Upstream.Update(project, LocalDate.parse(effectiveOn), Instant.parse(effectiveOn + "T12:00:00Z"), ++seq,
                stage, investment == null ? null : new BigDecimal(investment), null, null);
    }

    /**
     * The contract's worked example, with a superseded plan of C and a superseded target (the latest accepted set
     * holds, whatever order the tables list them in); the province of its projects has targets for 2024.
     */
    Upstream.Tables workedExample() {
        List<Upstream.Contract> contracts = List.of(
                contract(A, "2023-10-01", "50000000", "2024-02-01", "provincial-key"),
                contract(B, "2023-11-01", "600000000", "2024-04-01", "municipal-key"),
                contract(C, "2023-06-01", "700000000", "2023-09-01"));
        List<Upstream.Update> updates = List.of(
                update(C, "2023-09-10", "STARTED", null),
                update(C, "2023-12-31", null, "50000000"),
                update(A, "2024-03-01", "STARTED", null),
                update(C, "2024-03-31", null, "120000000"),
                update(A, "2024-03-31", null, "10000000"));
        List<Upstream.Plan> plans = List.of(
                new Upstream.Plan(C, 2024, 3, new BigDecimal("300000000"), false),
                new Upstream.Plan(A, 2024, 1, new BigDecimal("100000000"), true),
                new Upstream.Plan(B, 2024, 2, new BigDecimal("200000000"), true),
                new Upstream.Plan(C, 2024, 0, new BigDecimal("900000000"), true));
        List<Upstream.Target> targets = List.of(
                target(2024, "liaoning//", 7, "Liaoning", Map.of("starts", "4", "investmentCompleted", "1000000000")),
                target(2024, "liaoning//", 5, "LIAONING", Map.of("starts", "10", "signedCount", "3")));
        return new Upstream.Tables(contracts, updates, plans, targets);
    }

    static Upstream.Target target(int year, String placeKey, long seq, String province, Map<String, String> goals) {
        Map<String, BigDecimal> values = new HashMap<>();
        goals.forEach((k, v) -> values.put(k, new BigDecimal(v)));
        return new Upstream.Target(year, placeKey, seq, province, null, null, values);
    }

    static Map<String, BigDecimal> row(Map<RowKey, Map<String, BigDecimal>> rows, String selection, String groupBy,
                                       List<String> group, String quarter) {
        Map<String, BigDecimal> row = rows.get(new RowKey(selection, groupBy, group, Quarters.parse(quarter)));
        assertTrue(row != null, "no row " + quarter + " " + selection + " " + groupBy + group + " in " + rows.keySet());
        return row;
    }

    static void assertFigure(String expected, Map<String, BigDecimal> row, String figure) {
        BigDecimal actual = row.containsKey(figure) ? row.get(figure) : Recount.nullable(figure) ? null : BigDecimal.ZERO;
        if (expected == null) {
            assertNull(actual, figure + " in " + row);
        } else {
            assertTrue(actual != null && new BigDecimal(expected).compareTo(actual) == 0, figure + " is " + actual + " in " + row);
        }
    }

    static void assertFigures(Map<String, BigDecimal> row, String... figureThenValue) {
        for (int i = 0; i < figureThenValue.length; i += 2) {
            assertFigure(figureThenValue[i + 1], row, figureThenValue[i]);
        }
    }

    @Test
    void shouldComputeTheContractsWorkedExample() {
        var rows = recount(workedExample(), Quarters.parse("2024-Q4"));
        assertFigures(row(rows, "", "province", LIAONING, "2024-Q1"),
                "planned.count", "3", "planned.investment", "600000000", "planned.starts", "2",
                "planned.started.count", "2", "planned.started.investment", "400000000",
                "ytd.signedCount", "0", "ytd.signedValue", "0", "ytd.starts", "1", "ytd.operational", "0",
                "ytd.investmentCompleted", "80000000", "ytd.jobsCreated", "0",
                "yoy.signedCount", null, "yoy.signedValue", null, "yoy.starts", null, "yoy.operational", null,
                "yoy.investmentCompleted", null, "yoy.jobsCreated", null,
                "rates.startRate", "0.5", "rates.investmentCompletionRate", "0.1333", "rates.fulfilmentRate", "1.0",
                "targetCompletion.signedCount", null, "targetCompletion.signedValue", null,
                "targetCompletion.starts", "0.25", "targetCompletion.investmentCompleted", "0.08",
                "targetCompletion.jobsCreated", null);
    }

    @Test
    void shouldCountBAsDueOnceItsPlannedStartHasPassed() {
        var rows = recount(workedExample(), Quarters.parse("2024-Q4"));
        assertFigures(row(rows, "", "none", List.of(), "2024-Q2"),
                "rates.fulfilmentRate", "0.6667", "rates.startRate", "0.5", "planned.started.count", "2");
        // Before A's planned start only C was due, and it had started.
        assertFigures(row(rows, "", "none", List.of(), "2023-Q4"), "rates.fulfilmentRate", "1.0", "planned.count", "0",
                "rates.startRate", null, "rates.investmentCompletionRate", null);
    }

    @Test
    void shouldCompareTheYearToDateWithTheSameQuartersOfTheYearBefore() {
        var rows = recount(workedExample(), Quarters.parse("2024-Q4"));
        // 2023: three signings worth 1.35 billion, C's start, 50 million invested; 2024: A's start, 80 million.
        assertFigures(row(rows, "", "none", List.of(), "2024-Q4"),
                "ytd.signedCount", "0", "yoy.signedCount", "-1.0", "yoy.signedValue", "-1.0",
                "ytd.starts", "1", "yoy.starts", "0.0", "ytd.investmentCompleted", "80000000", "yoy.investmentCompleted", "0.6");
        assertFigures(row(rows, "", "none", List.of(), "2023-Q4"), "ytd.signedCount", "3", "ytd.signedValue", "1350000000",
                "ytd.investmentCompleted", "50000000", "yoy.signedCount", null);
    }

    @Test
    void shouldMeasureOnlyARowThatStandsForAPlaceWithATarget() {
        var rows = recount(workedExample(), Quarters.parse("2024-Q1"));
        String q = "2024-Q1";
        assertFigure(null, row(rows, "", "none", List.of(), q), "targetCompletion.starts");
        assertFigure(null, row(rows, "", "sector", List.of("new-energy"), q), "targetCompletion.starts");
        assertFigure(null, row(rows, "", "city", SHENYANG, q), "targetCompletion.starts");
        // The sector rows of the place's report filters stand for the place.
        assertFigure("0.25", row(rows, "province=Liaoning", "sector", List.of("new-energy"), q), "targetCompletion.starts");
        // A target of another year does not count.
        assertFigure(null, row(rows, "", "province", LIAONING, "2023-Q4"), "targetCompletion.starts");
    }

    @Test
    void shouldCountOnlyTheSelectedProjectsPlans() {
        var rows = recount(workedExample(), Quarters.parse("2024-Q1"));
        assertFigures(row(rows, "designation=provincial-key", "none", List.of(), "2024-Q1"),
                "planned.count", "1", "planned.investment", "100000000", "rates.startRate", "1.0", "ytd.starts", "1");
        assertFigures(row(rows, "designation=municipal-key", "province", LIAONING, "2024-Q1"),
                "planned.count", "1", "rates.startRate", "0.0", "targetCompletion.starts", "0.0");
        // A's contract is below the band.
        assertFigures(row(rows, "minContractValue=100000000", "none", List.of(), "2024-Q1"), "planned.count", "2",
                "planned.investment", "500000000");
    }

    @Test
    void shouldCountAPlanForAYearBeforeTheSigningAsPlannedButNotStarted() {
        Upstream.Tables example = workedExample();
        List<Upstream.Plan> plans = new ArrayList<>(example.plans());
        plans.add(new Upstream.Plan(B, 2023, 9, new BigDecimal("20000000"), true));
        var rows = recount(new Upstream.Tables(example.contracts(), example.updates(), plans, example.targets()),
                Quarters.parse("2024-Q1"));
        // B is signed in 2023-Q4: no stage before, SIGNED at its end.
        for (String q : List.of("2023-Q2", "2023-Q3", "2023-Q4")) {
            assertFigures(row(rows, "", "none", List.of(), q), "planned.count", "1", "planned.investment", "20000000",
                    "planned.started.count", "0", "rates.startRate", "0.0");
        }
    }

    @Test
    void shouldTakeThePlaceOfADistrictRowWithoutDistrictFromItsCity() {
        Selection all = Selection.ALL;
        Located shenyang = Located.of("Liaoning", "Shenyang", null, null), tiexi = Located.of("辽宁省", "沈阳市", "铁西区", null);
        assertEquals(List.of("#210000", "#210100", ""), Recount.place(all, "district", Recount.grouped("district", shenyang)));
        assertEquals(List.of("#210000", "#210100", "#210106"), Recount.place(all, "district", Recount.grouped("district", tiexi)));
        assertEquals(List.of("#210000", "", ""), Recount.place(all, "province", Recount.grouped("province", tiexi)));
        assertNull(Recount.place(all, "sector", Recount.grouped("sector", tiexi)));
        assertEquals(List.of("#210000", "#210100", ""), Recount.place(new Selection(Map.of("province", "Liaoning",
                "city", "SHENYANG"), List.of("sector")), "sector", Recount.grouped("sector", tiexi)));
        assertEquals(List.of("atlantis", "", ""), Recount.place(all, "city",
                Recount.grouped("province", Located.of("Atlantis", "Poseidonia", null, null))));
    }

    /** A target set for 辽宁省 is Liaoning's: the latest set of the place holds, however each set spelt it. */
    @Test
    void shouldMeasureAPlaceAgainstItsLatestTargetsWhateverTheirSpelling() {
        Upstream.Tables example = workedExample();
        List<Upstream.Target> targets = new ArrayList<>(example.targets());
        targets.add(target(2024, "辽宁省//", 9, "辽宁省", Map.of("starts", "5")));
        var rows = recount(new Upstream.Tables(example.contracts(), example.updates(), example.plans(), targets), Y2024_Q1);
        assertFigures(row(rows, "", "province", LIAONING, "2024-Q1"), "targetCompletion.starts", "0.2",
                "targetCompletion.investmentCompleted", null);
    }

    /** The row as reporting would serve it for the worked example's province in 2024-Q1. */
    static final String SERVED = """
            {"quarter": "2024-Q1", "group": {"province": "Liaoning"},
             "signed": {"count": 0, "contractValue": 0.00, "plannedJobs": 0},
             "started": {"count": 1, "contractValue": 50000000.00},
             "operational": {"count": 0, "contractValue": 0.00}, "suspended": {"count": 0, "contractValue": 0.00},
             "cancelled": {"count": 0, "contractValue": 0.00},
             "investmentCompleted": 80000000.00, "fundsInPlace": 0.00, "jobsCreated": 0,
             "planned": {"count": 3, "investment": 600000000.00, "starts": 2,
                         "started": {"count": 2, "investment": 400000000.00}},
             "ytd": {"signedCount": 0, "signedValue": 0.00, "starts": 1, "operational": 0,
                     "investmentCompleted": 80000000.00, "fundsInPlace": 0.00, "jobsCreated": 0},
             "yoy": {"signedCount": null, "signedValue": null, "starts": null, "operational": null,
                     "investmentCompleted": null, "fundsInPlace": null, "jobsCreated": null},
             "rates": {"startRate": 0.5, "investmentCompletionRate": 0.1333, "fulfilmentRate": 1.0},
             "targetCompletion": {"signedCount": null, "signedValue": null, "starts": 0.25,
                                  "investmentCompleted": 0.08, "jobsCreated": null},
             "endOfQuarter": {"SIGNED": 1, "STARTED": 2, "OPERATIONAL": 0, "SUSPENDED": 0, "CANCELLED": 0},
             "updatedAt": "2024-04-01T00:00:00Z"}
            """;

    @Test
    void shouldFindEveryWrongFigureOfAServedRowAndNothingElse() throws Exception {
        Upstream.Tables tables = workedExample();
        RowKey key = new RowKey("", "province", LIAONING, Y2024_Q1);
        Map<RowKey, Map<String, BigDecimal>> expected = Map.of(key, recount(tables, Y2024_Q1).get(key));
        assertEquals(List.of(), differences(expected, key, SERVED, tables));

        // Each figure of the new blocks, served wrong: a value off, a null that should be a rate, a rate that should be null.
        List<String> wrong = List.of(
                "\"count\": 3, \"investment\"->\"count\": 4, \"investment\"",
                "\"started\": {\"count\": 2->\"started\": {\"count\": 1",
                "\"started\": {\"count\": 2, \"investment\": 400000000.00->\"started\": {\"count\": 2, \"investment\": 400000000.01",
                "\"starts\": 1, \"operational\"->\"starts\": 2, \"operational\"",
                "\"fundsInPlace\": 0.00, \"jobsCreated\": 0,->\"fundsInPlace\": 0.01, \"jobsCreated\": 0,",
                "\"fundsInPlace\": null->\"fundsInPlace\": 0.0",
                "\"startRate\": 0.5->\"startRate\": 0.5001",
                "\"investmentCompletionRate\": 0.1333->\"investmentCompletionRate\": 0.1334",
                "\"fulfilmentRate\": 1.0->\"fulfilmentRate\": null",
                "\"yoy\": {\"signedCount\": null->\"yoy\": {\"signedCount\": 0.0",
                "\"starts\": 0.25->\"starts\": null",
                "\"jobsCreated\": null}->\"jobsCreated\": 0.0}");
        for (String change : wrong) {
            String[] fromTo = change.split("->");
            assertTrue(SERVED.contains(fromTo[0]), fromTo[0]);
            String served = SERVED.replaceFirst(Pattern.quote(fromTo[0]), fromTo[1]);
            List<Reconcile.Difference> found = differences(expected, key, served, tables);
            assertEquals(1, found.size(), change + ": " + found);
        }
    }

    static List<Reconcile.Difference> differences(Map<RowKey, Map<String, BigDecimal>> expected, RowKey key, String served,
                                                  Upstream.Tables tables) throws Exception {
        Map<RowKey, Map<String, BigDecimal>> reported = new HashMap<>();
        reported.put(key, Reports.figures(Reports.JSON.readTree(served)));
        return new ArrayList<>(Reconcile.compare(expected, reported, tables, List.of(), "").differences());
    }
}
