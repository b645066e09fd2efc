package org.landfall.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DevTokens;

/**
 * Dropping reporting's database and starting it again in the same consumer group rebuilds the read model from
 * the Kafka log, ending with identical figures, latest and as of a past moment.
 */
class RebuildIT {

    static final String ANALYST = DevTokens.token("analyst-rebuild", "analyst");

    @Test
    void shouldRebuildTheReportsFromTheLogWithIdenticalFigures() throws Exception {
        RunningLandfall landfall = RunningLandfall.get();
        String province = "Rebuilt " + UUID.randomUUID().toString().substring(0, 8);
        String officer = DevTokens.token("officer-rebuild", "intake-officer");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                    {"name": "Rebuilt project %d", "investor": "Rebuild Co.", "province": "%s", "city": "Qiqihar",
                     "sector": "logistics", "signedOn": "2023-0%d-10", "contractValue": %d}""".formatted(i, province, i + 1, 1000 * (i + 1)))
                    .post(landfall.intake.url("/api/projects")).then().statusCode(201);
        }
        String query = "/api/reports/quarterly?from=2022-Q1&to=2024-Q4&groupBy=city";
        await().atMost(Duration.ofSeconds(15)).until(() -> sumSigned(landfall, query + "&province=" + province) == 5);
        String vintage = "&asOf=" + java.time.Instant.now();
        String before = report(landfall, query);
        String beforeVintage = report(landfall, query + vintage);

        landfall.reporting = landfall.reporting.restartWithEmptyDatabase();
        landfall.reporting.awaitReady(ServiceProcess.START_BOUND);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertEquals(before, report(landfall, query)));
        assertEquals(beforeVintage, report(landfall, query + vintage));
    }

    private static int sumSigned(RunningLandfall landfall, String query) {
        return given().auth().oauth2(ANALYST).get(landfall.reporting.url(query)).then().statusCode(200)
                .extract().jsonPath().<Integer>getList("rows.signed.count").stream().mapToInt(Integer::intValue).sum();
    }

    /** The rows only: the answer's asOf is the moment of the query when none is given. */
    private static String report(RunningLandfall landfall, String query) {
        return given().auth().oauth2(ANALYST).get(landfall.reporting.url(query)).then().statusCode(200)
                .extract().jsonPath().getString("rows");
    }
}
