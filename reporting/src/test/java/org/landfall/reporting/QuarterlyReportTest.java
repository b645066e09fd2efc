package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Stage;
import org.landfall.infra.DevTokens;

@QuarkusTest
class QuarterlyReportTest {

    static final String ANALYST = DevTokens.token("analyst-wang", "analyst");
    static final Instant T1 = Instant.parse("2023-03-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2023-05-01T00:00:00Z");
    static final Instant T3 = Instant.parse("2023-08-01T00:00:00Z");

    static String province() {
        return "Province " + UUID.randomUUID().toString().substring(0, 8);
    }

    static ValidatableResponse report(String query) {
        return given().auth().oauth2(ANALYST).get("/api/reports/quarterly?" + query).then().statusCode(200);
    }

    /**
     * An upper bound, not a measure: in `./landfall test` the first test of this class also waits for the empty
     * read model to replay everything the modules before it published to the shared topics.
     */
    static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(assertion::run);
    }

    /**
     * A quarter can hold any number of contracts at the largest value intake accepts (10^13 yuan): 2,000 of them
     * sum to 2 x 10^16, past what numeric(18,2) held, and every one is counted rather than refused.
     */
    @Test
    void shouldSumAnyNumberOfContractsAtTheLargestValue() {
        String province = province();
        List<LandfallEvent> signings = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ProjectSnapshot p = Upstream.project(province, "Shuangyashan", null, "new-energy", LocalDate.of(2023, 2, 1),
                    "10000000000000", 1_000_000);
            signings.add(Upstream.signed(p, T1));
        }
        Upstream.publish(signings.toArray(LandfallEvent[]::new));
        for (String groupBy : List.of("none", "city")) {
            eventually(() -> {
                Map<String, Object> row = report("from=2023-Q1&to=2023-Q1&groupBy=" + groupBy + "&province=" + province)
                        .extract().jsonPath().using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                        .getMap("rows[0]");
                @SuppressWarnings("unchecked")
                Map<String, Object> signed = (Map<String, Object>) row.get("signed");
                assertEquals(new BigDecimal("20000000000000000"), new BigDecimal(signed.get("contractValue").toString()),
                        groupBy + ": " + signed);
                assertEquals("2000", signed.get("count").toString(), groupBy);
                assertEquals("2000000000", signed.get("plannedJobs").toString(), groupBy);
            });
        }
    }

    /**
     * The latest report is stamped with the moment up to which every fact has been applied, not with the clock: a
     * fact recorded after the latest one applied is not claimed, so asking as of the stamp later, once that fact
     * has arrived, gives the same rows. (Stamped with the clock at the answer, the stamp would claim the correction
     * below, recorded before the answer but applied after it.)
     */
    @Test
    void shouldStampTheLatestReportWithAMomentThatAsOfReproduces() {
        String province = province();
        ProjectSnapshot a = Upstream.project(province, "Shuangyashan", "Jianshan", "new-energy", LocalDate.of(2023, 1, 18),
                "1050000000", 300);
        Instant signedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Upstream.publish(Upstream.signed(a, signedAt));
        String query = "from=2023-Q1&to=2023-Q2&groupBy=city&province=" + province;
        eventually(() -> report(query).body("rows[0].signed.count", equalTo(1)));
        JsonPath first = report(query).extract().jsonPath();
        Instant stamp = Instant.parse(first.getString("asOf"));
        Instant correctedAt = signedAt.plusMillis(1);
        assertFalse(stamp.isBefore(signedAt), "the signing is applied");
        assertTrue(stamp.isBefore(correctedAt), "nothing later was: the stamp is " + stamp);

        Upstream.publish(Upstream.corrected(Upstream.revise(a, 2, province, a.signedOn(), "2000000000"), correctedAt));
        eventually(() -> report(query).body("rows[0].signed.contractValue", equalTo(2000000000)));
        assertEquals(first.getList("rows"),
                report(query + "&asOf=" + stamp).extract().jsonPath().getList("rows"));
        JsonPath latest = report(query).extract().jsonPath();
        assertEquals(latest.getList("rows"),
                report(query + "&asOf=" + latest.getString("asOf")).extract().jsonPath().getList("rows"));
    }

    @Test
    void shouldCountSigningsStartsInvestmentAndPipelineInTheirQuarters() {
        String province = province();
        ProjectSnapshot a = Upstream.project(province, "Shuangyashan", "Jianshan", "new-energy", LocalDate.of(2023, 1, 18), "1050000000", 300);
        ProjectSnapshot b = Upstream.project(province, "Shuangyashan", null, "new-materials", LocalDate.of(2023, 2, 1), "3000000000", null);
        Upstream.publish(Upstream.signed(a, T1), Upstream.signed(b, T1),
                Upstream.update(a, LocalDate.of(2023, 4, 7), Stage.STARTED, "200000000", 120L, T2),
                Upstream.update(b, LocalDate.of(2023, 3, 20), Stage.STARTED, null, null, T2),
                Upstream.update(b, LocalDate.of(2023, 4, 10), Stage.SUSPENDED, null, null, T2),
                Upstream.update(b, LocalDate.of(2023, 4, 21), Stage.STARTED, "450000000", 85L, T2),
                Upstream.update(a, LocalDate.of(2023, 9, 30), null, "500000000", 200L, T3));
        eventually(() -> report("from=2023-Q1&to=2023-Q3&province=" + province)
                .body("rows", hasSize(3))
                .body("rows[0].quarter", equalTo("2023-Q1"))
                .body("rows[0].group.size()", equalTo(0))
                .body("rows[0].signed.count", equalTo(2))
                .body("rows[0].signed.contractValue", equalTo(4050000000L))
                .body("rows[0].signed.plannedJobs", equalTo(300))
                .body("rows[0].started.count", equalTo(1))
                .body("rows[0].started.contractValue", equalTo(3000000000L))
                .body("rows[0].endOfQuarter.SIGNED", equalTo(1))
                .body("rows[0].endOfQuarter.STARTED", equalTo(1))
                .body("rows[1].started.count", equalTo(1))
                .body("rows[1].started.contractValue", equalTo(1050000000))
                .body("rows[1].suspended.count", equalTo(1))
                .body("rows[1].investmentCompleted", equalTo(650000000))
                .body("rows[1].jobsCreated", equalTo(205))
                .body("rows[1].endOfQuarter.STARTED", equalTo(2))
                .body("rows[1].endOfQuarter.SUSPENDED", equalTo(0))
                .body("rows[1].updatedAt", equalTo("2023-05-01T00:00:00Z"))
                .body("rows[2].investmentCompleted", equalTo(300000000))
                .body("rows[2].jobsCreated", equalTo(80))
                .body("rows[2].signed.count", equalTo(0)));
    }

    @Test
    void shouldReproduceAnEarlierVintageAfterLateUpdatesAndCorrections() {
        String province = province();
        ProjectSnapshot p = Upstream.project(province, "Shenyang", "Tiexi", "new-energy", LocalDate.of(2022, 9, 27), "100000000000", 300);
        Upstream.publish(Upstream.signed(p, T1));
        eventually(() -> report("from=2022-Q3&to=2022-Q3&province=" + province).body("rows[0].signed.contractValue", equalTo(100000000000L)));
        // a typo fixed at T2, a start in 2022-Q4 reported late at T3
        Upstream.publish(Upstream.corrected(Upstream.revise(p, 2, province, LocalDate.of(2022, 9, 27), "10000000000"), T2),
                Upstream.update(p, LocalDate.of(2022, 11, 2), Stage.STARTED, null, null, T3));
        eventually(() -> report("from=2022-Q3&to=2022-Q4&province=" + province)
                .body("rows[0].signed.contractValue", equalTo(10000000000L))
                .body("rows[1].started.count", equalTo(1)));
        report("from=2022-Q3&to=2022-Q4&province=" + province + "&asOf=2023-04-01T00:00:00Z")
                .body("asOf", equalTo("2023-04-01T00:00:00Z"))
                .body("rows[0].signed.contractValue", equalTo(100000000000L))
                .body("rows[1].started.count", equalTo(0))
                .body("rows[1].endOfQuarter.SIGNED", equalTo(1));
        report("from=2022-Q3&to=2022-Q4&province=" + province + "&asOf=2023-06-01T00:00:00Z")
                .body("rows[0].signed.contractValue", equalTo(10000000000L))
                .body("rows[1].started.count", equalTo(0));
        report("from=2022-Q3&to=2022-Q3&province=" + province + "&asOf=2023-02-01T00:00:00Z")
                .body("rows[0].signed.count", equalTo(0)).body("rows[0].updatedAt", nullValue());
    }

    @Test
    void shouldMoveAProjectWhenACorrectionChangesItsProvinceAndQuarter() {
        String wrong = province(), right = province();
        ProjectSnapshot p = Upstream.project(wrong, "Dalian", null, "logistics", LocalDate.of(2023, 3, 30), "500000000", 10);
        Upstream.publish(Upstream.signed(p, T1),
                Upstream.corrected(Upstream.revise(p, 2, right, LocalDate.of(2023, 4, 2), "500000000"), T2));
        eventually(() -> report("from=2023-Q1&to=2023-Q2&groupBy=province&province=" + right)
                .body("rows", hasSize(2))
                .body("rows[0].group.province", equalTo(right))
                .body("rows[0].signed.count", equalTo(0))
                .body("rows[1].signed.count", equalTo(1)));
        report("from=2023-Q1&to=2023-Q2&groupBy=province&province=" + wrong).body("rows", hasSize(0));
    }

    @Test
    void shouldCountEachEventOnceWhateverTheOrderAndRedelivery() {
        String province = province();
        ProjectSnapshot p = Upstream.project(province, "Nanjing", "Lishui", "automobiles", LocalDate.of(2023, 1, 5), "800000000", 50);
        var signed = Upstream.signed(p, T1);
        var start = Upstream.update(p, LocalDate.of(2023, 2, 1), Stage.STARTED, "100000000", null, T2);
        // A correction restating the contract, at the revision after the signing, as intake would publish it
        var restated = Upstream.corrected(Upstream.revise(p, 2, province, p.signedOn(), "800000000"), T1);
        Upstream.publish(start, restated, start, signed, signed, restated, start);
        eventually(() -> report("from=2023-Q1&to=2023-Q1&province=" + province)
                .body("rows[0].signed.count", equalTo(1))
                .body("rows[0].signed.contractValue", equalTo(800000000))
                .body("rows[0].started.count", equalTo(1))
                .body("rows[0].investmentCompleted", equalTo(100000000)));
    }

    @Test
    void shouldGroupByEachDimensionWithARowForEveryQuarter() {
        String province = province();
        Upstream.publish(
                Upstream.signed(Upstream.project(province, "Harbin", "Songbei", "biomedicine", LocalDate.of(2023, 2, 1), "100", 1), T1),
                Upstream.signed(Upstream.project(province, "Harbin", "Daoli", "chemicals", LocalDate.of(2023, 5, 1), "200", 2), T1));
        eventually(() -> report("from=2023-Q1&to=2023-Q2&groupBy=district&province=" + province)
                .body("rows", hasSize(4))
                .body("rows[0].group.district", equalTo("Daoli"))
                .body("rows[0].group.city", equalTo("Harbin"))
                .body("rows[0].signed.count", equalTo(0))
                .body("rows[1].group.district", equalTo("Songbei"))
                .body("rows[1].signed.count", equalTo(1)));
        report("from=2023-Q1&to=2023-Q2&groupBy=sector&province=" + province)
                .body("rows.group.sector", org.hamcrest.Matchers.contains("biomedicine", "chemicals", "biomedicine", "chemicals"));
        report("from=2023-Q2&to=2023-Q2&groupBy=city&province=" + province)
                .body("rows", hasSize(1)).body("rows[0].signed.contractValue", equalTo(200))
                .body("rows[0].endOfQuarter.SIGNED", equalTo(2));
    }

    @Test
    void shouldServeTheSameRowsAsCsv() {
        String province = province();
        Upstream.publish(Upstream.signed(Upstream.project(province, "Tianjin", null, "other", LocalDate.of(2023, 2, 1), "1234.5", 7), T1));
        eventually(() -> report("from=2023-Q1&to=2023-Q1&province=" + province).body("rows[0].signed.count", equalTo(1)));
        String csv = given().auth().oauth2(ANALYST).get("/api/reports/quarterly.csv?from=2023-Q1&to=2023-Q1&groupBy=province&province=" + province)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.startsWith("\uFEFF"), "a byte order mark, so that Excel reads UTF-8");
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("quarter,province,region_code,region_name,signed_count,signed_contract_value,"
                + "signed_planned_jobs"), lines[0]);
        assertTrue(lines[1].startsWith("2023-Q1," + province + ",,,1,1234.5,7,"), lines[1]);
        given().auth().oauth2(ANALYST).accept("text/csv").get("/api/reports/quarterly?from=2023-Q1&to=2023-Q1&province=" + province)
                .then().statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void shouldRefuseBadParametersWithAProblem() {
        given().auth().oauth2(ANALYST).get("/api/reports/quarterly?from=2023-Q5").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(ANALYST).get("/api/reports/quarterly?groupBy=planet").then().statusCode(400);
        given().auth().oauth2(ANALYST).get("/api/reports/quarterly?asOf=yesterday").then().statusCode(400);
        given().auth().oauth2(ANALYST).get("/api/reports/quarterly?from=2023-Q3&to=2023-Q1").then().statusCode(422);
        given().auth().oauth2(ANALYST).get("/api/reports/quarterly?from=1900-Q1&to=2100-Q1").then().statusCode(422);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "0000-12-31T23:59:59Z", "9999-12-31T23:00:00-05:00", "+999999999-12-31"})
    void shouldRefuseAnAsOfOutsideTheYearsOneTo9999With400NamingIt(String asOf) {
        for (String path : List.of("/api/reports/quarterly", "/api/reports/quarterly.csv")) {
            given().auth().oauth2(ANALYST).queryParam("asOf", asOf).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        }
        given().auth().oauth2(ANALYST).accept("text/csv").queryParam("asOf", asOf).get("/api/reports/quarterly")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerTheEarliestAndLatestAsOfItCanHold() {
        given().auth().oauth2(ANALYST).queryParam("asOf", "0001-01-01T00:00:00Z").get("/api/reports/quarterly?from=2023-Q1&to=2023-Q1")
                .then().statusCode(200).body("asOf", equalTo("0001-01-01T00:00:00Z")).body("rows[0].signed.count", equalTo(0));
        given().auth().oauth2(ANALYST).queryParam("asOf", "9999-12-31").get("/api/reports/quarterly.csv?from=2023-Q1&to=2023-Q1")
                .then().statusCode(200);
    }

    @Test
    void shouldLetOnlyAnalystsAndAdminsRead() {
        given().get("/api/reports/quarterly").then().statusCode(401);
        given().auth().oauth2(DevTokens.token("i", "site-inspector")).get("/api/reports/quarterly").then().statusCode(403);
        given().auth().oauth2(DevTokens.token("boss", "admin")).get("/api/reports/quarterly").then().statusCode(200)
                .body("rows", hasSize(4));
    }
}
