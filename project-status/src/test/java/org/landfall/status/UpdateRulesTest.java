package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.landfall.status.IntakeEvents.INSPECTOR;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;
import org.landfall.infra.DevTokens;

@QuarkusTest
class UpdateRulesTest {

    static final LocalDate SIGNED = LocalDate.of(2023, 1, 18);

    static ValidatableResponse post(UUID project, String body) {
        return given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON).body(body)
                .post("/api/projects/" + project + "/updates").then();
    }

    @Test
    void shouldRecordAStartWithWhoAndWhenAndShowItInTheHistory() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), """
                {"stage": "STARTED", "effectiveOn": "2023-04-07", "investmentCompleted": 200000000,
                 "jobsCreated": 120, "progressPercent": 35, "note": "Foundation work under way"}""")
                .statusCode(201)
                .body("id", notNullValue()).body("recordedBy", equalTo("inspector-zhao")).body("recordedAt", notNullValue())
                .body("previousStage", equalTo("SIGNED")).body("investmentCompleted", equalTo(200000000));

        given().auth().oauth2(DevTokens.token("analyst-wang", "analyst")).get("/api/projects/" + p.id() + "/status").then()
                .statusCode(200)
                .body("projectId", equalTo(p.id().toString())).body("code", equalTo(p.code()))
                .body("stage", equalTo("STARTED")).body("stageSince", equalTo("2023-04-07"))
                .body("investmentCompleted", equalTo(200000000)).body("jobsCreated", equalTo(120))
                .body("progressPercent", equalTo(35))
                .body("history", hasSize(1)).body("history[0].effectiveOn", equalTo("2023-04-07"))
                .body("history[0].recordedBy", equalTo("inspector-zhao"));
    }

    @Test
    void shouldRefuseAnInvalidTransitionNamingTheAllowedStages() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), "{\"stage\": \"OPERATIONAL\", \"effectiveOn\": \"2023-03-01\"}")
                .statusCode(409).contentType("application/problem+json")
                .body("allowedStages", containsInAnyOrder("STARTED", "SUSPENDED", "CANCELLED"));
        post(p.id(), "{\"stage\": \"SIGNED\", \"effectiveOn\": \"2023-03-01\"}").statusCode(409);
    }

    @Test
    void shouldResumeASuspensionOnlyToTheStageItWasSuspendedFrom() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), "{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-03-20\"}").statusCode(201);
        post(p.id(), "{\"stage\": \"SUSPENDED\", \"effectiveOn\": \"2023-04-10\", \"note\": \"waiting for the power supply plan\"}")
                .statusCode(201);
        post(p.id(), "{\"stage\": \"OPERATIONAL\", \"effectiveOn\": \"2023-04-20\"}")
                .statusCode(409).body("allowedStages", containsInAnyOrder("STARTED", "CANCELLED"));
        post(p.id(), "{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-04-21\"}").statusCode(201);
        post(p.id(), "{\"stage\": \"OPERATIONAL\", \"effectiveOn\": \"2023-06-01\"}").statusCode(201);
        post(p.id(), "{\"stage\": \"CANCELLED\", \"effectiveOn\": \"2023-06-02\"}")
                .statusCode(409).body("allowedStages", hasSize(0)).body("detail", containsString("final"));
    }

    @Test
    void shouldOfferTheAllowedNextStagesWithTheStatus() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        String status = "/api/projects/" + p.id() + "/status";
        given().auth().oauth2(INSPECTOR).get(status).then()
                .body("allowedStages", contains("STARTED", "SUSPENDED", "CANCELLED"));
        post(p.id(), "{\"stage\": \"SUSPENDED\", \"effectiveOn\": \"2023-02-01\"}").statusCode(201);
        given().auth().oauth2(INSPECTOR).get(status).then().body("allowedStages", contains("SIGNED", "CANCELLED"));
    }

    @Test
    void shouldFindAProjectByAPieceOfItsNameOrCode() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        IntakeEvents.known(SIGNED);
        String code = p.code().toLowerCase();
        given().auth().oauth2(INSPECTOR).queryParam("q", code).get("/api/projects").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].projectId", equalTo(p.id().toString()));
        given().auth().oauth2(INSPECTOR).queryParam("q", p.name().substring(10).toUpperCase()).get("/api/projects").then()
                .body("items.projectId", contains(p.id().toString()));
        // A LIKE wildcard is a character to look for, not a wildcard: no name or code holds one.
        given().auth().oauth2(INSPECTOR).queryParam("q", "%").get("/api/projects").then().body("total", equalTo(0));
    }

    @Test
    void shouldRefuseAPageBeyondWhatAnOffsetCanNameWith422AndNeverA5xx() {
        for (Object page : new Object[] {Integer.MAX_VALUE, Integer.MAX_VALUE / 200 + 1}) {
            given().auth().oauth2(INSPECTOR).queryParam("page", page).queryParam("size", 200).get("/api/projects").then()
                    .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        }
        given().auth().oauth2(INSPECTOR).queryParam("page", Integer.MAX_VALUE / 200).queryParam("size", 200)
                .get("/api/projects").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(INSPECTOR).queryParam("page", Long.MAX_VALUE).get("/api/projects").then()
                .statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void shouldRefuseAStageChangeDatedBeforeTheCurrentStage() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), "{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-04-07\"}").statusCode(201);
        post(p.id(), "{\"stage\": \"OPERATIONAL\", \"effectiveOn\": \"2023-04-06\"}").statusCode(409);
    }

    @Test
    void shouldRefuseDatesBeforeTheSigningOrInTheFuture() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), "{\"note\": \"early\", \"effectiveOn\": \"2023-01-17\"}")
                .statusCode(422).body("errors[0].field", equalTo("effectiveOn"));
        post(p.id(), "{\"note\": \"soon\", \"effectiveOn\": \"" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1) + "\"}")
                .statusCode(422).body("errors[0].field", equalTo("effectiveOn"));
        post(p.id(), "{\"note\": \"on the day\", \"effectiveOn\": \"2023-01-18\"}").statusCode(201);
    }

    @Test
    void shouldTakeTodayFromTheClockInItsZone() {
        // 16:30 UTC on 1 March is already 2 March in Shanghai.
        QuarkusMock.installMockForType(Clock.fixed(Instant.parse("2023-03-01T16:30:00Z"), ZoneId.of("Asia/Shanghai")),
                Clock.class);
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), "{\"note\": \"tomorrow\", \"effectiveOn\": \"2023-03-03\"}")
                .statusCode(422).body("errors[0].message", equalTo("must not be in the future"));
        post(p.id(), "{\"note\": \"today\", \"effectiveOn\": \"2023-03-02\"}")
                .statusCode(201).body("recordedAt", equalTo("2023-03-01T16:30:00Z"));
    }

    @Test
    void shouldRefuseAnUpdateThatReportsNothing() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), "{\"effectiveOn\": \"2023-02-01\"}").statusCode(422);
        post(p.id(), "{\"stage\": \"STARTED\"}").statusCode(422).body("errors[0].field", equalTo("effectiveOn"));
    }

    @Test
    void shouldKeepCumulativeFiguresConsistentWithEarlierAndLaterDates() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), "{\"effectiveOn\": \"2023-03-31\", \"investmentCompleted\": 100000000, \"jobsCreated\": 50}").statusCode(201);
        post(p.id(), "{\"effectiveOn\": \"2023-06-30\", \"investmentCompleted\": 300000000, \"jobsCreated\": 120}").statusCode(201);
        post(p.id(), "{\"effectiveOn\": \"2023-09-30\", \"investmentCompleted\": 250000000}")
                .statusCode(422).body("errors[0].field", equalTo("investmentCompleted"))
                .body("errors[0].message", containsString("2023-06-30"));
        post(p.id(), "{\"effectiveOn\": \"2023-05-15\", \"jobsCreated\": 130}")
                .statusCode(422).body("errors[0].field", equalTo("jobsCreated"));
        // a late figure between the two is welcome, and an overrun of the contract value is allowed
        post(p.id(), "{\"effectiveOn\": \"2023-05-15\", \"investmentCompleted\": 200000000, \"jobsCreated\": 80}").statusCode(201);
        post(p.id(), "{\"effectiveOn\": \"2023-12-31\", \"investmentCompleted\": 2000000000}").statusCode(201);
        given().auth().oauth2(INSPECTOR).get("/api/projects/" + p.id() + "/status").then()
                .body("investmentCompleted", equalTo(2000000000)).body("jobsCreated", equalTo(120))
                .body("history.effectiveOn", contains("2023-03-31", "2023-05-15", "2023-06-30", "2023-12-31"));
    }

    @Test
    void shouldAcceptALateStartThatRestatesAPastQuarter() {
        ProjectSnapshot p = IntakeEvents.known(LocalDate.of(2022, 9, 27));
        post(p.id(), "{\"stage\": \"STARTED\", \"effectiveOn\": \"2022-11-02\", \"note\": \"reported months late\"}")
                .statusCode(201);
    }

    @Test
    void shouldAnswer404ForAnUnknownProjectOrAMalformedId() {
        post(UUID.randomUUID(), "{\"note\": \"x\", \"effectiveOn\": \"2023-02-01\"}").statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(INSPECTOR).get("/api/projects/not-a-uuid/status").then().statusCode(404);
    }

    @Test
    void shouldRefuseMalformedBodies() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), "{\"stage\": \"BUILDING\", \"effectiveOn\": \"2023-02-01\"}").statusCode(400);
        post(p.id(), "{\"effectiveOn\": \"yesterday\", \"note\": \"x\"}").statusCode(400);
        post(p.id(), "{\"effectiveOn\": \"2023-02-01\", \"jobsCreated\": 1.5}").statusCode(400);
        post(p.id(), "{\"effectiveOn\": \"2023-02-01\", \"colour\": \"red\"}").statusCode(400);
        post(p.id(), "{\"effectiveOn\": \"2023-02-01\", \"investmentCompleted\": -1}").statusCode(422);
        post(p.id(), "{\"effectiveOn\": \"2023-02-01\", \"progressPercent\": 101}").statusCode(422);
        post(p.id(), "not json").statusCode(400);
    }

    @Test
    void shouldLetOnlyInspectorsAndAdminsPostAndEveryRoleRead() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        String body = "{\"note\": \"visit\", \"effectiveOn\": \"2023-02-01\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/projects/" + p.id() + "/updates").then().statusCode(401);
        given().auth().oauth2(DevTokens.token("a", "analyst")).contentType(ContentType.JSON).body(body)
                .post("/api/projects/" + p.id() + "/updates").then().statusCode(403);
        given().auth().oauth2(DevTokens.token("boss", "admin")).contentType(ContentType.JSON).body(body)
                .post("/api/projects/" + p.id() + "/updates").then().statusCode(201).body("recordedBy", equalTo("boss"));
        given().auth().oauth2(DevTokens.token("o", "intake-officer")).get("/api/projects/" + p.id() + "/status")
                .then().statusCode(200).body("history", hasSize(1));
    }
}
