package org.landfall.intake;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** POST /api/projects/imports with an .xlsx workbook, and the templates that come back through it. */
@QuarkusTest
class WorkbookImportTest {

    static final String XLSX = ImportTest.XLSX;
    static final List<String> ENGLISH = List.of("name", "investor", "province", "city", "district", "sector", "signedOn",
            "contractValue", "plannedJobs", "phases", "designations", "expectedAnnualSales", "expectedAnnualProfit",
            "expectedAnnualTax", "plannedStartOn");

    static Response upload(byte[] workbook) {
        return ImportTest.upload(workbook, XLSX);
    }

    static JsonPath project(String id) {
        return Api.analyst().get("/api/projects/" + id).then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A row of {@link #ENGLISH} columns: number cells for the amounts, a date cell for signedOn, ISO text for the start. */
    static List<Object> row(String name, Object contractValue) {
        return Arrays.asList(name, "Import Investor Co.", "Heilongjiang", "Jixi", null, "new-energy",
                LocalDate.of(2023, 2, 15), contractValue, 300, "(20 GWh); (10.5 GWh)", "provincial-key; municipal-key",
                1.1, 0.1 + 0.2, 123456789012.34, "2023-03-01");
    }

    @Test
    void shouldImportAWorkbookWithEnglishHeadersKeepingEveryNumberAsTheSpreadsheetShowsIt() {
        String name = "Workbook " + tag();
        String id = upload(Workbooks.of(List.of(ENGLISH, row(name, 10000000000L)))).then().statusCode(201)
                .body("count", equalTo(1)).body("accepted[0].line", equalTo(2)).extract().path("accepted[0].id");
        JsonPath p = project(id);
        assertEquals(name, p.getString("name"));
        assertEquals(0, new BigDecimal("10000000000").compareTo(p.getObject("contractValue", BigDecimal.class)));
        assertEquals(new BigDecimal("1.1"), p.getObject("expectedAnnualSales", BigDecimal.class));
        // 0.1 + 0.2 is stored as 0.30000000000000004; a spreadsheet shows 15 digits: 0.3.
        assertEquals(new BigDecimal("0.3"), p.getObject("expectedAnnualProfit", BigDecimal.class));
        assertEquals(new BigDecimal("123456789012.34"), p.getObject("expectedAnnualTax", BigDecimal.class));
        assertEquals(300, p.getInt("plannedJobs"));
        assertEquals("2023-02-15", p.getString("signedOn"));
        assertEquals("2023-03-01", p.getString("plannedStartOn"));
        assertEquals(List.of(1, 2), p.getList("phases.number", Integer.class));
        assertEquals(new BigDecimal("10.5"), p.getObject("phases[1].capacity.value", BigDecimal.class));
        assertEquals(List.of("provincial-key", "municipal-key"), p.getList("designations"));
    }

    @Test
    void shouldImportAWorkbookWithChineseHeaders() {
        String name = "鸡西储能项目 " + tag();
        List<String> chinese = List.of("项目名称", "投资方", "省份", "城市", "区县", "行业", "签约日期", "合同金额（元）",
                "计划用工人数", "分期", "重点项目类别", "预计年销售收入（元）", "预计年利润（元）", "预计年税收（元）", "计划开工日期");
        String id = upload(Workbooks.of(List.of(chinese, row(name, 1050000000.5)))).then().statusCode(201)
                .extract().path("accepted[0].id");
        JsonPath p = project(id);
        assertEquals(name, p.getString("name"));
        assertEquals(new BigDecimal("1050000000.5"), p.getObject("contractValue", BigDecimal.class));
    }

    @Test
    void shouldPlaceARowByItsRegionCodeAloneWhenTheSheetHasTheCodeColumn() {
        String name = "宝清县石墨项目 " + tag();
        List<String> header = List.of("项目名称", "投资方", "行政区划代码", "行业", "签约日期", "合同金额（元）");
        List<Object> row = Arrays.asList(name, "Import Investor Co.", "230523", "new-materials", LocalDate.of(2023, 3, 1), 5000000);
        String id = upload(Workbooks.of(List.of(header, row))).then().statusCode(201).extract().path("accepted[0].id");
        JsonPath p = project(id);
        assertEquals("230523", p.getString("regionCode"));
        assertEquals(List.of("黑龙江省", "双鸭山市", "宝清县"), List.of(p.getString("province"), p.getString("city"), p.getString("district")));
    }

    @Test
    void shouldRefuseAWorkbookInTheLanguageTheOfficerReads() {
        String tag = tag();
        byte[] macros = Workbooks.tampered(Workbooks.of(List.of(ENGLISH, row("Refused " + tag, 1000))),
                Map.of("xl/vbaProject.bin", "not really VBA"),
                Workbooks.declaring("/xl/vbaProject.bin", "application/vnd.ms-office.vbaProject"));
        ImportTest.officer().header("Accept-Language", "zh-CN").contentType(XLSX).body(macros).post("/api/projects/imports")
                .then().statusCode(415).body("detail", containsString("不读取含宏"));
        List<Object> badDate = row("Bad date " + tag, 1000);
        badDate.set(6, "15/02/2023");
        ImportTest.officer().header("Accept-Language", "zh-CN").contentType(XLSX).body(Workbooks.of(List.of(ENGLISH, badDate)))
                .post("/api/projects/imports").then().statusCode(422)
                .body("detail", equalTo("1 行中有 1 行被拒绝；未导入任何内容"))
                .body("errors[0].message", equalTo("无法将“15/02/2023”读取为日期（2023-03-15、2023/3/15 或 2023年3月15日）"));
        assertEquals(0, ImportTest.found(tag));
    }

    @Test
    void shouldRefuseAWorkbookWithBadRowsNumberedByTheirRowAndStoreNothing() {
        String tag = tag();
        List<Object> blank = Arrays.asList(null, null, null);
        List<Object> badDate = row("Bad date " + tag, 1000);
        badDate.set(6, "15/02/2023");
        byte[] workbook = Workbooks.of(List.of(ENGLISH, row("Good " + tag, 1000), row("Zero " + tag, 0), blank, badDate));
        upload(workbook).then().statusCode(422).contentType("application/problem+json")
                .body("detail", equalTo("2 of 3 rows are refused; nothing was imported"))
                .body("errors.line", equalTo(List.of(3, 5)))
                .body("errors.field", equalTo(List.of("contractValue", "signedOn")))
                .body("errorCount", equalTo(2));
        assertEquals(0, ImportTest.found(tag));
    }

    @Test
    void shouldRefuseMacrosExternalLinksAndBombsAndStoreNothing() {
        String tag = tag();
        byte[] good = Workbooks.of(List.of(ENGLISH, row("Refused " + tag, 1000)));

        byte[] macros = Workbooks.tampered(good, Map.of("xl/vbaProject.bin", "not really VBA"),
                Workbooks.declaring("/xl/vbaProject.bin", "application/vnd.ms-office.vbaProject"));
        upload(macros).then().statusCode(415).contentType("application/problem+json").body("detail", containsString("macros"));

        byte[] xlsm = Workbooks.tampered(good, Map.of(), types -> types.replace(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
        upload(xlsm).then().statusCode(415).body("detail", containsString("macros"));

        byte[] linked = Workbooks.tampered(good, Map.of("xl/externalLinks/externalLink1.xml",
                        "<externalLink xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"),
                Workbooks.declaring("/xl/externalLinks/externalLink1.xml",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"));
        upload(linked).then().statusCode(422).body("detail", containsString("external links"));

        upload(Workbooks.bomb(40)).then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("unpacks to more than"));
        // The same workbook as the good one, but not what its media type claims: the file decides, not the name.
        ImportTest.upload(good, "application/vnd.ms-excel").then().statusCode(415);
        assertEquals(0, ImportTest.found(tag));
        upload(good).then().statusCode(201);
    }

    @Test
    void shouldRefuseWhatIsNoWorkbookWith400Or415() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        for (byte[] body : List.of(garbage, "PK\u0003\u0004 and then nothing".getBytes(StandardCharsets.ISO_8859_1),
                Arrays.copyOf(Workbooks.of(List.of(ENGLISH)), 900), "name,investor\r\n".getBytes(StandardCharsets.UTF_8),
                Workbooks.tampered(Workbooks.of(List.of(ENGLISH)), Map.of(), types -> "<Types/>"))) {
            upload(body).then().statusCode(400).contentType("application/problem+json");
        }
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        upload(ole2).then().statusCode(415).body("detail", containsString(".xls"));
        upload(new byte[0]).then().statusCode(400);
        upload(Workbooks.of(List.of(ENGLISH))).then().statusCode(422).body("detail", containsString("no contract"));
    }

    @Test
    void shouldTakeAWorkbookAsTheFilePartOfAForm() {
        String name = "Form workbook " + tag();
        ImportTest.officer().multiPart("file", "contracts.xlsx", Workbooks.of(List.of(ENGLISH, row(name, 1000))), "application/octet-stream")
                .post("/api/projects/imports").then().statusCode(201).body("count", equalTo(1));
        assertEquals(1, ImportTest.found(name));
    }

    @Test
    void shouldImportTheWorkbookTemplateFilledIn() throws Exception {
        byte[] template = Api.officer().get("/api/projects/imports/template.xlsx").then().statusCode(200)
                .contentType(XLSX).header("Content-Disposition", containsString("filename=\"contracts-template.xlsx\""))
                .extract().asByteArray();
        String name = "Template " + tag();
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(1, sheet.getPhysicalNumberOfRows());
            Row header = sheet.getRow(0);
            assertEquals("项目名称 / name", header.getCell(0).getStringCellValue());
            List<String> titles = new ArrayList<>();
            header.forEach(cell -> titles.add(cell.getStringCellValue()));
            assertTrue(titles.contains("合同金额（元） / contractValue"), titles.toString());
            Map<String, Object> values = Map.of("name", name, "investor", "Template Investor", "province", "Heilongjiang",
                    "city", "Jixi", "sector", "new-energy", "signedOn", LocalDate.of(2023, 2, 15), "contractValue", 2500000000.0);
            Row row = sheet.createRow(1);
            for (int c = 0; c < header.getLastCellNum(); c++) {
                String key = header.getCell(c).getStringCellValue().replaceAll(".* / ", "");
                Object value = values.get(key);
                if (value instanceof Double d) {
                    row.createCell(c).setCellValue(d);
                } else if (value instanceof LocalDate d) {
                    // As a spreadsheet program keeps a typed date: a number in the template's date format.
                    row.createCell(c).setCellValue(d);
                    row.getCell(c).setCellStyle(sheet.getColumnStyle(c));
                } else if (value != null) {
                    row.createCell(c).setCellValue(value.toString());
                }
            }
            workbook.write(out);
            filled = out.toByteArray();
        }
        String id = upload(filled).then().statusCode(201).extract().path("accepted[0].id");
        JsonPath p = project(id);
        assertEquals(name, p.getString("name"));
        assertEquals("2023-02-15", p.getString("signedOn"));
        assertEquals(0, new BigDecimal("2500000000").compareTo(p.getObject("contractValue", BigDecimal.class)));
    }

    @Test
    void shouldImportTheCsvTemplateFilledIn() {
        String template = Api.analyst().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .get("/api/projects/imports/template.csv").then().statusCode(200)
                .header("Content-Disposition", containsString("filename*=UTF-8''%E5%90%88%E5%90%8C"))
                .extract().asString();
        assertEquals('\uFEFF', template.charAt(0));
        String[] header = template.substring(1).strip().split(",");
        assertEquals("项目名称 / name", header[0]);
        String name = "CSV template " + tag();
        Map<String, String> values = Map.of("name", name, "investor", "Template Investor", "province", "Heilongjiang",
                "city", "Jixi", "sector", "new-energy", "signedOn", "2023-02-15", "contractValue", "2500000000");
        String row = String.join(",", Arrays.stream(header).map(h -> values.getOrDefault(h.replaceAll(".* / ", ""), "")).toList());
        ImportTest.upload(template + row + "\r\n").then().statusCode(201).body("count", equalTo(1));
        assertEquals(1, ImportTest.found(name));
    }
}
