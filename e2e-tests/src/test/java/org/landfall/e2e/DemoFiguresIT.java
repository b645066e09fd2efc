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
 * seed articles publish, plans of the year included, and measures Shuangyashan against its targets. The run
 * starts on an empty log ({@link RunningLandfall}) and its topics are shared by every end-to-end test, so no other
 * of them uses the demo's places (Shuangyashan, Heilongjiang;
 * Lishui, Nanjing, Jiangsu; Panjin, Liaoning).
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

    @Test
    void shouldReportShuangyashans201KeyProjectsOf2023With16point6BillionPlannedAnd107Started() {
        String secondQuarter = "from=2023-Q2&to=2023-Q2&province=Heilongjiang&city=Shuangyashan&designation=";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath key = report(secondQuarter + "provincial-key,municipal-key");
            assertEquals(201, key.getInt("rows[0].planned.count"));
            assertAmount("16600000000", key, "rows[0].planned.investment");
            assertEquals(107, key.getInt("rows[0].planned.started.count"));
            assertAmount("5800000000", key, "rows[0].planned.started.investment");
            JsonPath provincial = report(secondQuarter + "provincial-key");
            assertEquals(52, provincial.getInt("rows[0].planned.count"));
            assertAmount("11800000000", provincial, "rows[0].planned.investment");
        });
    }

    @Test
    void shouldMeasureShuangyashansFirstHalfOf2023AgainstItsTargets() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath report = report("from=2023-Q2&to=2023-Q2&province=Heilongjiang&city=Shuangyashan");
            // 86 signings in Q1 and the 12 of Zhongjia Minyuan; starts: graphite anode, Fengfan and the 107 key projects
            assertEquals(98, report.getInt("rows[0].ytd.signedCount"));
            assertEquals(109, report.getInt("rows[0].ytd.starts"));
            // against the demo's (invented) targets: 300 signings, 180 starts
            assertEquals(0, new BigDecimal("0.3267").compareTo(new BigDecimal(report.getString("rows[0].targetCompletion.signedCount"))));
            assertEquals(0, new BigDecimal("0.6056").compareTo(new BigDecimal(report.getString("rows[0].targetCompletion.starts"))));
        });
    }

    @Test
    void shouldReport110MillionOfResearchInvestmentInPanjinInTheSecondQuarterOf2024() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertAmount("110000000", report("from=2024-Q2&to=2024-Q2&province=Liaoning&city=Panjin"), "rows[0].investmentCompleted"));
    }

    private static void assertAmount(String expected, JsonPath report, String path) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(report.getString(path))), path + ": " + report.getString(path));
    }

    private static JsonPath report(String query) {
        return given().auth().oauth2(ANALYST).get(landfall.reporting.url("/api/reports/quarterly?" + query))
                .then().statusCode(200).extract().jsonPath();
    }
}
