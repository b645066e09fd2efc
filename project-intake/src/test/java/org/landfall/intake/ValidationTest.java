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
