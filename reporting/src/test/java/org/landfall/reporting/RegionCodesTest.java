package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landfall.reporting.QuarterlyReportTest.eventually;
import static org.landfall.reporting.QuarterlyReportTest.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Stage;
import org.landfall.events.TargetSet;

/**
 * Places by their GB/T 2260 codes: one group per place however its names are spelt, regionCode filters, and the
 * names that match no code kept as before. Real places are shared by every test on the topics, so each test
 * keeps to a sector of its own.
 */
@QuarkusTest
class RegionCodesTest {

    static final LocalDate SIGNED = LocalDate.of(2023, 2, 1);

    static String sector() {
        return "codes-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A contract of an event from before codes (no regionCode), or with the code intake gave it. */
    static ProjectSnapshot project(String sector, String province, String city, String district, String regionCode) {
        return Upstream.located(Upstream.project(province, city, district, sector, SIGNED, "100", 1), regionCode);
    }

    static void sign(ProjectSnapshot... projects) {
        Instant at = PlansAndRatesTest.now();
        Upstream.publish(Stream.of(projects).map(p -> Upstream.signed(p, at)).toArray(LandfallEvent[]::new));
    }

    @Test
    void shouldGroupChineseAndPinyinNamesOfOneCityAsOneGroupWithItsCode() {
        String sector = sector();
        sign(project(sector, "Heilongjiang", "Shuangyashan", null, null),
                project(sector, "黑龙江省", "双鸭山市", null, "230500"));
        String query = "from=2023-Q1&to=2023-Q1&groupBy=city&sector=" + sector;
        eventually(() -> report(query).body("rows", hasSize(1))
                .body("rows[0].signed.count", equalTo(2))
                .body("rows[0].group.province", equalTo("Heilongjiang"))
                .body("rows[0].group.city", equalTo("Shuangyashan"))
                .body("rows[0].group.regionCode", equalTo("230500"))
                .body("rows[0].group.regionName", equalTo("双鸭山市")));
        report("from=2023-Q1&to=2023-Q1&groupBy=province&sector=" + sector)
                .body("rows[0].group.regionCode", equalTo("230000")).body("rows[0].group.regionName", equalTo("黑龙江省"));
        JsonPath latest = report(query).extract().jsonPath();
        assertEquals(latest.getList("rows"), report(query + "&asOf=" + latest.getString("asOf")).extract().jsonPath()
                .getList("rows"), "as of the latest stamp, from the history");
        report("from=2023-Q1&to=2023-Q1&groupBy=sector&sector=" + sector)
                .body("rows[0].group.keySet()", contains("sector"));
    }

    @Test
    void shouldWriteTheGroupsCodeAndChineseNameAsColumnsOfTheCsv() {
        String sector = sector();
        sign(project(sector, "辽宁省", "沈阳市", "铁西区", null), project(sector, "Liaoning", "Shenyang", "Tiexi", "210106"));
        eventually(() -> report("from=2023-Q1&to=2023-Q1&groupBy=district&sector=" + sector)
                .body("rows[0].signed.count", equalTo(2)));
        String csv = given().auth().oauth2(QuarterlyReportTest.ANALYST)
                .get("/api/reports/quarterly.csv?from=2023-Q1&to=2023-Q1&groupBy=district&sector=" + sector + "&asOf=2100-01-01")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("\uFEFF"), "every CSV answer starts with a byte order mark");
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals(2, lines.length, csv);
        assertEquals("quarter,province,city,district,region_code,region_name,signed_count", lines[0].substring(0,
                "quarter,province,city,district,region_code,region_name,signed_count".length()));
        assertEquals("2023-Q1,Liaoning,Shenyang,Tiexi,210106,铁西区,2", lines[1].substring(0,
                "2023-Q1,Liaoning,Shenyang,Tiexi,210106,铁西区,2".length()));
    }

    /** 230000 is Heilongjiang: its cities and counties are in, Liaoning's city and a place of no code are not. */
    @Test
    void shouldSelectAPlaceAndEverythingInsideItByItsRegionCode() {
        String sector = sector();
        sign(project(sector, "黑龙江省", "双鸭山市", "宝清县", "230523"), project(sector, "Heilongjiang", "Shuangyashan", null, null),
                project(sector, "Heilongjiang", "Harbin", null, "230100"), project(sector, "Liaoning", "Shenyang", null, "210100"),
                project(sector, "Atlantis", "Shuangyashan", null, null));
        String query = "from=2023-Q1&to=2023-Q1&sector=" + sector + "&regionCode=";
        eventually(() -> report(query + "230000").body("rows[0].signed.count", equalTo(3)));
        for (String asOf : List.of("", "&asOf=2100-01-01")) {
            report(query + "230000" + asOf).body("rows[0].signed.count", equalTo(3));
            report(query + "230500" + asOf).body("rows[0].signed.count", equalTo(2));
            report(query + "230523" + asOf).body("rows[0].signed.count", equalTo(1));
            report(query + "210000" + asOf).body("rows[0].signed.count", equalTo(1));
            report(query + "230100&groupBy=city" + asOf).body("rows", hasSize(1))
                    .body("rows[0].group.city", equalTo("Harbin"));
            // Shuangyashan's projects without a county are a district group of no code
            report(query + "230500&groupBy=district" + asOf).body("rows", hasSize(2))
                    .body("rows.group.district", contains(null, "Baoqing"))
                    .body("rows.group.regionCode", contains(null, "230523"))
                    .body("rows.signed.count", contains(1, 1));
        }
    }

    @Test
    void shouldMatchNameFiltersInEitherLanguageByCodeAndNamesOfNoCodeAsGiven() {
        String sector = sector();
        sign(project(sector, "黑龙江省", "双鸭山市", "宝清县", "230523"), project(sector, "Heilongjiang", "Shuangyashan", null, null),
                project(sector, "Atlantis", "Shuangyashan", null, null));
        String query = "from=2023-Q1&to=2023-Q1&sector=" + sector;
        eventually(() -> report(query).body("rows[0].signed.count", equalTo(3)));
        for (String asOf : List.of("", "&asOf=2100-01-01")) {
            report(query + "&province=黑龙江省" + asOf).body("rows[0].signed.count", equalTo(2));
            report(query + "&province=heilongjiang" + asOf).body("rows[0].signed.count", equalTo(2));
            report(query + "&province=Heilongjiang&district=宝清" + asOf).body("rows[0].signed.count", equalTo(1));
            report(query + "&province=Atlantis" + asOf).body("rows[0].signed.count", equalTo(1));
            // a city name alone resolves; spelt as a place of no code spells it, it selects that one too
            report(query + "&city=双鸭山市" + asOf).body("rows[0].signed.count", equalTo(2));
            report(query + "&city=Shuangyashan" + asOf).body("rows[0].signed.count", equalTo(3));
        }
    }

    @Test
    void shouldGroupNamesThatMatchNoCodeByNameWithoutACode() {
        String sector = sector();
        sign(project(sector, "Atlantis", "Poseidonia", null, null), project(sector, "黑龙江省", "Gold Coast", null, null));
        String query = "from=2023-Q1&to=2023-Q1&sector=" + sector + "&groupBy=";
        eventually(() -> report(query + "city").body("rows", hasSize(2)));
        for (String asOf : List.of("", "&asOf=2100-01-01")) {
            report(query + "city" + asOf)
                    .body("rows.group.province", contains("Atlantis", "Heilongjiang"))
                    .body("rows.group.city", contains("Poseidonia", "Gold Coast"))
                    .body("rows.group.regionCode", contains(null, null))
                    .body("rows.group.regionName", contains(null, null));
            report(query + "province" + asOf).body("rows.group.regionCode", contains(null, "230000"));
        }
    }

    /** A snapshot of an old event carries no code: its names give it one, in the read model and in a replay alike. */
    @Test
    void shouldGiveAnOldSnapshotWithoutACodeTheCodeOfItsNames() {
        String sector = sector();
        ProjectSnapshot old = project(sector, "liaoning", "SHENYANG CITY", "Tiexi District", null);
        sign(old);
        eventually(() -> report("from=2023-Q1&to=2023-Q1&groupBy=district&sector=" + sector)
                .body("rows[0].group.regionCode", equalTo("210106"))
                .body("rows[0].group.district", equalTo("Tiexi")));
        // a correction that only spells the place another way moves nothing
        Upstream.publish(Upstream.corrected(Upstream.revise(old, 2, "辽宁", "沈阳", SIGNED, "100"), PlansAndRatesTest.now()));
        eventually(() -> report("from=2023-Q1&to=2023-Q1&groupBy=city&sector=" + sector + "&regionCode=210100")
                .body("rows", hasSize(1)).body("rows[0].signed.count", equalTo(1))
                .body("rows[0].group.regionCode", equalTo("210100")));
    }

    /** A target set for 双鸭山市 is Shuangyashan's, however its projects spell it. */
    @Test
    void shouldMeasureAPlaceAgainstATargetSetUnderAnotherSpellingOfIt() {
        String sector = sector();
        // a year of its own (events allow 2000..2100): targets are the place's, whatever the sector, and real
        // places are shared by the tests
        int year = 2040 + new Random().nextInt(60);
        ProjectSnapshot p = Upstream.located(Upstream.project("Heilongjiang", "Shuangyashan", null, sector,
                LocalDate.of(year, 2, 1), "100", 1), null);
        Instant at = PlansAndRatesTest.now();
        Upstream.publish(Upstream.signed(p, at), Upstream.update(p, LocalDate.of(year, 3, 1), Stage.STARTED, null, null, at),
                TargetSet.of(year, "黑龙江省", "双鸭山市", null, null, null, 4L, null, null, at, "admin"));
        String query = "from=" + year + "-Q1&to=" + year + "-Q1&sector=" + sector;
        eventually(() -> report(query + "&groupBy=city").body("rows[0].targetCompletion.starts", equalTo(0.25f)));
        report(query + "&province=黑龙江&city=Shuangyashan").body("rows[0].targetCompletion.starts", equalTo(0.25f));
        report(query + "&regionCode=230500").body("rows[0].targetCompletion.starts", equalTo(0.25f));
        report(query + "&groupBy=province&regionCode=230500&asOf=2999-01-01")
                .body("rows[0].targetCompletion.starts", equalTo(0.25f));
        report(query + "&groupBy=province").body("rows[0].targetCompletion.starts", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"23050", "2305000", "abcdef", "230 500", "999999", "230571", "000000"})
    void shouldRefuseARegionCodeThatNamesNoPlaceWith400NamingIt(String code) {
        for (String path : List.of("/api/reports/quarterly", "/api/reports/quarterly.csv")) {
            given().auth().oauth2(QuarterlyReportTest.ANALYST).queryParam("regionCode", code).get(path).then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("regionCode"));
        }
    }

    /** Beijing has no prefecture-level city: it is its own city, and Chaoyang named as its city is its district. */
    @Test
    void shouldMakeAMunicipalityItsOwnCity() {
        String sector = sector();
        sign(project(sector, "北京市", "北京市", "朝阳区", null), project(sector, "Beijing", "Chaoyang", null, null),
                project(sector, "Beijing", "Beijing", null, "110000"));
        eventually(() -> report("from=2023-Q1&to=2023-Q1&groupBy=city&sector=" + sector)
                .body("rows", hasSize(1)).body("rows[0].signed.count", equalTo(3))
                .body("rows[0].group.regionCode", equalTo("110000")));
        report("from=2023-Q1&to=2023-Q1&groupBy=district&sector=" + sector)
                .body("rows.group.regionCode", contains(null, "110105"))
                .body("rows.signed.contractValue", contains(100, 200));
        assertEquals(0, new BigDecimal("300").compareTo(new BigDecimal(report("from=2023-Q1&to=2023-Q1&regionCode=110000&sector="
                + sector).extract().path("rows[0].signed.contractValue").toString())));
    }
}
