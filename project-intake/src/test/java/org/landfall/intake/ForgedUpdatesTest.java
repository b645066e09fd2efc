package org.landfall.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.landfall.events.EventCodec;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;
import org.landfall.events.Topics;

/**
 * An update no project-status of ours could have published changes nothing in intake (decision 44): a stage jump the
 * lifecycle has not would misreport where the project stands, a date of seven digits would have stalled the
 * partition for good. Each is dead-lettered with its reason and counted, and the genuine update behind them, on the
 * same partition, is applied.
 */
@QuarkusTest
class ForgedUpdatesTest {

    @Inject
    EntityManager em;

    @Test
    void shouldDeadLetterAStageJumpAndASevenDigitYearAndApplyTheGenuineUpdateAfterThem() throws Exception {
        String id = Api.sign(Api.contract(Api.unique("Forged updates"))); // signed on 2023-02-15
        UUID project = UUID.fromString(id);
        double before = deadLettersCounted();

        ProjectUpdateRecorded jump = StatusEvents.update(project, Stage.OPERATIONAL, Stage.SIGNED, "2023-03-01");
        ProjectUpdateRecorded note = StatusEvents.update(project, null, null, "2023-03-02");
        byte[] farFuture = new String(EventCodec.encode(note), StandardCharsets.UTF_8)
                .replace("\"2023-03-02\"", "\"+6000000-01-01\"").getBytes(StandardCharsets.UTF_8);
        assertTrue(new String(farFuture, StandardCharsets.UTF_8).contains("+6000000-01-01"));
        ProjectUpdateRecorded start = StatusEvents.update(project, Stage.STARTED, Stage.SIGNED, "2023-04-07");
        StatusEvents.publish(jump);
        StatusEvents.publishRaw(id, farFuture);
        StatusEvents.publish(start);

        await().atMost(Duration.ofSeconds(60)).until(() -> StatusEvents.processed(em, start.eventId()));
        Api.analyst().when().get("/api/projects/" + id).then().statusCode(200).body("stage", equalTo("STARTED"));
        assertFalse(StatusEvents.processed(em, jump.eventId()), "the jump left nothing in the ledger");
        assertFalse(StatusEvents.processed(em, note.eventId()), "the seven-digit year left nothing in the ledger");
        List<String> reasons = StatusEvents.deadLetterReasons(id, 2);
        assertEquals(2, reasons.size(), reasons::toString);
        assertTrue(reasons.get(0).contains("no move from SIGNED to OPERATIONAL in the lifecycle"), reasons.get(0));
        assertTrue(reasons.get(1).contains("outside the years 1000..9999"), reasons.get(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> deadLettersCounted() >= before + 2);

        // Neither forged date is in the project's history: the first update is the genuine start, so the signing
        // may still move up to it.
        Api.officer().body("{\"reason\": \"Signing date typed wrong\", \"changes\": {\"signedOn\": \"2023-03-15\"}}")
                .when().post("/api/projects/" + id + "/corrections").then().statusCode(200).body("revision", equalTo(2));
    }

    /** landfall_dead_letters_total of the project-updates topic, as Prometheus scrapes it. */
    private static double deadLettersCounted() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("landfall_dead_letters_total{") && l.contains("topic=\"" + Topics.PROJECT_UPDATES + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
