package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.landfall.events.EventCodec;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Topics;
import org.landfall.infra.testing.DeadLetterReader;
import org.landfall.infra.testing.DeadLetterReader.DeadLetter;

/** A record that breaks the event contract goes to the dead-letter topic with the reason, is counted, and the topic goes on. */
@QuarkusTest
class PoisonEventsTest {

    @Test
    void shouldDeadLetterEachPoisonRecordWithItsReasonCountItAndGoOnConsuming() {
        double before = deadLettersCounted();
        ProjectSnapshot good = IntakeEvents.snapshot(LocalDate.of(2023, 2, 1), 1);
        String key = good.id().toString();
        String envelope = "\"schemaVersion\": 1, \"eventId\": \"" + UUID.randomUUID() + "\", \"projectId\": \"" + key
                + "\", \"recordedAt\": \"2023-02-01T00:00:00Z\"";
        ProjectSnapshot withANulCharacter = new ProjectSnapshot(good.id(), good.code(), 1, good.name(), good.investor(),
                "Heilong\u0000jiang", good.city(), good.district(), good.sector(), good.signedOn(), new BigDecimal("1000"),
                null, null, null, null, null, null, Instant.now(), "officer-li", java.util.List.of(), null, null, null, null, null);
        // All on the good project's key: one partition, in this order, so the good event queues behind the poison.
        IntakeEvents.publishRaw(key, "{\"type\": \"project.signed\", " + envelope);
        IntakeEvents.publishRaw(key, "{\"type\": \"project.exploded\", " + envelope + "}");
        IntakeEvents.publishRaw(key, "{\"type\": \"project.signed\", \"schemaVersion\": 2, \"eventId\": \"" + UUID.randomUUID() + "\"}");
        IntakeEvents.publishRaw(key, "{\"type\": \"project.signed\", " + envelope + "}");
        IntakeEvents.publishRaw(key, new String(EventCodec.encode(ProjectSigned.of(withANulCharacter)), StandardCharsets.UTF_8));
        IntakeEvents.publish(ProjectSigned.of(good));

        // A new consumer group reads the shared topic from its beginning first, other modules' events included.
        await().atMost(Duration.ofSeconds(120)).until(() -> given().auth().oauth2(IntakeEvents.INSPECTOR)
                .get("/api/projects/" + key + "/status").statusCode() == 200);
        List<String> reasons = deadLetterReasons(key, 5);
        assertTrue(reasons.get(0).startsWith("not a Landfall event"), reasons.get(0));
        assertTrue(reasons.get(1).startsWith("not a Landfall event"), reasons.get(1));
        assertTrue(reasons.get(2).startsWith("unknown schemaVersion 2 of project.signed"), reasons.get(2));
        assertTrue(reasons.get(3).startsWith("project.signed without project"), reasons.get(3));
        assertTrue(reasons.get(4).startsWith("project.signed with invalid project.province (contains a NUL character)"),
                reasons.get(4));
        await().atMost(Duration.ofSeconds(15)).until(() -> deadLettersCounted() >= before + 5);
        given().auth().oauth2(IntakeEvents.INSPECTOR).get("/api/projects/" + key + "/status").then()
                .statusCode(200).body("province", org.hamcrest.Matchers.equalTo("Heilongjiang"));
    }

    /** The reasons of this consumer's dead letters with {@code key}, in the order of the originals. */
    static List<String> deadLetterReasons(String key, int expected) {
        List<DeadLetter> letters = DeadLetterReader.awaiting(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "project-status", key, expected);
        letters.forEach(d -> assertTrue(d.origin().startsWith(Topics.PROJECTS + "/"), d.origin()));
        assertEquals(expected, letters.size(), letters.toString());
        return letters.stream().map(DeadLetter::reason).toList();
    }

    /** landfall_dead_letters_total of the projects topic, as Prometheus scrapes it. */
    static double deadLettersCounted() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("landfall_dead_letters_total{") && l.contains("topic=\"" + Topics.PROJECTS + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
