package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.landfall.status.IntakeEvents.INSPECTOR;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;
import org.landfall.infra.DevTokens;

@QuarkusTest
class BlockerTest {

    static final LocalDate SIGNED = LocalDate.of(2023, 1, 18);
    static final String POWER = """
            {"kind": "power", "description": "Equipment installation waits for the power-supply plan",
             "owner": "State Grid Shuangyashan", "raisedOn": "2023-04-10"}""";

    static ValidatableResponse raise(UUID project, String body) {
        return given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON).body(body)
                .post("/api/projects/" + project + "/blockers").then();
    }

    static ValidatableResponse resolve(UUID project, String blocker, String body) {
        return given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON).body(body)
                .post("/api/projects/" + project + "/blockers/" + blocker + "/resolution").then();
    }

    static ValidatableResponse status(UUID project) {
        return given().auth().oauth2(DevTokens.token("analyst-wang", "analyst")).get("/api/projects/" + project + "/status")
                .then().statusCode(200);
    }

    @Test
    void shouldRaiseAndResolveABlockerAndKeepBothInTheProjectsStatus() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        String id = raise(p.id(), POWER).statusCode(201)
                .body("id", notNullValue()).body("projectId", equalTo(p.id().toString()))
                .body("kind", equalTo("power")).body("owner", equalTo("State Grid Shuangyashan"))
                .body("description", equalTo("Equipment installation waits for the power-supply plan"))
                .body("raisedOn", equalTo("2023-04-10")).body("raisedBy", equalTo("inspector-zhao"))
                .body("raisedAt", notNullValue()).body("resolvedOn", nullValue())
                .extract().path("id");
        status(p.id()).body("blockers", hasSize(1)).body("blockers[0].id", equalTo(id))
                .body("blockers[0].resolvedOn", nullValue()).body("history", hasSize(0));

        resolve(p.id(), id, "{\"resolvedOn\": \"2023-05-20\", \"note\": \"Power-supply plan approved\"}").statusCode(200)
                .body("id", equalTo(id)).body("resolvedOn", equalTo("2023-05-20"))
                .body("note", equalTo("Power-supply plan approved")).body("resolvedBy", equalTo("inspector-zhao"))
                .body("raisedOn", equalTo("2023-04-10"));
        status(p.id()).body("blockers[0].resolvedOn", equalTo("2023-05-20")).body("blockers[0].resolvedAt", notNullValue());
    }

    @Test
    void shouldListTheBlockersInTheOrderTheyWereRaised() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        raise(p.id(), POWER.replace("2023-04-10", "2023-06-01").replace("power", "land")).statusCode(201);
        raise(p.id(), POWER).statusCode(201);
        status(p.id()).body("blockers.kind", contains("power", "land"));
    }

    @Test
    void shouldRefuseResolvingTwiceWith409AndKeepTheFirstResolution() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        String id = raise(p.id(), POWER).statusCode(201).extract().path("id");
        resolve(p.id(), id, "{\"resolvedOn\": \"2023-05-20\"}").statusCode(200).body("note", nullValue());
        resolve(p.id(), id, "{\"resolvedOn\": \"2023-05-21\", \"note\": \"again\"}").statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already resolved"));
        status(p.id()).body("blockers[0].resolvedOn", equalTo("2023-05-20"));
    }

    @Test
    void shouldRefuseABlockerThatBreaksARuleWith422NamingTheFieldAndStoreNothing() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        raise(p.id(), POWER.replace("\"power\"", "\"volcano\"")).statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("power, land, approval, financing, equipment, other"));
        raise(p.id(), POWER.replace("\"power\"", "\"POWER\"")).statusCode(422).body("errors[0].field", equalTo("kind"));
        raise(p.id(), POWER.replace("\"kind\": \"power\",", "")).statusCode(422).body("errors[0].field", equalTo("kind"));
        raise(p.id(), POWER.replace("2023-04-10", "2023-01-17")).statusCode(422).body("errors[0].field", equalTo("raisedOn"));
        raise(p.id(), POWER.replace("2023-04-10", tomorrow)).statusCode(422).body("errors[0].field", equalTo("raisedOn"));
        raise(p.id(), POWER.replace("State Grid Shuangyashan", " ")).statusCode(422).body("errors[0].field", equalTo("owner"));
        raise(p.id(), POWER.replace("\"raisedOn\": \"2023-04-10\"", "\"raisedOn\": \"soon\"")).statusCode(400);
        raise(p.id(), POWER.replace("\"kind\"", "\"colour\": \"red\", \"kind\"")).statusCode(400);
        raise(p.id(), POWER.replace("\"kind\": \"power\"", "\"kind\": 7")).statusCode(400);
        status(p.id()).body("blockers", hasSize(0));
    }

    @Test
    void shouldRefuseAResolutionBeforeTheRaisingOrInTheFutureWith422() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        String id = raise(p.id(), POWER).statusCode(201).extract().path("id");
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        resolve(p.id(), id, "{\"resolvedOn\": \"2023-04-09\"}").statusCode(422).body("errors[0].field", equalTo("resolvedOn"));
        resolve(p.id(), id, "{\"resolvedOn\": \"" + tomorrow + "\"}").statusCode(422).body("errors[0].field", equalTo("resolvedOn"));
        resolve(p.id(), id, "{\"note\": \"done\"}").statusCode(422).body("errors[0].field", equalTo("resolvedOn"));
        resolve(p.id(), id, "{\"resolvedOn\": \"2023-04-10\"}").statusCode(200);
    }

    @Test
    void shouldAnswer404ForAnUnknownProjectOrBlockerOrABlockerOfAnotherProject() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        ProjectSnapshot other = IntakeEvents.known(SIGNED);
        String id = raise(p.id(), POWER).statusCode(201).extract().path("id");
        raise(UUID.randomUUID(), POWER).statusCode(404).contentType("application/problem+json");
        raise(null, POWER).statusCode(404);
        String resolution = "{\"resolvedOn\": \"2023-05-20\"}";
        resolve(other.id(), id, resolution).statusCode(404);
        resolve(p.id(), UUID.randomUUID().toString(), resolution).statusCode(404);
        resolve(p.id(), "not-a-blocker", resolution).statusCode(404);
        status(p.id()).body("blockers[0].resolvedOn", nullValue());
    }

    @Test
    void shouldLetOnlyInspectorsAndAdminsRaiseAndResolve() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        given().auth().oauth2(DevTokens.token("a", "analyst")).contentType(ContentType.JSON).body(POWER)
                .post("/api/projects/" + p.id() + "/blockers").then().statusCode(403);
        given().contentType(ContentType.JSON).body(POWER).post("/api/projects/" + p.id() + "/blockers").then().statusCode(401);
        String id = given().auth().oauth2(DevTokens.token("boss", "admin")).contentType(ContentType.JSON).body(POWER)
                .post("/api/projects/" + p.id() + "/blockers").then().statusCode(201).body("raisedBy", equalTo("boss"))
                .extract().path("id");
        given().auth().oauth2(DevTokens.token("o", "intake-officer")).contentType(ContentType.JSON)
                .body("{\"resolvedOn\": \"2023-05-20\"}")
                .post("/api/projects/" + p.id() + "/blockers/" + id + "/resolution").then().statusCode(403);
        status(p.id()).body("blockers[0].resolvedOn", nullValue());
    }
}
