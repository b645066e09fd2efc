package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.landfall.status.IntakeEvents.INSPECTOR;
import static org.landfall.status.UpdateRulesTest.post;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;

/** Milestones, funds in place and idempotent updates: what an inspector posts from the field. */
@QuarkusTest
class FieldWorkTest {

    static final LocalDate SIGNED = LocalDate.of(2023, 1, 18);

    static ValidatableResponse postWithKey(UUID project, String key, String body) {
        return given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/projects/" + project + "/updates").then();
    }

    static ValidatableResponse status(UUID project) {
        return given().auth().oauth2(INSPECTOR).get("/api/projects/" + project + "/status").then().statusCode(200);
    }

    @Test
    void shouldServeTheMilestonesWithTheirEnglishAndChineseNames() {
        given().auth().oauth2(INSPECTOR).get("/api/milestones").then().statusCode(200)
                .body("code", contains("approval-obtained", "land-acquired", "equipment-installation-started",
                        "equipment-installed", "first-product", "grid-connected", "full-production"))
                .body("find { it.code == 'first-product' }.name", equalTo("First product off the line"))
                .body("find { it.code == 'grid-connected' }.nameZh", equalTo("并网"));
    }

    @Test
    void shouldRecordMilestonesOnceEachInTheirOrderAndShowWhenEachWasFirstReached() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), """
                {"effectiveOn": "2023-09-30", "milestones": ["grid-connected", "first-product", "grid-connected"],
                 "note": "the first wind turbine rolled off the line and was connected to the grid"}""")
                .statusCode(201).body("milestones", contains("first-product", "grid-connected"));
        post(p.id(), "{\"effectiveOn\": \"2023-08-01\", \"milestones\": [\"first-product\"]}")
                .statusCode(201).body("milestones", contains("first-product"));
        status(p.id()).body("history.milestones", contains(contains("first-product"), contains("first-product", "grid-connected")))
                .body("milestones.code", contains("first-product", "grid-connected"))
                .body("milestones.reachedOn", contains("2023-08-01", "2023-09-30"));
    }

    @Test
    void shouldRefuseAnUnknownMilestoneNamingItsIndexAndRecordNothing() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), "{\"effectiveOn\": \"2023-08-01\", \"milestones\": [\"first-product\", \"ribbon-cut\"]}")
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("milestones[1]"));
        post(p.id(), "{\"effectiveOn\": \"2023-08-01\", \"milestones\": [\"first-product\", null]}")
                .statusCode(422).body("errors[0].field", equalTo("milestones[1]"));
        post(p.id(), "{\"effectiveOn\": \"2023-08-01\", \"milestones\": \"first-product\"}").statusCode(400);
        post(p.id(), "{\"effectiveOn\": \"2023-08-01\", \"milestones\": []}").statusCode(422)
                .body("errors[0].field", equalTo("stage"));
        status(p.id()).body("history", hasSize(0));
    }

    @Test
    void shouldKeepFundsInPlaceCumulativeAndShowTheLatest() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), "{\"effectiveOn\": \"2023-03-31\", \"fundsInPlace\": 1500000, \"investmentCompleted\": 1000000}")
                .statusCode(201).body("fundsInPlace", equalTo(1500000));
        post(p.id(), "{\"effectiveOn\": \"2023-06-30\", \"fundsInPlace\": 4000000.5}").statusCode(201);
        post(p.id(), "{\"effectiveOn\": \"2023-09-30\", \"fundsInPlace\": 3000000}")
                .statusCode(422).body("errors[0].field", equalTo("fundsInPlace"));
        post(p.id(), "{\"effectiveOn\": \"2023-05-15\", \"fundsInPlace\": 4000001}")
                .statusCode(422).body("errors[0].field", equalTo("fundsInPlace"));
        post(p.id(), "{\"effectiveOn\": \"2023-05-15\", \"fundsInPlace\": -1}").statusCode(422)
                .body("errors[0].field", equalTo("fundsInPlace"));
        post(p.id(), "{\"effectiveOn\": \"2023-05-15\", \"fundsInPlace\": 1.001}").statusCode(422);
        post(p.id(), "{\"effectiveOn\": \"2023-05-15\", \"fundsInPlace\": 10000000000000.01}").statusCode(422);
        post(p.id(), "{\"effectiveOn\": \"2023-05-15\", \"fundsInPlace\": \"lots\"}").statusCode(400);
        // a late figure between the two is welcome
        post(p.id(), "{\"effectiveOn\": \"2023-05-15\", \"fundsInPlace\": 2000000}").statusCode(201);
        status(p.id()).body("fundsInPlace", equalTo(4000000.5f)).body("investmentCompleted", equalTo(1000000))
                .body("history.fundsInPlace", contains(1500000, 2000000, 4000000.5f));
    }

    @Test
    void shouldRecordAnUpdateOnceWhenItsKeyComesTwiceWithTheSameBody() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        String key = UUID.randomUUID().toString();
        String body = "{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-04-07\", \"jobsCreated\": 120}";
        String first = postWithKey(p.id(), key, body).statusCode(201).header("Idempotent-Replayed", "false")
                .extract().asString();
        String again = postWithKey(p.id(), key, body).statusCode(201).header("Idempotent-Replayed", "true")
                .extract().asString();
        assertSameJson(first, again);
        status(p.id()).body("history", hasSize(1)).body("stage", equalTo("STARTED"));
    }

    @Test
    void shouldRefuseAKeyReusedWithAnotherBodyOrForAnotherProjectWith409() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        ProjectSnapshot other = IntakeEvents.known(SIGNED);
        String key = UUID.randomUUID().toString();
        postWithKey(p.id(), key, "{\"effectiveOn\": \"2023-04-07\", \"jobsCreated\": 120}").statusCode(201);
        postWithKey(p.id(), key, "{\"effectiveOn\": \"2023-04-07\", \"jobsCreated\": 121}").statusCode(409)
                .contentType("application/problem+json");
        postWithKey(other.id(), key, "{\"effectiveOn\": \"2023-04-07\", \"jobsCreated\": 120}").statusCode(409);
        status(p.id()).body("history.jobsCreated", contains(120));
        status(other.id()).body("history", hasSize(0));
    }

    /** A key is its inspector's own: another inspector's update under it is theirs, neither refused nor replayed. */
    @Test
    void shouldKeepEachInspectorsKeysTheirOwn() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        String key = UUID.randomUUID().toString();
        postWithKey(p.id(), key, "{\"effectiveOn\": \"2023-04-07\", \"jobsCreated\": 120}").statusCode(201);
        given().auth().oauth2(org.landfall.infra.DevTokens.token("inspector-sun", "site-inspector"))
                .contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"effectiveOn\": \"2023-04-08\", \"jobsCreated\": 130}")
                .post("/api/projects/" + p.id() + "/updates").then().statusCode(201).header("Idempotent-Replayed", "false")
                .body("recordedBy", equalTo("inspector-sun"));
        status(p.id()).body("history.jobsCreated", contains(120, 130));
    }

    @Test
    void shouldLeaveAKeyFreeWhenItsRequestIsRefusedAndCheckItsForm() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        String key = UUID.randomUUID().toString();
        postWithKey(p.id(), key, "{\"stage\": \"OPERATIONAL\", \"effectiveOn\": \"2023-04-07\"}").statusCode(409);
        postWithKey(p.id(), key, "{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-04-07\"}").statusCode(201);
        postWithKey(p.id(), "x".repeat(201), "{\"note\": \"n\", \"effectiveOn\": \"2023-04-08\"}").statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        status(p.id()).body("history", hasSize(1));
    }

    private static void assertSameJson(String a, String b) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            org.junit.jupiter.api.Assertions.assertEquals(mapper.readTree(a), mapper.readTree(b));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
