package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landfall.reporting.QuarterlyReportTest.ANALYST;
import static org.landfall.reporting.QuarterlyReportTest.eventually;
import static org.landfall.reporting.QuarterlyReportTest.province;
import static org.landfall.reporting.QuarterlyReportTest.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Stage;

/**
 * Funds in place (到位资金) in every row: the increase of the cumulative figure within the quarter, summed like the
 * investment completed, through late reports, corrections and vintages.
 */
@QuarkusTest
class FundsInPlaceTest {

    static final Instant T1 = Instant.parse("2023-03-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2023-05-01T00:00:00Z");
    static final Instant T3 = Instant.parse("2023-08-01T00:00:00Z");
    static final Instant T4 = Instant.parse("2023-10-01T00:00:00Z");

    /**
     * The funds reported in Q2 (recorded T2); at T3 a late report for Q1; at T4 a correction of the Q2 report (the
     * same date, reported again) and a report of Q3 without funds (as before issue 20), which leaves them standing.
     * Each vintage shows what was recorded by then.
     */
    @Test
    void shouldSumTheIncreaseOfTheFundsInPlaceInTheQuarterOfItsDateLatestAndAsOf() {
        String province = province();
        ProjectSnapshot p = Upstream.project(province, "Shuangyashan", null, "new-energy", LocalDate.of(2023, 2, 15),
                "1050000000", 300);
        ProjectSnapshot other = Upstream.project(province, "Shuangyashan", null, "new-energy", LocalDate.of(2023, 1, 5),
                "500000000", 10);
        Upstream.publish(Upstream.signed(p, T1), Upstream.signed(other, T1),
                Upstream.update(p, LocalDate.of(2023, 4, 7), Stage.STARTED, "200000000", 120L, "350000000", T2),
                Upstream.update(other, LocalDate.of(2023, 5, 2), null, null, null, "40000000.5", T2),
                Upstream.update(p, LocalDate.of(2023, 3, 20), null, null, null, "100000000", T3),
                Upstream.update(p, LocalDate.of(2023, 4, 7), null, null, null, "300000000", T4),
                Upstream.update(p, LocalDate.of(2023, 8, 1), null, "260000000", 150L, T4));
        String query = "from=2023-Q1&to=2023-Q3&province=" + province;
        eventually(() -> assertFigures(query, "rows[0].fundsInPlace", "100000000", "rows[1].fundsInPlace", "240000000.5",
                "rows[2].fundsInPlace", "0", "rows[2].investmentCompleted", "60000000", "rows[1].ytd.fundsInPlace",
                "340000000.5", "rows[2].ytd.fundsInPlace", "340000000.5"));
        report(query).body("rows", hasSize(3)).body("rows[1].yoy.fundsInPlace", nullValue());
        // Before the late report: all of it in Q2.
        assertFigures(query + "&asOf=2023-07-01T00:00:00Z", "rows[0].fundsInPlace", "0", "rows[1].fundsInPlace",
                "390000000.5", "rows[1].investmentCompleted", "200000000");
        // After it, before the correction.
        assertFigures(query + "&asOf=2023-09-01T00:00:00Z", "rows[0].fundsInPlace", "100000000", "rows[1].fundsInPlace",
                "290000000.5", "rows[2].fundsInPlace", "0", "rows[2].investmentCompleted", "0");
        assertFigures(query + "&asOf=2023-02-01T00:00:00Z", "rows[1].fundsInPlace", "0");
    }

    /** A contract corrected into another city takes its funds in place along, in the latest figures and as of then. */
    @Test
    void shouldMoveTheFundsInPlaceWithACorrectedContract() {
        String province = province();
        ProjectSnapshot p = Upstream.project(province, "Jixi", null, "logistics", LocalDate.of(2023, 1, 10), "800000000", 50);
        Upstream.publish(Upstream.signed(p, T1),
                Upstream.update(p, LocalDate.of(2023, 2, 1), Stage.STARTED, null, null, "70000000", T2),
                Upstream.corrected(Upstream.revise(p, 2, province, "Hegang", LocalDate.of(2023, 1, 10), "800000000"), T3));
        String query = "from=2023-Q1&to=2023-Q1&groupBy=city&province=" + province;
        eventually(() -> report(query).body("rows", hasSize(1))
                .body("rows[0].group.city", equalTo("Hegang"))
                .body("rows[0].fundsInPlace", equalTo(70000000)));
        report(query + "&asOf=2023-06-01T00:00:00Z").body("rows", hasSize(1))
                .body("rows[0].group.city", equalTo("Jixi"))
                .body("rows[0].fundsInPlace", equalTo(70000000));
    }

    @Test
    void shouldWriteTheFundsInPlaceBesideTheInvestmentInTheCsv() {
        String province = province();
        ProjectSnapshot p = Upstream.project(province, "Tianjin", null, "other", LocalDate.of(2023, 2, 1), "1234.5", 7);
        Upstream.publish(Upstream.signed(p, T1),
                Upstream.update(p, LocalDate.of(2023, 3, 1), Stage.STARTED, "100", null, "250.75", T2));
        eventually(() -> assertFigures("from=2023-Q1&to=2023-Q1&province=" + province, "rows[0].fundsInPlace", "250.75"));
        for (String language : List.of("en", "zh-CN")) {
            String csv = given().auth().oauth2(ANALYST).header("Accept-Language", language)
                    .get("/api/reports/quarterly.csv?from=2023-Q1&to=2023-Q1&province=" + province)
                    .then().statusCode(200).extract().asString();
            List<String> header = List.of(csv.substring(1).split("\r\n")[0].split(","));
            List<String> cells = List.of(csv.substring(1).split("\r\n")[1].split(",", -1));
            String funds = language.equals("en") ? "funds_in_place" : "到位资金（元）";
            String investment = language.equals("en") ? "investment_completed" : "完成投资（元）";
            assertEquals(header.indexOf(investment) + 1, header.indexOf(funds), header.toString());
            assertEquals("250.75", cells.get(header.indexOf(funds)), csv);
            assertTrue(header.contains(language.equals("en") ? "ytd_funds_in_place" : "累计到位资金（元）"), header.toString());
        }
    }

    /** The report's figures at these paths (path, value, path, value...), to the fen. */
    static void assertFigures(String query, String... expected) {
        JsonPath report = report(query).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        for (int i = 0; i < expected.length; i += 2) {
            BigDecimal got = report.getObject(expected[i], BigDecimal.class);
            assertEquals(0, new BigDecimal(expected[i + 1]).compareTo(got), query + ": " + expected[i] + " is " + got);
        }
    }
}
