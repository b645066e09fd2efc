package org.landfall.intake;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;

/**
 * A correction cannot make history impossible: the signing may not move after the project's first stage change or
 * first progress update, which intake learns from project-status's events on the real topic.
 */
@QuarkusTest
class CorrectionAfterUpdatesTest {

    @Inject
    EntityManager em;

    private static ValidatableResponse moveSigning(String id, String signedOn) {
        return Api.officer().body("{\"reason\": \"Signing date typed wrong\", \"changes\": {\"signedOn\": \"" + signedOn + "\"}}")
                .when().post("/api/projects/" + id + "/corrections").then();
    }

    /** Signs a project on 2023-02-15 and has status report {@code update} of it; returns the project's id. */
    private String signedAndUpdated(Stage stage, Stage previous, String effectiveOn) throws Exception {
        String id = Api.sign(Api.contract(Api.unique("History")));
        ProjectUpdateRecorded update = StatusEvents.update(UUID.fromString(id), stage, previous, effectiveOn);
        StatusEvents.publish(update);
        await().atMost(Duration.ofSeconds(20)).until(() -> StatusEvents.processed(em, update.eventId()));
        return id;
    }

    @Test
    void shouldRefuseMovingTheSigningAfterTheStartNamingTheStartAndChangeNothing() throws Exception {
        String id = signedAndUpdated(Stage.STARTED, Stage.SIGNED, "2023-04-07");

        moveSigning(id, "2023-05-01").statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("signedOn"))
                .body("errors[0].message", startsWith("signedOn 2023-05-01 is after the project's start on 2023-04-07"))
                .body("detail", startsWith("signedOn 2023-05-01 is after the project's start on 2023-04-07"));
        Api.analyst().when().get("/api/projects/" + id).then().body("revision", equalTo(1)).body("signedOn", equalTo("2023-02-15"));
        Api.analyst().when().get("/api/projects/" + id + "/corrections").then().body("", hasSize(0));
    }

    @Test
    void shouldRefuseMovingTheSigningAfterTheFirstProgressUpdate() throws Exception {
        String id = signedAndUpdated(null, null, "2023-03-01");

        moveSigning(id, "2023-03-02").statusCode(422)
                .body("errors[0].field", equalTo("signedOn"))
                .body("errors[0].message", startsWith("signedOn 2023-03-02 is after the project's first progress update on 2023-03-01"));
        Api.analyst().when().get("/api/projects/" + id).then().body("revision", equalTo(1));
    }

    @Test
    void shouldAcceptMovingTheSigningToADateUpToTheStart() throws Exception {
        String id = signedAndUpdated(Stage.STARTED, Stage.SIGNED, "2023-04-07");

        moveSigning(id, "2023-01-20").statusCode(200).body("signedOn", equalTo("2023-01-20")).body("revision", equalTo(2));
        moveSigning(id, "2023-04-07").statusCode(200).body("signedOn", equalTo("2023-04-07")).body("revision", equalTo(3));
    }
}
