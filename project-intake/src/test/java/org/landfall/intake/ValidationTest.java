package org.landfall.intake;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of a contract: each broken one is a 422 naming the field. */
@QuarkusTest
class ValidationTest {

    private static ValidatableResponse post(String body) {
        return Api.officer().body(body).when().post("/api/projects").then()
                .contentType(startsWith("application/problem+json"));
    }

    private static void assertRefused(String body, String field) {
        post(body).statusCode(422)
                .body("status", equalTo(422))
                .body("title", equalTo("Rule broken"))
                .body("errors.field", hasItem(field));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "contractValue   | 0",
            "contractValue   | -5",
            "contractValue   | 10000000000000.01",
            "contractValue   | 12.345",
            "contractValue   | null",
            "plannedJobs     | -1",
            "sector          | \"spaceships\"",
            "sector          | \"\"",
            "province        | \"  \"",
            "city            | null",
            "signedOn        | null",
            "district        | \"x\\ty\"",
            "signedOn        | \"1850-01-01\"",
            "plannedOperationalOn | \"+100000-01-01\""})
    void shouldRefuseAFieldThatBreaksItsRule(String field, String value) {
        assertRefused(Api.contract(Api.unique("Rule"), field, value), field);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plannedCapacity.value | plannedCapacity | {\"value\": 0, \"unit\": \"GWh\"}",
            "plannedCapacity.unit  | plannedCapacity | {\"value\": 40, \"unit\": \" \"}",
            "plannedCapacity.value | plannedCapacity | {\"unit\": \"GWh\"}",
            "phases[0].investment  | phases          | [{\"number\": 1, \"investment\": 0.001}]",
            "phases[0].number      | phases          | [{\"investment\": 5}]",
            "phases[0]             | phases          | [null]",
            "source.url            | source          | {\"url\": \"not a url\"}",
            "source.publishedOn    | source          | {\"publishedOn\": \"0001-01-01\"}"})
    void shouldRefuseANestedFieldThatBreaksItsRule(String field, String member, String value) {
        assertRefused(Api.contract(Api.unique("Nested"), member, value), field);
    }

    /**
     * Characters that show nothing, or show text other than it is: a right-to-left override (a name that reads
     * backwards in a page, a CSV file or an OC4IDS export), a zero-width space or joiner (two names that look alike),
     * a line or paragraph separator, a byte order mark, a control character. Each is a 422 naming its field, in every
     * text field of a contract, nested ones too, and of a correction.
     */
    @ParameterizedTest(name = "{0} holding U+{1}")
    @CsvSource({"name, 202E", "investor, 200B", "province, 2028", "city, 2029", "district, FEFF", "park, 200D",
            "name, 0007", "investor, 2066", "park, 00AD"})
    void shouldRefuseInvisibleAndDirectionCharactersNamingTheField(String field, String hex) {
        String sneaky = "Graphite" + Character.toString(Integer.parseInt(hex, 16)) + "Anode";
        assertRefused(Api.contract(Api.unique("Invisible"), field, json(sneaky)), field);
    }

    @Test
    void shouldRefuseInvisibleCharactersInNestedFieldsCodesAndCorrections() {
        String rlo = "\u202E";
        assertRefused(Api.contract(Api.unique("Nested"), "source", "{\"title\": \"Daily" + rlo + "News\"}"), "source.title");
        assertRefused(Api.contract(Api.unique("Nested"), "plannedCapacity", "{\"value\": 40, \"unit\": \"GW" + rlo + "h\"}"),
                "plannedCapacity.unit");
        assertRefused(Api.contract(Api.unique("Nested"), "sector", "\"new-energy" + rlo + "\""), "sector");
        assertRefused(Api.contract(Api.unique("Nested"), "designations", "[\"provincial-key" + rlo + "\"]"), "designations[0]");
        String id = Api.sign(Api.contract(Api.unique("Corrected")));
        Api.officer().body("{\"reason\": \"typo" + rlo + "\", \"changes\": {\"name\": \"Fixed" + rlo + "\"}}")
                .post("/api/projects/" + id + "/corrections").then().statusCode(422)
                .body("errors.field", hasItem("reason"));
        Api.officer().body("{\"reason\": \"typo\", \"changes\": {\"name\": \"Fixed\u200B name\"}}")
                .post("/api/projects/" + id + "/corrections").then().statusCode(422)
                .body("errors.field", hasItem("name"));
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    @Test
    void shouldRefuseANameOfMoreThan200Characters() {
        assertRefused(Api.contract("N".repeat(201)), "name");
        String longest = Api.unique("").strip() + "N".repeat(191);
        Api.officer().body(Api.contract(longest)).when().post("/api/projects").then().statusCode(201)
                .body("name", equalTo(longest));
    }

    @Test
    void shouldRefuseAPhaseSumAboveTheContractValue() {
        post(Api.contract(Api.unique("Phases"), "phases",
                "[{\"number\": 1, \"investment\": 600000000}, {\"number\": 2, \"investment\": 450000000.01}]"))
                .statusCode(422)
                .body("errors[0].field", equalTo("phases"))
                .body("errors[0].message", containsString("1050000000.01"));
        Api.officer().body(Api.contract(Api.unique("Phases"), "phases",
                        "[{\"number\": 2, \"investment\": 600000000}, {\"number\": 1, \"investment\": 450000000}]"))
                .when().post("/api/projects").then().statusCode(201);
    }

    @Test
    void shouldRefusePhaseNumbersThatAreNotOneToN() {
        assertRefused(Api.contract(Api.unique("Gap"), "phases", "[{\"number\": 1}, {\"number\": 3}]"), "phases");
        assertRefused(Api.contract(Api.unique("Twice"), "phases", "[{\"number\": 1}, {\"number\": 1}]"), "phases");
    }

    @Test
    void shouldRefuseAPlannedStartAfterThePlannedOperation() {
        assertRefused(Api.contract(Api.unique("Dates"), "plannedStartOn", "\"2024-01-01\"",
                "plannedOperationalOn", "\"2023-12-31\""), "plannedOperationalOn");
    }

    @Test
    void shouldRefusePlannedDatesBeforeTheSigning() {
        assertRefused(Api.contract(Api.unique("Early"), "plannedStartOn", "\"2023-02-14\""), "plannedStartOn");
        assertRefused(Api.contract(Api.unique("Early"), "plannedOperationalOn", "\"2023-02-14\""), "plannedOperationalOn");
    }

    @Test
    void shouldRefuseASigningDateInTheFutureOfShanghai() {
        // 16:30 UTC on 1 March is already 2 March in Shanghai.
        QuarkusMock.installMockForType(Clock.fixed(Instant.parse("2023-03-01T16:30:00Z"), ZoneId.of("Asia/Shanghai")),
                Clock.class);
        assertRefused(Api.contract(Api.unique("Future"), "signedOn", "\"2023-03-03\""), "signedOn");
        Api.officer().body(Api.contract(Api.unique("Today"), "signedOn", "\"2023-03-02\""))
                .when().post("/api/projects").then().statusCode(201).body("createdAt", equalTo("2023-03-01T16:30:00Z"));
    }

    @Test
    void shouldNameEveryBrokenFieldAtOnce() {
        post("{\"name\": \"\", \"investor\": \"\", \"province\": \"P\", \"city\": \"C\", \"sector\": \"other\"}")
                .statusCode(422)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("investor"))
                .body("errors.field", hasItem("signedOn"))
                .body("errors.field", hasItem("contractValue"));
    }
}
