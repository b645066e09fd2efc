package org.landfall.intake;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorrectionTest {

    private static ValidatableResponse correct(String id, String body) {
        return Api.officer().body(body).when().post("/api/projects/" + id + "/corrections").then();
    }

    @Test
    void shouldCorrectTheContractValueAndKeepTheHistory() {
        String id = Api.sign(Api.contract(Api.unique("Corrected"), "contractValue", "1000000000"));

        correct(id, "{\"reason\": \"Contract value typed with a zero missing\", \"changes\": {\"contractValue\": 10000000000}}")
                .statusCode(200)
                .body("id", equalTo(id))
                .body("contractValue", equalTo(10000000000L))
                .body("revision", equalTo(2))
                .body("createdBy", equalTo(Api.OFFICER));
        Api.as("officer-zhang", "intake-officer")
                .body("{\"reason\": \"District was missing\", \"changes\": {\"district\": \"Mashan\", \"plannedJobs\": 300}}")
                .when().post("/api/projects/" + id + "/corrections")
                .then().statusCode(200).body("revision", equalTo(3)).body("district", equalTo("Mashan"));

        Api.analyst().when().get("/api/projects/" + id).then().body("revision", equalTo(3))
                .body("contractValue", equalTo(10000000000L));
        Api.analyst().when().get("/api/projects/" + id + "/corrections")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].revision", equalTo(2))
                .body("[0].correctedBy", equalTo(Api.OFFICER))
                .body("[0].correctedAt", matchesPattern("\\d{4}-.*Z"))
                .body("[0].reason", equalTo("Contract value typed with a zero missing"))
                .body("[0].changes", hasSize(1))
                .body("[0].changes[0].field", equalTo("contractValue"))
                .body("[0].changes[0].from", equalTo(1000000000))
                .body("[0].changes[0].to", equalTo(10000000000L))
                .body("[1].correctedBy", equalTo("officer-zhang"))
                .body("[1].changes.field", org.hamcrest.Matchers.contains("district", "plannedJobs", "regionCode"))
                .body("[1].changes[0].from", nullValue());
    }

    @Test
    void shouldNeverChangeTheCodeEvenWhenTheSigningYearChanges() {
        String id = Api.sign(Api.contract(Api.unique("Year"), "signedOn", "\"2023-01-02\""));
        String code = Api.analyst().when().get("/api/projects/" + id).then().extract().path("code");
        correct(id, "{\"reason\": \"Signed in December\", \"changes\": {\"signedOn\": \"2022-12-30\", \"province\": \"Jilin\"}}")
                .statusCode(200).body("code", equalTo(code)).body("signedOn", equalTo("2022-12-30"));
    }

    @Test
    void shouldRefuseACorrectionThatBreaksARuleAndChangeNothing() {
        String id = Api.sign(Api.contract(Api.unique("Rules"), "phases", "[{\"number\": 1, \"investment\": 500000000}]"));
        correct(id, "{\"reason\": \"r\", \"changes\": {\"contractValue\": 400000000}}")
                .statusCode(422).contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("phases"));
        correct(id, "{\"reason\": \"r\", \"changes\": {\"contractValue\": -1}}")
                .statusCode(422).body("errors[0].field", equalTo("contractValue"));
        correct(id, "{\"reason\": \"r\", \"changes\": {\"name\": null}}")
                .statusCode(422).body("errors[0].field", equalTo("name"));
        correct(id, "{\"reason\": \"r\", \"changes\": {\"signedOn\": \"2999-01-01\"}}")
                .statusCode(422).body("errors[0].field", equalTo("signedOn"));
        Api.analyst().when().get("/api/projects/" + id).then().body("revision", equalTo(1))
                .body("contractValue", equalTo(1050000000));
        Api.analyst().when().get("/api/projects/" + id + "/corrections").then().body("", hasSize(0));
    }

    @Test
    void shouldRefuseACorrectionWithoutReasonOrChanges() {
        String id = Api.sign(Api.contract(Api.unique("Empty")));
        correct(id, "{\"reason\": \"r\", \"changes\": {}}").statusCode(422).body("errors[0].field", equalTo("changes"));
        correct(id, "{\"reason\": \"r\"}").statusCode(422).body("errors[0].field", equalTo("changes"));
        correct(id, "{\"changes\": {\"plannedJobs\": 1}}").statusCode(422).body("errors[0].field", equalTo("reason"));
        correct(id, "{\"reason\": \" \", \"changes\": {\"plannedJobs\": 1}}").statusCode(422);
        correct(id, "{\"reason\": \"same value\", \"changes\": {\"contractValue\": 1050000000.00}}")
                .statusCode(422).body("detail", containsString("changes nothing"));
    }

    @Test
    void shouldRefuseAnUnknownOrUnreadableFieldWith400() {
        String id = Api.sign(Api.contract(Api.unique("Unknown")));
        correct(id, "{\"reason\": \"r\", \"changes\": {\"code\": \"LN-2022-999999\"}}")
                .statusCode(400).contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("code"));
        correct(id, "{\"reason\": \"r\", \"changes\": {\"contractValue\": \"lots\"}}")
                .statusCode(400).body("errors[0].field", equalTo("contractValue"));
        correct(id, "{\"reason\": \"r\", \"changes\": [1]}").statusCode(400);
        correct(id, "{\"reason\": \"r\", \"changes\": {}, \"extra\": 1}").statusCode(400);
        correct(id, "").statusCode(400);
    }

    @Test
    void shouldRefuseACorrectionThatDuplicatesAnotherProject() {
        String name = Api.unique("Original");
        String original = Api.sign(Api.contract(name));
        String other = Api.sign(Api.contract(Api.unique("Other")));
        correct(other, "{\"reason\": \"r\", \"changes\": {\"name\": \"" + name.toLowerCase() + "\"}}")
                .statusCode(409).body("existingProjectId", equalTo(original));
        correct(original, "{\"reason\": \"case\", \"changes\": {\"name\": \"" + name.toUpperCase() + "\"}}")
                .statusCode(200).body("name", equalTo(name.toUpperCase()));
    }

    @Test
    void shouldReplaceOrClearWholeOptionalFields() {
        String id = Api.sign(Api.contract(Api.unique("Phased"), "phases", "[{\"number\": 1, \"investment\": 500000000}]",
                "district", "\"Jianshan\""));
        correct(id, "{\"reason\": \"two phases\", \"changes\": {\"district\": null, \"phases\": "
                + "[{\"number\": 1, \"investment\": 500000000}, {\"number\": 2, \"investment\": 549999999.5}]}}")
                .statusCode(200)
                .body("district", nullValue())
                .body("phases", hasSize(2))
                .body(containsString("549999999.5"));
    }

    @Test
    void shouldLetOnlyOfficersAndAdminsCorrect() {
        String id = Api.sign(Api.contract(Api.unique("Roles")));
        Api.analyst().body("{\"reason\": \"r\", \"changes\": {\"plannedJobs\": 1}}")
                .when().post("/api/projects/" + id + "/corrections").then().statusCode(403);
        Api.as("admin-zhou", "admin").body("{\"reason\": \"r\", \"changes\": {\"plannedJobs\": 1}}")
                .when().post("/api/projects/" + id + "/corrections").then().statusCode(200);
    }
}
