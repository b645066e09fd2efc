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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.landfall.events.EventCodec;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Topics;

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
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "group.id", "dead-letter-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key()) && "project-status".equals(header(r, "landfall-dlq-consumer"))) {
                        assertTrue(header(r, "landfall-dlq-origin").startsWith(Topics.PROJECTS + "/"));
                        reasons.add(header(r, "landfall-dlq-reason"));
                    }
                }
                return reasons.size() >= expected;
            });
        }
        assertEquals(expected, reasons.size(), reasons.toString());
        return reasons;
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** landfall_dead_letters_total of the projects topic, as Prometheus scrapes it. */
    static double deadLettersCounted() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("landfall_dead_letters_total{") && l.contains("topic=\"" + Topics.PROJECTS + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
