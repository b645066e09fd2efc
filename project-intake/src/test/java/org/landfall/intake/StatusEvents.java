package org.landfall.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.landfall.events.EventCodec;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;
import org.landfall.events.Topics;
import org.landfall.infra.testing.DeadLetterReader;
import org.landfall.infra.testing.DeadLetterReader.DeadLetter;

/** Project-status's events as the tests publish them on the real topic, and whether intake has applied one. */
final class StatusEvents {

    private StatusEvents() {
    }

    /** An inspector's update of {@code project}: a stage change, or with {@code stage} null only a note. */
    static ProjectUpdateRecorded update(UUID project, Stage stage, Stage previous, String effectiveOn) {
        return new ProjectUpdateRecorded(UUID.randomUUID(), ProjectUpdateRecorded.VERSION, project,
                LocalDate.parse(effectiveOn), Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1), "inspector-zhou", UUID.randomUUID(),
                stage, previous, null, null, null, stage == null ? "site visit" : null);
    }

    static void publish(ProjectUpdateRecorded event) throws Exception {
        publishRaw(event.key(), EventCodec.encode(event));
    }

    /** A record on the topic as it is, whatever a producer of ours would have written. */
    static void publishRaw(String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(Topics.PROJECT_UPDATES, key, value)).get(10, TimeUnit.SECONDS);
        }
    }

    /** The reasons of intake's dead letters with {@code key}, in the order of the originals, once there are {@code expected}. */
    static List<String> deadLetterReasons(String key, int expected) {
        return DeadLetterReader.awaiting(bootstrapServers(), "project-intake", key, expected).stream()
                .filter(d -> d.origin().startsWith(Topics.PROJECT_UPDATES + "/")).map(DeadLetter::reason).toList();
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Whether intake's ledger has the event: its effect committed. */
    static boolean processed(EntityManager em, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = :id").setParameter("id", eventId)
                .getSingleResult()).intValue() == 1);
    }
}
