package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landfall.reporting.QuarterlyReportTest.eventually;
import static org.landfall.reporting.QuarterlyReportTest.province;
import static org.landfall.reporting.QuarterlyReportTest.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Stage;
import org.landfall.events.TargetSet;

/** Plans, key projects and rates, as the contract's worked example defines them, through the real topics. */
@QuarkusTest
class PlansAndRatesTest {

    /**
     * Writes are recorded now, as upstream records them: the latest report's stamp claims every write recorded up
     * to it, so a write recorded in the past but published after other tests' writes of today would break it.
     */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The worked example: A and B due to start in 2024 with a start planned, C started in 2023 and planned to
     * invest in 2024; A starts in Q1. Then, after the stamp, B's plan is raised: asOf the earlier moment still
     * shows the plan known then.
     */
    @Test
    void shouldComputeTheContractsWorkedExampleLatestAndAsOf() {
        String province = province();
        Instant t = now();
        ProjectSnapshot a = Upstream.planned(Upstream.project(province, "Shuangyashan", null, "new-energy",
                LocalDate.of(2023, 10, 1), "500000000", 10), LocalDate.of(2024, 2, 1), "Park A", "provincial-key");
        ProjectSnapshot b = Upstream.planned(Upstream.project(province, "Shuangyashan", null, "new-energy",
                LocalDate.of(2023, 11, 1), "900000000", 10), LocalDate.of(2024, 4, 1), "Park B", "municipal-key");
        ProjectSnapshot c = Upstream.planned(Upstream.project(province, "Shuangyashan", null, "new-energy",
                LocalDate.of(2023, 6, 1), "2000000000", 10), LocalDate.of(2023, 9, 1), "Park B");
        Upstream.publish(Upstream.signed(a, t), Upstream.signed(b, t), Upstream.signed(c, t),
                Upstream.plan(a, 2024, "100000000", true, t), Upstream.plan(b, 2024, "200000000", true, t),
                Upstream.plan(c, 2024, "300000000", false, t),
                Upstream.update(c, LocalDate.of(2023, 9, 10), Stage.STARTED, null, null, t),
                Upstream.update(c, LocalDate.of(2023, 12, 31), null, "50000000", null, t),
                Upstream.update(c, LocalDate.of(2024, 3, 31), null, "120000000", null, t),
                Upstream.update(a, LocalDate.of(2024, 3, 1), Stage.STARTED, null, null, t),
                Upstream.update(a, LocalDate.of(2024, 3, 31), null, "10000000", null, t),
                TargetSet.of(2024, province, null, null, null, null, 4L, new BigDecimal("1000000000"), null, t, "admin"));
        String query = "from=2024-Q1&to=2024-Q1&province=" + province;
        eventually(() -> workedExample(report(query), "rows[0]", "600000000"));
        String stamp = report(query).extract().jsonPath().getString("asOf");

        Instant later = now().plusMillis(1);
        assertTrue(later.isAfter(Instant.parse(stamp)), "the raised plan is recorded after the stamp");
        Upstream.publish(Upstream.plan(b, 2024, "400000000", true, later));
        eventually(() -> report(query).body("rows[0].planned.investment", equalTo(800000000)));
        workedExample(report(query + "&asOf=" + stamp), "rows[0]", "600000000");
        workedExample(report(query + "&groupBy=province&asOf=" + stamp), "rows[0]", "600000000");
        report(query + "&groupBy=province").body("rows[0].group.province", equalTo(province))
                .body("rows[0].rates.investmentCompletionRate", equalTo(0.1f))
                .body("rows[0].targetCompletion.starts", equalTo(0.25f));
    }

    private static void workedExample(ValidatableResponse r, String row, String plannedInvestment) {
        r.body(row + ".planned.count", equalTo(3))
                .body(row + ".planned.investment", equalTo(Integer.valueOf(plannedInvestment)))
                .body(row + ".planned.starts", equalTo(2))
                .body(row + ".planned.started.count", equalTo(2))
                .body(row + ".planned.started.investment", equalTo(400000000))
                .body(row + ".ytd.signedCount", equalTo(0))
                .body(row + ".ytd.starts", equalTo(1))
                .body(row + ".ytd.operational", equalTo(0))
                .body(row + ".ytd.investmentCompleted", equalTo(80000000))
                .body(row + ".yoy.starts", nullValue())
                .body(row + ".yoy.investmentCompleted", nullValue())
                .body(row + ".rates.startRate", equalTo(0.5f))
                .body(row + ".rates.investmentCompletionRate", equalTo(0.1333f))
                .body(row + ".rates.fulfilmentRate", equalTo(1.0f))
                .body(row + ".targetCompletion.signedCount", nullValue())
                .body(row + ".targetCompletion.starts", equalTo(0.25f))
                .body(row + ".targetCompletion.investmentCompleted", equalTo(0.08f))
                .body(row + ".targetCompletion.jobsCreated", nullValue());
    }

    /** Key projects, a park and a value band select projects; groupBy=park gives a row per park. */
    @Test
    void shouldSelectByDesignationParkAndContractValue() {
        String province = province();
        Instant t = now();
        ProjectSnapshot key = Upstream.planned(Upstream.project(province, "Shuangyashan", null, "new-energy",
                LocalDate.of(2023, 2, 1), "150000000", 10), null, "Anbang Park", "provincial-key", "municipal-key");
        ProjectSnapshot small = Upstream.planned(Upstream.project(province, "Shuangyashan", null, "new-energy",
                LocalDate.of(2023, 2, 2), "50000000", 10), null, "Anbang Park", "district-key");
        ProjectSnapshot other = Upstream.project(province, "Shuangyashan", null, "new-energy",
                LocalDate.of(2023, 2, 3), "70000000", 10);
        Upstream.publish(Upstream.signed(key, t), Upstream.signed(small, t), Upstream.signed(other, t),
                Upstream.plan(key, 2023, "60000000", true, t));
        String query = "from=2023-Q1&to=2023-Q1&province=" + province;
        eventually(() -> report(query).body("rows[0].signed.count", equalTo(3)));
        report(query + "&designation=municipal-key,district-key").body("rows[0].signed.count", equalTo(2))
                .body("rows[0].signed.contractValue", equalTo(200000000));
        report(query + "&designation=PROVINCIAL-KEY").body("rows[0].signed.count", equalTo(1))
                .body("rows[0].planned.count", equalTo(1)).body("rows[0].planned.investment", equalTo(60000000))
                .body("rows[0].endOfQuarter.SIGNED", equalTo(1));
        report(query + "&minContractValue=70000000").body("rows[0].signed.count", equalTo(2));
        report(query + "&park=anbang park").body("rows[0].signed.count", equalTo(2));
        report(query + "&groupBy=park").body("rows", hasSize(2))
                .body("rows[0].group.park", nullValue()).body("rows[0].signed.count", equalTo(1))
                .body("rows[1].group.park", equalTo("Anbang Park")).body("rows[1].signed.count", equalTo(2));
        given().auth().oauth2(QuarterlyReportTest.ANALYST).get("/api/reports/quarterly?minContractValue=lots")
                .then().statusCode(400);
    }
}
