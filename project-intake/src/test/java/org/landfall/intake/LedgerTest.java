package org.landfall.intake;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** GET /api/projects.xlsx and .csv: the project ledger (台账), every project a search finds. */
@QuarkusTest
class LedgerTest {

    static final String XLSX = ImportTest.XLSX;

    /** Three projects of a park of the test's own: two signed in 2023, one in 2022. */
    static String park() {
        String park = "Ledger Park " + UUID.randomUUID().toString().substring(0, 8);
        Api.sign(Api.contract(Api.unique("Ledger storage"), "park", "\"" + park + "\"", "contractValue", "10000000000",
                "expectedAnnualTax", "1.1", "phases", "[{\"number\": 1, \"investment\": 5000000000, \"capacity\": "
                        + "{\"value\": 20, \"unit\": \"GWh\"}}, {\"number\": 2, \"investment\": 1000}]",
                "designations", "[\"provincial-key\", \"municipal-key\"]", "plannedStartOn", "\"2023-03-01\""));
        Api.sign(Api.contract(Api.unique("锂电池项目"), "park", "\"" + park + "\"", "signedOn", "\"2023-05-01\""));
        Api.sign(Api.contract(Api.unique("Ledger earlier"), "park", "\"" + park + "\"", "signedOn", "\"2022-05-01\""));
        return park;
    }

    @Test
    void shouldWriteEveryProjectTheFiltersFindAsAWorkbookWithNumberAndDateCells() throws Exception {
        String park = park();
        byte[] file = Api.analyst().queryParam("park", park).queryParam("signedFrom", "2023-01-01")
                .get("/api/projects.xlsx").then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", startsWith("attachment; filename=\"projects-"))
                .extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertEquals(List.of("code", "name", "investor", "province", "city", "district", "regionCode", "sector", "signedOn",
                    "contractValue", "plannedJobs", "plannedCapacity.value", "plannedCapacity.unit", "phases",
                    "plannedStartOn", "plannedOperationalOn", "source.title", "source.url", "source.publishedOn",
                    "designations", "park", "expectedAnnualSales", "expectedAnnualProfit", "expectedAnnualTax", "stage",
                    "revision", "createdAt", "createdBy", "id"), header);
            assertEquals(2, sheet.getLastRowNum(), "the two projects of 2023, not the one of 2022");
            // The listing's order: signedOn descending.
            assertTrue(sheet.getRow(1).getCell(1).getStringCellValue().startsWith("锂电池项目"));
            Row storage = sheet.getRow(2);
            Cell value = storage.getCell(header.indexOf("contractValue"));
            assertEquals(CellType.NUMERIC, value.getCellType());
            assertEquals(0, new BigDecimal("10000000000").compareTo(BigDecimal.valueOf(value.getNumericCellValue())));
            assertEquals(new BigDecimal("1.1"), BigDecimal.valueOf(storage.getCell(header.indexOf("expectedAnnualTax")).getNumericCellValue()));
            Cell signed = storage.getCell(header.indexOf("signedOn"));
            assertTrue(DateUtil.isCellDateFormatted(signed));
            assertEquals(LocalDate.of(2023, 2, 15), signed.getLocalDateTimeCellValue().toLocalDate());
            assertEquals("5000000000 (20 GWh); 1000", storage.getCell(header.indexOf("phases")).getStringCellValue());
            assertEquals("provincial-key; municipal-key", storage.getCell(header.indexOf("designations")).getStringCellValue());
            assertEquals("SIGNED", storage.getCell(header.indexOf("stage")).getStringCellValue());
            assertEquals(park, storage.getCell(header.indexOf("park")).getStringCellValue());
        }
    }

    @Test
    void shouldWriteTheLedgerAsCsvWithAByteOrderMarkAndChineseHeadersWhenAskedInChinese() {
        String park = park();
        var response = Api.analyst().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").queryParam("park", park)
                .get("/api/projects.csv").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%8F%B0%E8%B4%A6-"))
                .header("Content-Disposition", containsString("filename=\"projects-"))
                .extract();
        byte[] bytes = response.asByteArray();
        assertEquals(List.of(0xEF, 0xBB, 0xBF), List.of(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF));
        String[] lines = response.asString().substring(1).split("\r\n");
        assertTrue(lines[0].startsWith("项目编号,项目名称,投资方,省份,城市,区县,行政区划代码,行业,签约日期,合同金额（元）,"), lines[0]);
        assertEquals(4, lines.length);
        assertTrue(lines[2].contains(",10000000000,") && lines[2].contains(",5000000000 (20 GWh); 1000,"), lines[2]);

        String english = Api.analyst().header("Accept-Language", "en-GB,zh;q=0.5").queryParam("park", park)
                .queryParam("q", "锂电池").get("/api/projects.csv").then().statusCode(200).extract().asString();
        assertTrue(english.startsWith("\uFEFFcode,name,investor,"), english);
        assertEquals(2, english.split("\r\n").length);
    }

    @Test
    void shouldReadTheLedgersEnglishColumnsBackAsAContractFile() {
        String park = park();
        String csv = Api.analyst().queryParam("park", park).queryParam("signedTo", "2022-12-31")
                .get("/api/projects.csv").then().statusCode(200).extract().asString();
        // What Landfall adds (code, stage, ...) is not a contract's: an officer drops those columns to import again.
        ImportTest.upload(csv).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("code", "stage", "id"));
    }

    @Test
    void shouldRefuseABadFilterWithAProblem() {
        Api.analyst().get("/api/projects.xlsx?signedFrom=yesterday").then().statusCode(400)
                .contentType("application/problem+json");
        Api.analyst().get("/api/projects.csv?minContractValue=-1").then().statusCode(422)
                .contentType("application/problem+json");
    }
}
