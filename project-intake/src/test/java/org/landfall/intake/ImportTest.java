package org.landfall.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectSigned;
import org.landfall.events.Topics;
import org.landfall.infra.DevTokens;

/** POST /api/projects/imports: a CSV file of contracts, all or nothing, by the rules of POST /api/projects. */
@QuarkusTest
class ImportTest {

    static final String HEADER = "name,investor,province,city,district,sector,signedOn,contractValue,plannedJobs,"
            + "plannedCapacity.value,plannedCapacity.unit,phases,plannedStartOn,plannedOperationalOn,source.title,"
            + "source.url,source.publishedOn\r\n";

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** As curl sends a file: REST Assured would otherwise add "; charset=ISO-8859-1" to a text/csv body. */
    static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    static RequestSpecification officer() {
        return given().config(RAW).auth().oauth2(DevTokens.token(Api.OFFICER, "intake-officer"));
    }

    static Response upload(String csv) {
        return upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    static Response upload(byte[] file, String contentType) {
        return officer().contentType(contentType).body(file).post("/api/projects/imports");
    }

    /** A valid row named {@code name}; the place keeps off the demo data's, whose figures the e2e tests check. */
    static String row(String name, String signedOn, String contractValue) {
        return "\"" + name + "\",Import Investor Co.,Heilongjiang,Jixi,,new-energy," + signedOn + "," + contractValue
                + ",,,,,,,,,\r\n";
    }

    static int found(String q) {
        return Api.analyst().queryParam("q", q).get("/api/projects").then().statusCode(200).extract().path("total");
    }

    @Test
    void shouldStoreEveryRowOfAGoodFileWithItsCodeAndPublishItsEvent() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "\uFEFF" + HEADER
                + "\"Storage, cells and packs " + tag + "\",\"Fengfan Co., Ltd.\",Heilongjiang,Jixi,Mashan,new-energy,"
                + "2023-02-15,10000000000,300,40,GWh,5000000000 (20 GWh); 4000000000 (20 GWh),2023-03-01,2025-12-31,"
                + "\"Signed, at last\",https://example.org/a,2023-02-16\r\n"
                + "\r\n"
                + row("Anode plant " + tag, "2023-04-01", "1050000000.5");

        JsonPath answer = upload(csv).then().statusCode(201)
                .header("Location", matchesPattern(".*/api/projects/imports/[0-9a-f-]{36}"))
                .body("count", equalTo(2))
                .body("importedBy", equalTo(Api.OFFICER))
                .body("accepted.line", equalTo(List.of(2, 4)))
                .body("accepted[0].code", matchesPattern("HL-2023-\\d{6}"))
                .extract().jsonPath();

        String first = answer.getString("accepted[0].id");
        Api.analyst().get("/api/projects/" + first).then().statusCode(200)
                .body("name", equalTo("Storage, cells and packs " + tag))
                .body("investor", equalTo("Fengfan Co., Ltd."))
                .body("contractValue", equalTo(10000000000L))
                .body("plannedCapacity.unit", equalTo("GWh"))
                .body("phases.number", equalTo(List.of(1, 2)))
                .body("phases[1].investment", equalTo(4000000000L))
                .body("phases[1].capacity.value", equalTo(20))
                .body("source.title", equalTo("Signed, at last"))
                .body("createdBy", equalTo(Api.OFFICER))
                .body("code", equalTo(answer.getString("accepted[0].code")));
        String second = answer.getString("accepted[1].id");
        Api.analyst().get("/api/projects/" + second).then().statusCode(200).body("contractValue", equalTo(1050000000.5f));

        List<LandfallEvent> events = EventPublishingTest.readUntil(Topics.PROJECTS,
                        seen -> !EventPublishingTest.of(seen, first).isEmpty() && !EventPublishingTest.of(seen, second).isEmpty())
                .stream().filter(r -> first.equals(r.key()) || second.equals(r.key()))
                .map(EventPublishingTest::decode).toList();
        assertEquals(2, events.size());
        assertTrue(events.stream().allMatch(e -> e instanceof ProjectSigned s && s.recordedBy().equals(Api.OFFICER)));
    }

    /**
     * The samples of the documentation (docs/samples): the CSV in UTF-8 with the template's header, an officer's
     * sheet with Chinese headers as Excel saves it as CSV on a Chinese Windows (GB18030), and a workbook filled in
     * from the template (date and number cells, a row placed by its regionCode alone).
     */
    @ParameterizedTest
    @CsvSource({"contracts.csv, text/csv, 3", "contracts-gb18030.csv, text/csv, 3",
            "contracts.xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, 2"})
    void shouldImportTheSampleFilesOfTheDocumentation(String file, String contentType, int rows) throws Exception {
        Path sample = Path.of(System.getProperty("landfall.root", "..")).resolve("docs/samples").resolve(file);
        upload(Files.readAllBytes(sample), contentType).then().statusCode(201)
                .body("count", equalTo(rows)).body("accepted.line", equalTo(IntStream.rangeClosed(2, rows + 1).boxed().toList()));
    }

    @Test
    void shouldRefuseAFileWithBadRowsListingEveryLineAndFieldAndStoreNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String existing = "Existing " + tag;
        Api.sign(Api.contract(existing, "investor", "\"Import Investor Co.\"", "city", "\"Jixi\""));
        String csv = HEADER
                + row("Good " + tag, "2023-02-15", "1000000")                                         // line 2
                + row("Zero " + tag, "2023-02-15", "0")                                               // line 3
                + "\"Bad sector " + tag + "\",Import Investor Co.,Heilongjiang,Jixi,,steel,15/02/2023,1e3,x,,,,,,,,\r\n" // line 4
                + row("Good " + tag, "2023-02-15", "2000000")                                         // line 5
                + row(existing, "2023-02-15", "1000000")                                              // line 6
                + "\"Phases " + tag + "\",Import Investor Co.,Heilongjiang,Jixi,,new-energy,2023-02-15,1000,,,,"
                + "800; 300 (5 GWh); (x),,,,,\r\n"                                                   // line 7
                + "\"Too late " + tag + "\",Import Investor Co.,Heilongjiang,Jixi,,new-energy,2023-02-15,1000,,,,,"
                + "2023-01-01,,,,\r\n";                                                              // line 8

        JsonPath problem = upload(csv).then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("detail", equalTo("6 of 7 rows are refused; nothing was imported"))
                .extract().jsonPath();
        List<Map<String, Object>> errors = problem.getList("errors");
        Map<Integer, List<String>> byLine = errors.stream().collect(Collectors.groupingBy(e -> (Integer) e.get("line"),
                TreeMap::new, Collectors.mapping(e -> String.valueOf(e.get("field")), Collectors.toList())));
        assertEquals(Map.of(3, List.of("contractValue"), 4, List.of("plannedJobs", "signedOn"),
                5, List.of("null"), 6, List.of("null"), 7, List.of("phases[2].capacity"),
                8, List.of("plannedStartOn")), byLine);
        assertTrue(errors.stream().anyMatch(e -> e.get("line").equals(5) && e.get("message").toString().contains("line 2")));
        assertTrue(errors.stream().anyMatch(e -> e.get("line").equals(6)
                && e.get("message").toString().contains("exists")));

        assertEquals(0, found("Good " + tag));
        assertEquals(0, found("Phases " + tag));
    }

    @Test
    void shouldApplyTheRulesAcrossFieldsOnceTheFieldsAreReadable() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER + row("Sector " + tag, "2023-02-15", "1000").replace("new-energy", "steel")
                + "\"Phases sum " + tag + "\",Import Investor Co.,Heilongjiang,Jixi,,new-energy,2023-02-15,1000,,,,"
                + "800; 300,,,,,\r\n";
        upload(csv).then().statusCode(422)
                .body("errors.line", equalTo(List.of(2, 3)))
                .body("errors.field", equalTo(List.of("sector", "phases")))
                .body("errors[1].message", containsString("above the contract value"));
        assertEquals(0, found("Sector " + tag));
    }

    @Test
    void shouldAnswerTheSameFileAgainWithTheFirstAnswerAndCreateNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER + row("Once " + tag, "2023-02-15", "1000000") + row("Twice " + tag, "2023-02-16", "1000000");

        Response first = upload(csv);
        first.then().statusCode(201).header("Idempotent-Replayed", "false");
        Response again = upload(csv);
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"));
        assertEquals(first.asString(), again.asString());
        assertEquals(1, found("Once " + tag));
        assertEquals(1, found("Twice " + tag));
        Api.analyst().get(first.header("Location")).then().statusCode(200).body(equalTo(first.asString()));
    }

    /** The same file from another officer is their own upload: read anew (its contracts exist: 409 or 422), not replayed. */
    @Test
    void shouldNeverAnswerOneOfficersUploadWithAnothersImport() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] csv = (HEADER + row("Shared file " + tag, "2023-02-15", "1000000")).getBytes(StandardCharsets.UTF_8);
        Response first = upload(csv, "text/csv");
        first.then().statusCode(201);
        Response another = given().config(RAW).auth().oauth2(DevTokens.token("officer-zhou", "intake-officer"))
                .contentType("text/csv").body(csv).post("/api/projects/imports");
        assertNotEquals(first.header("Location"), another.header("Location"), another.asString());
        assertNotEquals(201, another.statusCode(), another.asString());
        assertEquals(1, found("Shared file " + tag));
    }

    @Test
    void shouldTakeTheFileAsTheFilePartOfAForm() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        officer().multiPart("file", "contracts.csv", (HEADER + row("Form " + tag, "2023-02-15", "1000")).getBytes(StandardCharsets.UTF_8),
                        "application/vnd.ms-excel")
                .post("/api/projects/imports").then().statusCode(201).body("count", equalTo(1));
        assertEquals(1, found("Form " + tag));
        officer().multiPart("other", "contracts.csv", HEADER.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/projects/imports").then().statusCode(400).contentType("application/problem+json");
        officer().multiPart("file", "contracts.xlsx", new byte[] {80, 75, 3, 4}, XLSX)
                .post("/api/projects/imports").then().statusCode(400).body("detail", containsString(".xlsx workbook"));
        officer().multiPart("file", "contracts.xls", new byte[] {80, 75, 3, 4}, "application/vnd.ms-excel")
                .post("/api/projects/imports").then().statusCode(415).body("detail", containsString("CSV UTF-8"));
    }

    @Test
    void shouldReadTheCharsetTheContentTypeNames() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER + row("锂电池项目 " + tag, "2023-02-15", "1000");
        upload(csv.getBytes(Charset.forName("GBK")), "text/csv; charset=GBK").then().statusCode(201);
        assertEquals(1, found("锂电池项目 " + tag));
        // GBK bytes said to be UTF-8 are not UTF-8 text.
        upload(csv.replace(tag, tag + "x").getBytes(Charset.forName("GBK")), "text/csv; charset=UTF-8").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("UTF-8"));
    }

    /** What Excel's "CSV (comma delimited)" writes on a Chinese Windows: GB18030, no byte order mark, no charset said. */
    @Test
    void shouldReadAGb18030FileWithChineseHeadersAndNamesIntact() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "双鸭山石墨负极材料项目 " + tag;
        String csv = "项目名称,投资方,省份,城市,区县,行业,签约日期,合同金额（元）,所在园区\r\n"
                + name + ",黑龙江省宝泉岭石墨有限公司,黑龙江省,鸡西市,麻山区,new-materials,2023-02-15,850000000.5,鸡西经济开发区\r\n";
        String id = upload(csv.getBytes(Charset.forName("GB18030")), "text/csv").then().statusCode(201)
                .extract().path("accepted[0].id");
        Api.analyst().get("/api/projects/" + id).then().statusCode(200)
                .body("name", equalTo(name)).body("investor", equalTo("黑龙江省宝泉岭石墨有限公司"))
                .body("city", equalTo("鸡西市")).body("park", equalTo("鸡西经济开发区"));
    }

    /**
     * Excel writes a date cell into a CSV as its short date, 2023/3/15 on a Chinese Windows, whatever the cell
     * showed; officers also type 2023年3月15日. Both are the 15th of March. A day-first date is refused: 03/04/2023
     * could be either month.
     */
    @Test
    void shouldReadTheDatesSpreadsheetsWriteInChineseAndRefuseAmbiguousOnes() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "项目名称,投资方,省份,城市,行业,签约日期,合同金额（元）\r\n"
                + "短日期项目 " + tag + ",丰帆股份有限公司,黑龙江省,鸡西市,new-energy,2023/3/15,1000000\r\n"
                + "中文日期项目 " + tag + ",丰帆股份有限公司,黑龙江省,鸡西市,new-energy,2023年3月5日,1000000\r\n";
        List<String> ids = upload(csv.getBytes(Charset.forName("GB18030")), "text/csv").then().statusCode(201)
                .extract().path("accepted.id");
        Api.analyst().get("/api/projects/" + ids.get(0)).then().statusCode(200).body("signedOn", equalTo("2023-03-15"));
        Api.analyst().get("/api/projects/" + ids.get(1)).then().statusCode(200).body("signedOn", equalTo("2023-03-05"));

        String ambiguous = csv.replace(tag, tag + "x").replace("2023/3/15", "03/04/2023").replace("2023年3月5日", "2023/2/30");
        upload(ambiguous.getBytes(Charset.forName("GB18030")), "text/csv").then().statusCode(422)
                .body("errors.line", equalTo(List.of(2, 3))).body("errors.field", everyItem(equalTo("signedOn")))
                .body("errors[0].message", containsString("2023/3/15"));
        assertEquals(0, found(tag + "x"));
    }

    @Test
    void shouldReadAUtf8FileWithAByteOrderMarkAndBilingualHeaders() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "\uFEFF项目名称 / name,投资方 / investor,省份 / province,城市 / city,行业 / sector,签约日期 / signedOn,"
                + "合同金额(元) / contractValue\r\n" + "储能电池项目 " + tag + ",丰帆股份有限公司,黑龙江省,鸡西市,new-energy,2023-02-15,1050000000\r\n";
        String id = upload(csv).then().statusCode(201).extract().path("accepted[0].id");
        Api.analyst().get("/api/projects/" + id).then().body("name", equalTo("储能电池项目 " + tag))
                .body("contractValue", equalTo(1050000000));
    }

    @Test
    void shouldNameTheColumnsOfAHeaderThatMixesTwoColumnsOrLandfallsOwn() {
        String csv = "项目名称 / investor,code,investor,province,city,sector,signedOn,contractValue\r\n"
                + "x,y,z,Heilongjiang,Jixi,new-energy,2023-02-15,1\r\n";
        upload(csv).then().statusCode(400).body("errors.field", equalTo(List.of("项目名称 / investor", "code", "name")))
                .body("errors[1].message", containsString("Landfall's own"));
    }

    /**
     * A megabyte of spaces in the phases cell (what once backtracked for minutes in a pattern) is measured and
     * refused without being read; a file of many bad rows lists the first errors and counts them all.
     */
    @Test
    void shouldRefuseAHugeCellUnreadAndCapTheErrorsListed() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String huge = HEADER + "\"Huge " + tag + "\",Import Investor Co.,Heilongjiang,Jixi,,new-energy,2023-02-15,1000,,,,"
                + "1" + " ".repeat(1_000_000) + "x,,,,,\r\n";
        upload(huge).then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(1)).body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("phases"))
                .body("errors[0].message", containsString("at most 5000")).body("errorCount", equalTo(1));

        String bad = HEADER + IntStream.rangeClosed(1, 400).mapToObj(i -> "\"Bad " + i + " " + tag
                + "\",Import Investor Co.,Heilongjiang,Jixi,,new-energy,15/02/2023,0,x,,,,,,,,\r\n").collect(Collectors.joining());
        upload(bad).then().statusCode(422)
                .body("errors", hasSize(100)).body("errorCount", equalTo(800))
                .body("detail", containsString("the first 100 of 800 errors"))
                .body("errors[0].line", equalTo(2)).body("errors[99].line", equalTo(51));
        assertEquals(0, found(tag));
    }

    @Test
    void shouldStoreFormulaLikeTextAsPlainText() {
        String name = "=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\") " + UUID.randomUUID();
        String id = upload(HEADER + row(name, "2023-02-15", "1000")).then().statusCode(201)
                .extract().path("accepted[0].id");
        Api.analyst().get("/api/projects/" + id).then().body("name", equalTo(name.replace("\"\"", "\"")));
    }

    @Test
    void shouldReadQuotedLineBreaksAsPartOfTheCellAndCountLinesOfTheFile() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER + row("Two\nlines " + tag, "2023-02-15", "1000") + row("After " + tag, "2023-02-15", "0");
        upload(csv).then().statusCode(422)
                .body("errors.line", equalTo(List.of(2, 4)))
                .body("errors.field", equalTo(List.of("name", "contractValue")))
                .body("errors[0].message", equalTo("must not contain control, format (such as bidirectional overrides or "
                        + "zero-width spaces) or line-separator characters"));
    }

    @Test
    void shouldRefuseWhatIsNotACsvTableOfContractsWithAProblemAndStoreNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String good = row("Malformed " + tag, "2023-02-15", "1000");
        refused(upload(""), 400, "empty");
        refused(upload("\uFEFF\r\n\r\n"), 400, "empty");
        refused(upload(HEADER), 422, "no contract");
        refused(upload(HEADER + good + "\"Unclosed,x\r\n"), 400, "not a valid CSV");
        refused(upload(HEADER + "\"Quoted\"tail,a,b,c,,new-energy,2023-02-15,1,,,,,,,,,\r\n"), 400, "line 2");
        refused(upload(HEADER.replace("contractValue", "contractvalu") + good), 400, "header")
                .body("errors[0].field", equalTo("contractvalu")).body("errors[0].line", equalTo(1));
        refused(upload("name,investor,province,city\r\n" + good), 400, "header")
                .body("errors.field", equalTo(List.of("sector", "signedOn", "contractValue")));
        refused(upload(HEADER.replace("district", "name") + good), 400, "header");
        refused(upload(HEADER + good.replace("\r\n", ",surplus\r\n")), 422, "refused")
                .body("errors[0].line", equalTo(2)).body("errors[0].message", containsString("cells"));
        refused(upload("{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8), "application/json"), 415, null);
        refused(upload(new byte[] {80, 75, 3, 4}, XLSX), 400, ".xlsx workbook");
        refused(upload(new byte[] {80, 75, 3, 4}, "application/vnd.ms-excel"), 415, "CSV UTF-8");
        refused(upload(HEADER + good.replace("Malformed", "Nul\u0000")), 422, "refused");
        assertEquals(0, found("Malformed " + tag));
    }

    @Test
    void shouldRefuseMoreRowsThanTheLimit() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER + IntStream.rangeClosed(1, 1001).mapToObj(i -> row("Many " + i + " " + tag, "2023-02-15", "1000"))
                .collect(Collectors.joining());
        refused(upload(csv), 413, "at most 1000");
        assertEquals(0, found(tag));
    }

    @Test
    void shouldLetOnlyIntakeOfficersAndAdminsImport() {
        String csv = HEADER + row("Role " + UUID.randomUUID(), "2023-02-15", "1000");
        given().auth().oauth2(DevTokens.token("analyst-wang", "analyst")).contentType("text/csv").body(csv)
                .post("/api/projects/imports").then().statusCode(403);
        given().contentType("text/csv").body(csv).post("/api/projects/imports").then().statusCode(401);
        given().auth().oauth2(DevTokens.token("admin-zhao", "admin")).contentType("text/csv").body(csv)
                .post("/api/projects/imports").then().statusCode(201);
    }

    private static ValidatableResponse refused(Response r, int status, String detail) {
        var v = r.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (detail != null) {
            v.body("detail", containsString(detail));
        }
        return v;
    }
}
