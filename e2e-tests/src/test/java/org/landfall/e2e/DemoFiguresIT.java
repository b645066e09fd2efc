package org.landfall.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DevTokens;

/**
 * The demo data, loaded through the public API exactly as {@code ./landfall up} loads it (a failed load, then one
 * that completes it: {@link RunningLandfall#demoData()}, {@link DemoRepairIT}), makes the reports say what the
 * seed articles publish. The topics are shared by every test of the run, so no other test uses the demo's places
 * (Shuangyashan, Heilongjiang; Lishui, Nanjing, Jiangsu).
 */
class DemoFiguresIT {

    static RunningLandfall landfall;
    static final String ANALYST = DevTokens.token("analyst-demo", "analyst");

    @BeforeAll
    static void loadTheDemoData() throws Exception {
        landfall = RunningLandfall.get();
        landfall.demoData();
    }

    @Test
    void shouldReport86ContractsWorth45point6BillionInShuangyashanInTheFirstQuarterOf2023() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath report = report("from=2023-Q1&to=2023-Q1&province=Heilongjiang&city=Shuangyashan");
            assertEquals(86, report.getInt("rows[0].signed.count"));
            assertEquals(0, new BigDecimal("45600000000").compareTo(new BigDecimal(report.getString("rows[0].signed.contractValue"))));
        });
    }

    @Test
    void shouldReport16StartsAnd9point78BillionInvestedInLishuiInTheFirstHalfOf2023() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath report = report("from=2023-Q1&to=2023-Q2&province=Jiangsu&city=Nanjing&district=Lishui");
            assertEquals(16, report.getInt("rows[0].started.count") + report.getInt("rows[1].started.count"));
            BigDecimal invested = new BigDecimal(report.getString("rows[0].investmentCompleted"))
                    .add(new BigDecimal(report.getString("rows[1].investmentCompleted")));
            assertEquals(0, new BigDecimal("9780000000").compareTo(invested), invested.toPlainString());
        });
    }

    private static JsonPath report(String query) {
        return given().auth().oauth2(ANALYST).get(landfall.reporting.url("/api/reports/quarterly?" + query))
                .then().statusCode(200).extract().jsonPath();
    }
}
