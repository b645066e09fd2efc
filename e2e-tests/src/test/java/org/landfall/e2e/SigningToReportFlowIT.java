package org.landfall.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DevTokens;

/**
 * The three packaged services as separate processes on the real broker and database: a contract signed at intake
 * becomes known to status, an inspector starts it, and reporting counts both in the quarter they happened.
 */
class SigningToReportFlowIT {

    static ServiceProcess intake;
    static ServiceProcess status;
    static ServiceProcess reporting;

    @BeforeAll
    static void services() throws Exception {
        RunningLandfall landfall = RunningLandfall.get();
        intake = landfall.intake;
        status = landfall.status;
        reporting = landfall.reporting;
    }

    @Test
    void shouldCountASignedAndStartedProjectInItsQuarters() {
        String province = "E2E Province " + UUID.randomUUID().toString().substring(0, 8);
        String projectId = given().auth().oauth2(DevTokens.token("officer-e2e", "intake-officer"))
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Fengfan energy storage equipment manufacturing project",
                         "investor": "Fengfan Co., Ltd.", "province": "%s", "city": "Jiamusi",
                         "sector": "new-energy", "signedOn": "2023-02-15", "contractValue": 1050000000,
                         "plannedJobs": 300}
                        """.formatted(province))
                .post(intake.url("/api/projects"))
                .then().statusCode(201).extract().path("id");

        String inspector = DevTokens.token("inspector-e2e", "site-inspector");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(inspector)
                .get(status.url("/api/projects/" + projectId + "/status"))
                .then().statusCode(200).body("stage", equalTo("SIGNED")));

        given().auth().oauth2(inspector).contentType(ContentType.JSON)
                .body("{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-04-07\", \"investmentCompleted\": 200000000}")
                .post(status.url("/api/projects/" + projectId + "/updates"))
                .then().statusCode(201);

        String analyst = DevTokens.token("analyst-e2e", "analyst");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(analyst)
                .queryParam("from", "2023-Q1").queryParam("to", "2023-Q2").queryParam("province", province)
                .get(reporting.url("/api/reports/quarterly"))
                .then().statusCode(200)
                .body("rows[0].quarter", equalTo("2023-Q1"))
                .body("rows[0].signed.count", equalTo(1))
                .body("rows[0].signed.contractValue", equalTo(1050000000))
                .body("rows[1].quarter", equalTo("2023-Q2"))
                .body("rows[1].started.count", equalTo(1))
                .body("rows[1].investmentCompleted", equalTo(200000000)));
    }
}
