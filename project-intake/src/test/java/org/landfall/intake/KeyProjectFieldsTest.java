package org.landfall.intake;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Topics;

/**
 * A contract's key-project designations, park and the investor's promised annual figures: entered, read, corrected,
 * imported, exported in OC4IDS, searched and published like every other field of the contract.
 */
@QuarkusTest
class KeyProjectFieldsTest {

    /** The seed's Fengfan promise: sales 1.5 billion, profit 250 million, tax 100 million a year. */
    static String fengfan(String name, String... members) {
        String[] all = new String[members.length + 10];
        System.arraycopy(new String[] {"designations", "[\"municipal-key\", \"provincial-key\", \"municipal-key\"]",
                "park", "\" Shuangyashan Economic Development Zone \"", "expectedAnnualSales", "1500000000",
                "expectedAnnualProfit", "250000000", "expectedAnnualTax", "100000000.5"}, 0, all, 0, 10);
        System.arraycopy(members, 0, all, 10, members.length);
        return Api.contract(name, all);
    }

    /** The fields of {@link #fengfan} in a project as the API answered it, amounts read exactly. */
    private static void assertPromised(String project) {
        JsonPath p = JsonPath.from(project).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals(List.of("provincial-key", "municipal-key"), p.getList("designations"));
        assertEquals("Shuangyashan Economic Development Zone", p.getString("park"));
        assertEquals(0, new BigDecimal("1500000000").compareTo(p.getObject("expectedAnnualSales", BigDecimal.class)));
        assertEquals(0, new BigDecimal("250000000").compareTo(p.getObject("expectedAnnualProfit", BigDecimal.class)));
        assertEquals(0, new BigDecimal("100000000.5").compareTo(p.getObject("expectedAnnualTax", BigDecimal.class)));
    }

    @Test
    void shouldListTheDesignationsInEnglishAndChinese() {
        Api.as("inspector-zhou", "site-inspector").get("/api/designations").then().statusCode(200)
                .body("code", contains("provincial-key", "municipal-key", "district-key"))
                .body("find { it.code == 'provincial-key' }.name", equalTo("Provincial key project"))
                .body("find { it.code == 'provincial-key' }.nameZh", equalTo("省级重点项目"))
                .body("find { it.code == 'municipal-key' }.nameZh", equalTo("市级重点项目"));
    }

    @Test
    void shouldStoreAndReturnTheFieldsWithDesignationsOnceEachInTheCatalogueOrder() {
        String id = Api.sign(fengfan(Api.unique("Fengfan storage")));
        assertPromised(Api.analyst().get("/api/projects/" + id).then().statusCode(200).extract().asString());
    }

    @Test
    void shouldDefaultToNoDesignationsAndNoPromise() {
        String id = Api.sign(Api.contract(Api.unique("Plain")));
        Api.analyst().get("/api/projects/" + id).then().statusCode(200)
                .body("designations", equalTo(List.of()))
                .body("park", nullValue())
                .body("expectedAnnualSales", nullValue());
        String blank = Api.sign(Api.contract(Api.unique("Blank park"), "park", "\"  \"", "designations", "null"));
        Api.analyst().get("/api/projects/" + blank).then().body("designations", equalTo(List.of())).body("park", nullValue());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "designations         | [\"provincial-key\", \"national-key\"]",
            "designations         | [\"Provincial-Key\"]",
            "designations[0]      | [\"\"]",
            "designations[0]      | [null]",
            "park                 | \"a\\u0000b\"",
            "park                 | \"two\\nlines\"",
            "expectedAnnualSales  | 0",
            "expectedAnnualProfit | -1",
            "expectedAnnualTax    | 12.345",
            "expectedAnnualSales  | 10000000000000.01"})
    void shouldRefuseAFieldThatBreaksItsRuleNamingIt(String field, String value) {
        String member = field.replace("[0]", "");
        // NUL is unreadable text (400) here as in every other field; the rest are broken rules.
        Api.officer().body(Api.contract(Api.unique("Refused"), member, value)).post("/api/projects")
                .then().statusCode(value.contains("\\u0000") ? 400 : 422)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem(field));
    }

    @Test
    void shouldRefuseAParkOfMoreThan200CharactersAndDesignationsThatAreNotAList() {
        Api.officer().body(Api.contract(Api.unique("Long park"), "park", "\"" + "p".repeat(201) + "\"")).post("/api/projects")
                .then().statusCode(422).body("errors.field", hasItem("park"));
        Api.officer().body(Api.contract(Api.unique("Not a list"), "designations", "\"provincial-key\"")).post("/api/projects")
                .then().statusCode(400).body("errors[0].field", equalTo("designations"));
        Api.officer().body(Api.contract(Api.unique("Numbers"), "designations", "[1]")).post("/api/projects")
                .then().statusCode(400);
    }

    @Test
    void shouldCorrectTheFieldsAndKeepTheirHistory() {
        String id = Api.sign(Api.contract(Api.unique("Later key project")));
        Api.officer().body("""
                        {"reason": "Listed as a key project", "changes": {"designations": ["municipal-key", "provincial-key"],
                         "park": "Shuangyashan Economic Development Zone", "expectedAnnualSales": 1500000000,
                         "expectedAnnualProfit": 250000000, "expectedAnnualTax": 100000000.50}}""")
                .post("/api/projects/" + id + "/corrections").then().statusCode(200).body("revision", equalTo(2));
        assertPromised(Api.analyst().get("/api/projects/" + id).asString());
        Api.analyst().get("/api/projects/" + id + "/corrections").then()
                .body("[0].changes.field", contains("designations", "park", "expectedAnnualSales", "expectedAnnualProfit",
                        "expectedAnnualTax"))
                .body("[0].changes[0].from", equalTo(List.of()))
                .body("[0].changes[0].to", contains("provincial-key", "municipal-key"));

        Api.officer().body("{\"reason\": \"r\", \"changes\": {\"designations\": [\"national-key\"]}}")
                .post("/api/projects/" + id + "/corrections").then().statusCode(422)
                .body("errors[0].field", equalTo("designations"));
        Api.officer().body("{\"reason\": \"same\", \"changes\": {\"designations\": [\"provincial-key\", \"municipal-key\", "
                        + "\"provincial-key\"]}}")
                .post("/api/projects/" + id + "/corrections").then().statusCode(422);
        Api.officer().body("{\"reason\": \"Taken off the lists\", \"changes\": {\"designations\": null, \"park\": null}}")
                .post("/api/projects/" + id + "/corrections").then().statusCode(200)
                .body("designations", equalTo(List.of())).body("park", nullValue()).body("revision", equalTo(3));
    }

    @Test
    void shouldCompareTheFieldsForAnIdempotentRetry() {
        String key = UUID.randomUUID().toString();
        String name = Api.unique("Idempotent key project");
        Response first = Api.officer().header("Idempotency-Key", key).body(fengfan(name)).post("/api/projects");
        first.then().statusCode(201);
        // The same contract: designations once each, in any order.
        Api.officer().header("Idempotency-Key", key)
                .body(fengfan(name, "designations", "[\"provincial-key\", \"municipal-key\"]")).post("/api/projects")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first.path("id")));
        for (String[] other : List.of(new String[] {"park", "\"Another park\""}, new String[] {"designations", "[]"},
                new String[] {"expectedAnnualTax", "100000000.51"})) {
            Api.officer().header("Idempotency-Key", key).body(fengfan(name, other)).post("/api/projects")
                    .then().statusCode(409);
        }
    }

    @Test
    void shouldImportTheFieldsFromTheirColumns() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "name,investor,province,city,sector,signedOn,contractValue,designations,park,expectedAnnualSales,"
                + "expectedAnnualProfit,expectedAnnualTax\r\n"
                + "\"Imported key project " + tag + "\",Fengfan Co.,Heilongjiang,Jixi,new-energy,2023-02-15,1050000000,"
                + "municipal-key | provincial-key;municipal-key,Shuangyashan Economic Development Zone,1500000000,"
                + "250000000,100000000.5\r\n"
                + "\"Imported plain project " + tag + "\",Fengfan Co.,Heilongjiang,Jixi,new-energy,2023-02-15,1050000000,"
                + ",,,,\r\n";
        JsonPath answer = ImportTest.upload(csv).then().statusCode(201).extract().jsonPath();
        assertPromised(Api.analyst().get("/api/projects/" + answer.getString("accepted[0].id")).asString());
        Api.analyst().get("/api/projects/" + answer.getString("accepted[1].id")).then()
                .body("designations", equalTo(List.of())).body("park", nullValue());

        ImportTest.upload(csv.replace("Imported", "Refused").replace("municipal-key | provincial-key", "national-key"))
                .then().statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("designations"));
        ImportTest.upload(csv.replace("Imported", "Unreadable").replace("1500000000", "1.5 billion"))
                .then().statusCode(422)
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("expectedAnnualSales"));
    }

    @Test
    void shouldExportTheDesignationsParkAndPromiseInOc4ids() throws Exception {
        String id = Api.sign(fengfan(Api.unique("OC4IDS key project")));
        String body = Api.analyst().get("/api/projects/" + id + "/oc4ids").then().statusCode(200).extract().asString();
        Oc4idsTest.assertValid("project-schema.json", body);
        JsonPath p = JsonPath.from(body);
        assertEquals(List.of("landfall-sector", "landfall-designation", "landfall-designation"),
                p.getList("additionalClassifications.scheme"));
        assertEquals(List.of("new-energy", "provincial-key", "municipal-key"), p.getList("additionalClassifications.id"));
        assertEquals("Shuangyashan Economic Development Zone, Jixi, Heilongjiang, China", p.getString("locations[0].description"));
        assertEquals(List.of("expectedAnnualSales", "expectedAnnualProfit", "expectedAnnualTax"), p.getList("forecasts.id"));
        assertEquals(1500000000L, p.getLong("forecasts[0].observations[0].value.amount"));
        assertEquals("CNY", p.getString("forecasts[2].observations[0].value.currency"));

        String plain = Api.sign(Api.contract(Api.unique("OC4IDS plain project")));
        JsonPath q = Oc4idsTest.oc4ids(plain);
        assertNull(q.get("forecasts"));
        assertEquals(List.of("landfall-sector"), q.getList("additionalClassifications.scheme"));
    }

    @Test
    void shouldFindProjectsByDesignationParkAndMinimumContractValue() {
        String city = "Key city " + UUID.randomUUID().toString().substring(0, 8);
        String provincial = Api.sign(Api.contract(Api.unique("Provincial"), "city", "\"" + city + "\"",
                "designations", "[\"provincial-key\"]", "park", "\"Jianshan Park\"", "contractValue", "100000000"));
        String municipal = Api.sign(Api.contract(Api.unique("Municipal"), "city", "\"" + city + "\"",
                "designations", "[\"municipal-key\", \"district-key\"]", "contractValue", "99999999.99"));
        String none = Api.sign(Api.contract(Api.unique("None"), "city", "\"" + city + "\"", "park", "\"Jianshan Park\"",
                "contractValue", "250000000"));

        record Search(Map<String, String> query, List<String> found) {
        }
        for (Search search : List.of(
                new Search(Map.of("designation", "provincial-key,municipal-key"), List.of(provincial, municipal)),
                new Search(Map.of("designation", "district-key"), List.of(municipal)),
                new Search(Map.of("designation", " provincial-key ,"), List.of(provincial)),
                new Search(Map.of("designation", "national-key"), List.of()),
                new Search(Map.of("park", "jianshan park"), List.of(provincial, none)),
                new Search(Map.of("minContractValue", "100000000"), List.of(provincial, none)),
                new Search(Map.of("minContractValue", "99999999.99"), List.of(provincial, municipal, none)),
                new Search(Map.of("minContractValue", "100000000", "designation", "municipal-key,provincial-key",
                        "park", "Jianshan Park"), List.of(provincial)))) {
            Api.analyst().queryParam("city", city).queryParams(search.query()).get("/api/projects")
                    .then().statusCode(200).body("items.id", containsInAnyOrder(search.found().toArray()))
                    .body("total", equalTo(search.found().size()));
        }

        Api.analyst().get("/api/projects?minContractValue=lots").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("minContractValue"));
        Api.analyst().get("/api/projects?minContractValue=1e99999999999").then().statusCode(400)
                .body("errors[0].field", equalTo("minContractValue"));
        for (String outOfRange : List.of("-1", "10000000000000.01", "1e999999999", "0.001")) {
            Api.analyst().queryParam("minContractValue", outOfRange).get("/api/projects").then().statusCode(422)
                    .body("errors[0].field", equalTo("minContractValue"));
        }
        Api.analyst().queryParam("designation", "x".repeat(201)).get("/api/projects").then().statusCode(422);
        Api.analyst().queryParam("city", city).queryParam("minContractValue", "100000000").get("/api/projects/oc4ids")
                .then().statusCode(200).body("projects.size()", equalTo(2));
    }

    @Test
    void shouldPublishTheFieldsInTheContractsEvents() {
        String id = Api.sign(fengfan(Api.unique("Published key project")));
        Api.officer().body("{\"reason\": \"Not a municipal one\", \"changes\": {\"designations\": [\"provincial-key\"]}}")
                .post("/api/projects/" + id + "/corrections").then().statusCode(200);

        List<LandfallEvent> events = EventPublishingTest.of(EventPublishingTest.readUntil(Topics.PROJECTS,
                seen -> EventPublishingTest.of(seen, id).size() >= 2), id).stream().map(EventPublishingTest::decode).toList();
        ProjectSnapshot signed = ((ProjectSigned) events.get(0)).project();
        assertEquals(List.of("provincial-key", "municipal-key"), signed.designations());
        assertEquals("Shuangyashan Economic Development Zone", signed.park());
        assertEquals(0, new BigDecimal("1500000000").compareTo(signed.expectedAnnualSales()));
        assertEquals(0, new BigDecimal("250000000").compareTo(signed.expectedAnnualProfit()));
        assertEquals(0, new BigDecimal("100000000.5").compareTo(signed.expectedAnnualTax()));
        ProjectCorrected corrected = (ProjectCorrected) events.get(1);
        assertEquals(List.of("designations"), corrected.changedFields());
        assertEquals(List.of("provincial-key"), corrected.project().designations());
        assertEquals("Shuangyashan Economic Development Zone", corrected.project().park());
    }
}
