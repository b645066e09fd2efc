package org.landfall.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The recount follows the contract's definitions of each figure (CONTRACT.md, reporting). */
class RecountTest {

    static final UUID P = UUID.randomUUID();
    static final Upstream.Contract CONTRACT = new Upstream.Contract(P, LocalDate.of(2023, 2, 15), new BigDecimal("1000.00"),
            300, "Liaoning", "Shenyang", null, "new-energy", null, List.of(), null, null);
    static final int Q1 = Quarters.of(LocalDate.of(2023, 1, 1));

    long seq;

    Upstream.Update update(String effectiveOn, String recordedAt, String stage, String investment, Long jobs) {
        return new Upstream.Update(P, LocalDate.parse(effectiveOn), Instant.parse(recordedAt), ++seq, stage,
                investment == null ? null : new BigDecimal(investment), jobs, null);
    }

    Upstream.Update funds(String effectiveOn, String recordedAt, String funds) {
        return new Upstream.Update(P, LocalDate.parse(effectiveOn), Instant.parse(recordedAt), ++seq, null, null, null,
                new BigDecimal(funds));
    }

    /** Every row reconcile compares, from the first fact to {@code last}. */
    static Map<RowKey, Map<String, BigDecimal>> recount(Upstream.Tables tables, int last) {
        return Recount.figures(tables, Selection.of(tables), Recount.firstQuarter(tables, last), last);
    }

    static Upstream.Tables tables(List<Upstream.Contract> contracts, List<Upstream.Update> updates) {
        return new Upstream.Tables(contracts, updates, List.of(), List.of());
    }

    /** The row of all projects (no selection) in a grouping's only group, or its group {@code group}. */
    static Map<String, BigDecimal> row(Map<RowKey, Map<String, BigDecimal>> rows, String groupBy, int quarter, String... group) {
        return rows.entrySet().stream().filter(e -> e.getKey().selection().isEmpty() && e.getKey().groupBy().equals(groupBy)
                        && e.getKey().quarter() == quarter && (group.length == 0 || e.getKey().group().equals(Arrays.asList(group))))
                .map(Map.Entry::getValue).findFirst().orElse(Map.of());
    }

    static BigDecimal n(long v) {
        return BigDecimal.valueOf(v);
    }

    static void assertFigure(long expected, Map<String, BigDecimal> row, String figure) {
        assertEquals(0, n(expected).compareTo(row.getOrDefault(figure, BigDecimal.ZERO)), figure + " in " + row);
    }

    @Test
    void shouldCountALateUpdateInTheQuarterItIsDatedIn() {
        List<Upstream.Update> updates = List.of(
                update("2023-08-01", "2023-08-02T00:00:00Z", "STARTED", "100", 10L),
                // recorded in Q4, effective in Q2: restates Q2
                update("2023-05-01", "2023-11-02T00:00:00Z", null, "40", 4L));
        var rows = recount(tables(List.of(CONTRACT), updates), Q1 + 3);
        assertFigure(1, row(rows, "none", Q1), "signed.count");
        assertFigure(1000, row(rows, "none", Q1), "signed.contractValue");
        assertFigure(300, row(rows, "none", Q1), "signed.plannedJobs");
        assertFigure(40, row(rows, "none", Q1 + 1), "investmentCompleted");
        assertFigure(4, row(rows, "none", Q1 + 1), "jobsCreated");
        assertFigure(60, row(rows, "none", Q1 + 2), "investmentCompleted");
        assertFigure(1, row(rows, "none", Q1 + 2), "started.count");
        assertFigure(1, row(rows, "none", Q1 + 1), "endOfQuarter.SIGNED");
        assertFigure(1, row(rows, "none", Q1 + 3), "endOfQuarter.STARTED");
    }

    /** Funds in place: like the investment, and apart from it (an update without funds leaves them standing). */
    @Test
    void shouldSumTheFundsInPlaceLikeTheInvestmentInTheQuarterTheyAreDatedIn() {
        List<Upstream.Update> updates = List.of(
                funds("2023-08-01", "2023-08-02T00:00:00Z", "300"),
                update("2023-09-01", "2023-09-02T00:00:00Z", "STARTED", "100", 10L),
                // recorded in Q4, effective in Q2: restates Q2 and Q3
                funds("2023-05-01", "2023-11-02T00:00:00Z", "120"),
                funds("2023-08-01", "2023-11-03T00:00:00Z", "280"));
        var rows = recount(tables(List.of(CONTRACT), updates), Q1 + 3);
        assertFigure(120, row(rows, "none", Q1 + 1), "fundsInPlace");
        assertFigure(160, row(rows, "none", Q1 + 2), "fundsInPlace");
        assertFigure(100, row(rows, "none", Q1 + 2), "investmentCompleted");
        assertFigure(0, row(rows, "none", Q1 + 3), "fundsInPlace");
        assertFigure(280, row(rows, "none", Q1 + 3), "ytd.fundsInPlace");
        assertEquals(null, row(rows, "none", Q1 + 3).get("yoy.fundsInPlace"));
    }

    @Test
    void shouldNotCountAResumptionAsANewStart() {
        List<Upstream.Update> updates = List.of(
                update("2023-03-01", "2023-03-01T00:00:00Z", "STARTED", null, null),
                update("2023-04-01", "2023-04-01T00:00:00Z", "SUSPENDED", null, null),
                update("2023-07-01", "2023-07-01T00:00:00Z", "STARTED", null, null));
        var rows = recount(tables(List.of(CONTRACT), updates), Q1 + 2);
        assertFigure(1, row(rows, "none", Q1), "started.count");
        assertFigure(0, row(rows, "none", Q1 + 2), "started.count");
        assertFigure(1, row(rows, "none", Q1 + 1), "suspended.count");
        assertFigure(1, row(rows, "none", Q1 + 1), "endOfQuarter.SUSPENDED");
        assertFigure(1, row(rows, "none", Q1 + 2), "endOfQuarter.STARTED");
    }

    @Test
    void shouldLetTheLaterRecordedFigureWinOnTheSameDate() {
        List<Upstream.Update> updates = List.of(
                update("2023-03-01", "2023-03-05T00:00:00Z", null, "70", null),
                update("2023-03-01", "2023-03-02T00:00:00Z", null, "50", null));
        var rows = recount(tables(List.of(CONTRACT), updates), Q1);
        assertFigure(70, row(rows, "none", Q1), "investmentCompleted");
    }

    @Test
    void shouldPutAProjectInEveryGroupingItBelongsTo() {
        var rows = recount(tables(List.of(CONTRACT), List.of()), Q1);
        List<String> groupings = new ArrayList<>();
        rows.keySet().stream().filter(k -> k.selection().isEmpty()).forEach(k -> groupings.add(k.groupBy() + k.group()));
        assertEquals(List.of("city[Liaoning, Shenyang, 210100, 沈阳市]", "district[Liaoning, Shenyang, null, null, null]",
                "none[]", "park[null]", "province[Liaoning, 210000, 辽宁省]", "sector[new-energy]"),
                groupings.stream().sorted().toList());
    }

    /** Chinese and pinyin names of one place are one group, under the catalogue's names and the place's code. */
    @Test
    void shouldGroupAPlaceByItsCodeWhateverItsSpelling() {
        Upstream.Contract chinese = new Upstream.Contract(UUID.randomUUID(), LocalDate.of(2023, 2, 15), new BigDecimal("5"),
                0, "辽宁省", "沈阳市", "铁西区", "new-energy", null, List.of(), null, "210106");
        Upstream.Contract unknown = new Upstream.Contract(UUID.randomUUID(), LocalDate.of(2023, 2, 15), new BigDecimal("7"),
                0, "辽宁省", "Gold Coast", null, "new-energy", null, List.of(), null, null);
        var rows = recount(tables(List.of(CONTRACT, chinese, unknown), List.of()), Q1);
        assertFigure(2, row(rows, "city", Q1, "Liaoning", "Shenyang", "210100", "沈阳市"), "signed.count");
        assertFigure(7, row(rows, "city", Q1, "Liaoning", "Gold Coast", null, null), "signed.contractValue");
        assertFigure(3, row(rows, "province", Q1, "Liaoning", "210000", "辽宁省"), "signed.count");
        assertFigure(1, row(rows, "district", Q1, "Liaoning", "Shenyang", "Tiexi", "210106", "铁西区"), "signed.count");
        RowKey byCode = new RowKey("regionCode=210000", "city", Arrays.asList("Liaoning", "Gold Coast", null, null), Q1);
        assertFigure(1, rows.get(byCode), "signed.count");
    }

    @Test
    void shouldFindAPlantedDifferenceAndNothingElse() {
        var tables = tables(List.of(CONTRACT), List.of(update("2023-03-01", "2023-03-01T00:00:00Z", "STARTED", "5", 1L)));
        var expected = recount(tables, Q1 + 1);
        Map<RowKey, Map<String, BigDecimal>> reported = new HashMap<>();
        expected.forEach((k, v) -> reported.put(k, new HashMap<>(v)));
        assertTrue(Reconcile.compare(expected, reported, tables, List.of(), "").differences().isEmpty());

        RowKey planted = new RowKey("", "sector", List.of("new-energy"), Q1);
        reported.get(planted).put("started.count", n(2));
        var result = Reconcile.compare(expected, reported, tables, List.of(), "");
        assertEquals(1, result.differences().size(), result.differences().toString());
        assertEquals(planted, result.differences().get(0).row());
        assertEquals("started.count", result.differences().get(0).figure());
    }

    @Test
    void shouldTreatARowMissingOnOneSideAsZeros() {
        var tables = tables(List.of(CONTRACT), List.of());
        var expected = recount(tables, Q1);
        Map<RowKey, Map<String, BigDecimal>> reported = new HashMap<>(expected);
        RowKey extra = new RowKey("", "province", List.of("Elsewhere"), Q1);
        reported.put(extra, Map.of("signed.count", BigDecimal.ZERO));
        assertTrue(Reconcile.compare(expected, reported, tables, List.of(), "").differences().isEmpty());
        reported.put(extra, Map.of("signed.count", BigDecimal.ONE));
        assertEquals(extra, Reconcile.compare(expected, reported, tables, List.of(), "").differences().get(0).row());
    }
}
