package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.landfall.events.EventCodec;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;
import org.landfall.events.Topics;
import org.landfall.infra.testing.DeadLetterReader;
import org.landfall.infra.testing.DeadLetterReader.DeadLetter;

/** A record that breaks the event contract goes to the dead-letter topic with the reason, is counted, and both topics go on. */
@QuarkusTest
class PoisonEventsTest {

    @Test
    void shouldDeadLetterEachPoisonRecordWithItsReasonCountItAndGoOnConsuming() throws Exception {
        double before = deadLettersCounted();
        String province = QuarterlyReportTest.province();
        ProjectSnapshot p = Upstream.project(province, "Harbin", null, "other", LocalDate.of(2023, 2, 1), "5000", 3);
        String key = p.id().toString();
        String envelope = "\"schemaVersion\": 1, \"eventId\": \"" + UUID.randomUUID() + "\", \"projectId\": \"" + key
                + "\", \"recordedAt\": \"2023-02-01T00:00:00Z\"";
        ProjectUpdateRecorded beyondTheContract = new ProjectUpdateRecorded(UUID.randomUUID(), 1, p.id(), LocalDate.of(2023, 3, 1),
                QuarterlyReportTest.T1, "inspector", UUID.randomUUID(), null, null, new BigDecimal("1e20"), null, null, null);
        // On the good project's key: one partition per topic, so the good events queue behind the poison.
        for (String topic : List.of(Topics.PROJECTS, Topics.PROJECT_UPDATES)) {
            send(topic, key, "[1, 2");
            send(topic, key, "{\"type\": \"project.exploded\", " + envelope + "}");
            send(topic, key, "{\"type\": \"project.update-recorded\", \"schemaVersion\": 9, \"eventId\": \"" + UUID.randomUUID() + "\"}");
        }
        send(Topics.PROJECTS, key, "{\"type\": \"project.corrected\", " + envelope + "}");
        send(Topics.PROJECT_UPDATES, key, "{\"type\": \"project.update-recorded\", " + envelope + "}");
        send(Topics.PROJECT_UPDATES, key, new String(EventCodec.encode(beyondTheContract), StandardCharsets.UTF_8));
        Upstream.publish(Upstream.signed(p, QuarterlyReportTest.T1),
                Upstream.update(p, LocalDate.of(2023, 3, 1), Stage.STARTED, "700", 4L, QuarterlyReportTest.T1));

        // A fresh read model replays both shared topics from their beginning first, other modules' poison included.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> QuarterlyReportTest
                .report("from=2023-Q1&to=2023-Q1&province=" + province)
                .body("rows[0].signed.count", equalTo(1)).body("rows[0].started.count", equalTo(1))
                .body("rows[0].investmentCompleted", equalTo(700)));
        List<String> reasons = deadLetterReasons(key, 9);
        assertEquals(4, reasons.stream().filter(r -> r.startsWith("not a Landfall event")).count(), reasons.toString());
        assertEquals(2, reasons.stream().filter(r -> r.startsWith("unknown schemaVersion 9")).count(), reasons.toString());
        assertTrue(reasons.contains("project.corrected without project"), reasons.toString());
        assertTrue(reasons.contains("project.update-recorded without updateId, occurredOn"), reasons.toString());
        assertEquals(1, reasons.stream().filter(r -> r.startsWith("project.update-recorded with invalid investmentCompleted"))
                .count(), reasons.toString());
        await().atMost(Duration.ofSeconds(15)).until(() -> deadLettersCounted() >= before + 9);
    }

    private static void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
        }
    }

    /** The reasons of reporting's dead letters with {@code key}. */
    static List<String> deadLetterReasons(String key, int expected) {
        List<DeadLetter> letters = DeadLetterReader.awaiting(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "reporting", key, expected);
        assertEquals(expected, letters.size(), letters.toString());
        return letters.stream().map(DeadLetter::reason).toList();
    }

    /** landfall_dead_letters_total over both topics, as Prometheus scrapes it. */
    static double deadLettersCounted() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("landfall_dead_letters_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
