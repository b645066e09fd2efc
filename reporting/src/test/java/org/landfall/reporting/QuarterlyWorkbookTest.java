package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Stage;

/** GET /api/reports/quarterly.xlsx: the rows of the JSON report as a workbook, and its CSV in Chinese. */
@QuarkusTest
class QuarterlyWorkbookTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Instant T = Instant.parse("2023-03-01T00:00:00Z");

    /** Columns of the workbook and where the JSON row holds the same figure. */
    static final Map<String, String> SAME = Map.ofEntries(Map.entry("signed_count", "signed.count"),
            Map.entry("signed_contract_value", "signed.contractValue"), Map.entry("signed_planned_jobs", "signed.plannedJobs"),
            Map.entry("started_count", "started.count"), Map.entry("started_contract_value", "started.contractValue"),
            Map.entry("investment_completed", "investmentCompleted"), Map.entry("funds_in_place", "fundsInPlace"),
            Map.entry("ytd_funds_in_place", "ytd.fundsInPlace"), Map.entry("jobs_created", "jobsCreated"),
            Map.entry("planned_investment", "planned.investment"), Map.entry("ytd_investment_completed", "ytd.investmentCompleted"),
            Map.entry("ytd_signed_value", "ytd.signedValue"), Map.entry("start_rate", "rates.startRate"),
            Map.entry("investment_completion_rate", "rates.investmentCompletionRate"),
            Map.entry("yoy_signed_value", "yoy.signedValue"), Map.entry("eoq_started", "endOfQuarter.STARTED"),
            Map.entry("eoq_signed", "endOfQuarter.SIGNED"));

    @Test
    void shouldWriteTheFiguresOfTheJsonReportAsNumberCells() throws Exception {
        String province = QuarterlyReportTest.province();
        ProjectSnapshot big = Upstream.project(province, "Shuangyashan", null, "new-energy", LocalDate.of(2023, 2, 1),
                "9999999999999.99", 300);
        ProjectSnapshot small = Upstream.project(province, "Jixi", null, "other", LocalDate.of(2023, 1, 10), "1234.5", 7);
        Upstream.publish(Upstream.signed(big, T), Upstream.signed(small, T), Upstream.plan(big, 2023, "600000000.1", true, T),
                Upstream.update(big, LocalDate.of(2023, 4, 7), Stage.STARTED, "200000000.37", 120L, "350000000.5", T.plusSeconds(60)));
        String query = "from=2023-Q1&to=2023-Q2&groupBy=city&province=" + province;
        QuarterlyReportTest.eventually(() -> QuarterlyReportTest.report(query).body("rows[3].started.count", equalTo(1)));
        JsonPath json = QuarterlyReportTest.report(query).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        List<Map<String, Object>> rows = json.getList("rows");

        byte[] file = given().auth().oauth2(QuarterlyReportTest.ANALYST).get("/api/reports/quarterly.xlsx?" + query)
                .then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", containsString("filename=\"quarterly-2023-Q1-2023-Q2.xlsx\""))
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertEquals(List.of("quarter", "province", "city", "region_code", "region_name", "signed_count"),
                    header.subList(0, 6));
            assertEquals(rows.size(), sheet.getLastRowNum());
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.getRow(i + 1);
                JsonPath r = json.setRootPath("rows[" + i + "]");
                assertEquals(r.getString("quarter"), row.getCell(0).getStringCellValue());
                assertEquals(r.getString("group.city"), row.getCell(2).getStringCellValue());
                for (Map.Entry<String, String> same : SAME.entrySet()) {
                    Object expected = r.get(same.getValue());
                    Cell cell = row.getCell(header.indexOf(same.getKey()));
                    if (expected == null) {
                        assertNull(cell, same.getKey() + " of row " + i);
                    } else {
                        assertEquals(CellType.NUMERIC, cell.getCellType(), same.getKey());
                        assertEquals(0, new BigDecimal(expected.toString()).compareTo(BigDecimal.valueOf(cell.getNumericCellValue())),
                                same.getKey() + " of row " + i + ": " + expected + " and " + cell.getNumericCellValue());
                    }
                }
            }
            // The largest contract value intake takes, to the fen: 15 digits, exactly.
            Row shuangyashan = sheet.getRow(2);
            assertEquals("Shuangyashan", shuangyashan.getCell(2).getStringCellValue());
            assertEquals(new BigDecimal("9999999999999.99"),
                    BigDecimal.valueOf(shuangyashan.getCell(header.indexOf("signed_contract_value")).getNumericCellValue()));
        }
    }

    @Test
    void shouldWriteChineseHeadersWhenAskedInChinese() throws Exception {
        String province = QuarterlyReportTest.province();
        String query = "from=2023-Q1&to=2023-Q1&groupBy=province&province=" + province;
        String csv = given().auth().oauth2(QuarterlyReportTest.ANALYST).header("Accept-Language", "zh-CN,zh;q=0.9")
                .get("/api/reports/quarterly.csv?" + query).then().statusCode(200)
                .header("Content-Disposition", containsString("filename*=UTF-8''%E5%AD%A3%E5%BA%A6%E6%8A%A5%E8%A1%A8-2023-Q1-2023-Q1.csv"))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFF季度,省份,行政区划代码,行政区划名称,签约项目数,签约金额（元）,"), csv);
        byte[] file = given().auth().oauth2(QuarterlyReportTest.ANALYST).header("Accept-Language", "zh-CN")
                .accept(XLSX).get("/api/reports/quarterly?" + query).then().statusCode(200).contentType(XLSX)
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            List<String> header = new ArrayList<>();
            workbook.getSheetAt(0).getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertEquals(List.of("季度", "省份", "行政区划代码", "行政区划名称", "签约项目数"), header.subList(0, 5));
            assertTrue(header.containsAll(List.of("到位资金（元）", "累计到位资金（元）", "开工率", "投资完成率", "履约率", "更新时间")),
                    header.toString());
        }
    }

    @Test
    void shouldRefuseBadParametersOfTheWorkbookWithAProblem() {
        given().auth().oauth2(QuarterlyReportTest.ANALYST).get("/api/reports/quarterly.xlsx?from=2023-Q5").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(QuarterlyReportTest.ANALYST).get("/api/reports/quarterly.xlsx?from=2023-Q3&to=2023-Q1").then()
                .statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(org.landfall.infra.DevTokens.token("i", "site-inspector")).get("/api/reports/quarterly.xlsx")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
