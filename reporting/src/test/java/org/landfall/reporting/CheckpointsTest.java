package org.landfall.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Stage;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.reporting.service.Checkpoints;

/**
 * A past report read from the checkpoints at quarter ends and the weeks inside quarters is the one summed from the
 * whole versioned history, to the yuan, the moment and the stage, for corrections and updates recorded just before,
 * at and after a quarter end and a week end, and after facts recorded before a checkpoint's end arrive late and drop
 * it: a fact inside a week drops that week and the later periods, not the quarter before it.
 */
@QuarkusTest
class CheckpointsTest {

    /** 2024-01-01 00:00 in Beijing: the end of 2023-Q4 in the calendar's zone. */
    static final Instant QUARTER_END = Instant.parse("2023-12-31T16:00:00Z");
    /** 2024-01-08 00:00 in Beijing: the end of 2024-Q1's first week. */
    static final Instant WEEK_END = QUARTER_END.plus(7, ChronoUnit.DAYS);
    static final String RANGE = "from=2023-Q3&to=2024-Q2";
    static final List<String> GROUPINGS = List.of("none", "province", "city", "district", "sector");

    @Inject
    Checkpoints checkpoints;

    @Inject
    Jdbc jdbc;

    @Test
    void shouldReportAsTheWholeHistoryDoesAroundAQuarterEndAndAfterLateFacts() {
        String province = QuarterlyReportTest.province();
        ProjectSnapshot a = Upstream.project(province, "Harbin", "Daoli", "new-energy", LocalDate.of(2023, 12, 20), "100.00", 10);
        ProjectSnapshot b = Upstream.project(province, "Harbin", "Nangang", "chemicals", LocalDate.of(2023, 12, 31), "200.00", 20);
        ProjectSnapshot c = Upstream.project(province, "Daqing", "", "new-energy", LocalDate.of(2024, 1, 5), "300.00", 30);
        Upstream.publish(Upstream.signed(a, Instant.parse("2023-12-20T02:00:00Z")),
                Upstream.corrected(Upstream.revise(a, 2, province, a.signedOn(), "150.00"), QUARTER_END.minusSeconds(1)),
                Upstream.update(a, LocalDate.of(2024, 1, 2), Stage.STARTED, "50.00", 5L, Instant.parse("2024-01-02T01:00:00Z")),
                Upstream.signed(b, QUARTER_END),
                Upstream.update(b, LocalDate.of(2023, 12, 31), Stage.STARTED, "20.00", null, QUARTER_END.plusSeconds(1)),
                Upstream.signed(c, Instant.parse("2024-01-05T03:00:00Z")),
                Upstream.corrected(Upstream.revise(c, 2, province, LocalDate.of(2023, 12, 28), "300.00"),
                        Instant.parse("2024-01-10T03:00:00Z")));
        QuarterlyReportTest.eventually(() -> assertEquals(3,
                rows(province, "none", Instant.parse("2025-01-01T00:00:00Z"), false).getInt("rows[1].signed.count")));

        QuarterlyReportTest.eventually(() -> {
            checkpoints.catchUp();
            assertEquals(1, periodsEndingAt(QUARTER_END), "once the watermark is past the quarter end, it is final");
            assertEquals(1, periodsEndingAt(WEEK_END), "and so is the next quarter's first week");
            // 2023-12-31 00:00 in Beijing: thirteen weeks from 2023-Q4's first day, a day before its end
            assertEquals(1, periodsEndingAt(QUARTER_END.minus(1, ChronoUnit.DAYS)), "and the quarter's last week");
        });
        compareAll(province);

        // recorded before the quarter end, arriving after its checkpoint was built: a correction of a correction
        // and a signing
        ProjectSnapshot d = Upstream.project(province, "Daqing", "", "chemicals", LocalDate.of(2023, 12, 30), "400.00", 40);
        Upstream.publish(Upstream.corrected(Upstream.revise(a, 3, province, a.signedOn(), "170.00"), QUARTER_END.minus(1, ChronoUnit.HOURS)),
                Upstream.signed(d, QUARTER_END.minus(30, ChronoUnit.MINUTES)));
        QuarterlyReportTest.eventually(() -> assertEquals(4,
                rows(province, "none", Instant.parse("2025-01-01T00:00:00Z"), true).getInt("rows[1].signed.count")));
        compareAll(province);

        QuarterlyReportTest.eventually(() -> {
            checkpoints.catchUp();
            assertEquals(1, periodsEndingAt(QUARTER_END), "built again");
            assertEquals(1, periodsEndingAt(WEEK_END), "built again");
        });
        compareAll(province);

        // recorded inside the first week after the quarter end, arriving after that week was built
        Instant quarterBuilt = builtAt(QUARTER_END);
        ProjectSnapshot e = Upstream.project(province, "Harbin", "Daoli", "chemicals", LocalDate.of(2024, 1, 3), "500.00", 50);
        Upstream.publish(Upstream.signed(e, WEEK_END.minus(3, ChronoUnit.DAYS)));
        QuarterlyReportTest.eventually(() -> assertEquals(1,
                rows(province, "none", Instant.parse("2025-01-01T00:00:00Z"), true).getInt("rows[2].signed.count")));
        compareAll(province);
        QuarterlyReportTest.eventually(() -> {
            checkpoints.catchUp();
            assertEquals(1, periodsEndingAt(WEEK_END), "the week built again");
        });
        assertEquals(quarterBuilt, builtAt(QUARTER_END), "the quarter before the late fact was kept");
        compareAll(province);
    }

    private void compareAll(String province) {
        for (Instant at : List.of(QUARTER_END.minus(1, ChronoUnit.HOURS), QUARTER_END.minusSeconds(1), QUARTER_END,
                QUARTER_END.plusSeconds(1), QUARTER_END.plus(1, ChronoUnit.DAYS), WEEK_END.minus(3, ChronoUnit.DAYS),
                WEEK_END.minusSeconds(1), WEEK_END, WEEK_END.plusSeconds(1), Instant.parse("2024-01-10T03:00:00Z"),
                QUARTER_END.plus(14, ChronoUnit.DAYS), Instant.parse("2025-01-01T00:00:00Z"))) {
            for (String groupBy : GROUPINGS) {
                assertEquals(rows(province, groupBy, at, true).getList("rows"), rows(province, groupBy, at, false).getList("rows"),
                        "groupBy=" + groupBy + " as of " + at);
            }
        }
    }

    /**
     * The report as of {@code at}: from the checkpoints, or ({@code summed}) with a selection on contract value
     * that every project passes, which only the whole versioned history can answer.
     */
    private static io.restassured.path.json.JsonPath rows(String province, String groupBy, Instant at, boolean summed) {
        return QuarterlyReportTest.report(RANGE + "&groupBy=" + groupBy + "&province=" + province + "&asOf=" + at
                + (summed ? "&minContractValue=0" : "")).extract().jsonPath();
    }

    private Instant builtAt(Instant end) {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.sql("select built_at from checkpoint_period where upto = ?",
                end).single(r -> r.instant("built_at")));
    }

    private long periodsEndingAt(Instant end) {
        return QuarkusTransaction.requiringNew().call(() -> jdbc.sql("select count(*) as n from checkpoint_period where upto = ?",
                end).single(r -> r.longValue("n")));
    }
}
