package org.landfall.infra.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The dead letters a service's consumer wrote with one key, read back by its tests: the topic and headers are the
 * published ones (docs/events.md: {@code landfall.dead-letter}, {@code landfall-dlq-consumer}, {@code -origin},
 * {@code -reason}), named here as a reader of the wire sees them, since this module knows no service's code.
 */
public final class DeadLetterReader {

    static final String TOPIC = "landfall.dead-letter";

    /** A dead letter: where its original was ({@code topic/partition@offset}) and why it was refused. */
    public record DeadLetter(String origin, String reason) {
    }

    private DeadLetterReader() {
    }

    /**
     * Those of {@code consumer} with {@code key}, in the order of the originals, once there are {@code expected} (or
     * after 30 s, with what there is).
     */
    public static List<DeadLetter> awaiting(String bootstrapServers, String consumer, String key, int expected) {
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = reader(bootstrapServers)) {
            reader.subscribe(List.of(TOPIC));
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                reader.poll(Duration.ofMillis(200)).forEach(r -> keep(r, consumer, key, found));
            }
        }
        return found;
    }

    /** Every one of {@code consumer} with {@code key} written so far: the topic read to its end. */
    public static List<DeadLetter> all(String bootstrapServers, String consumer, String key) {
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = reader(bootstrapServers)) {
            List<TopicPartition> partitions = reader.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                reader.poll(Duration.ofMillis(500)).forEach(r -> keep(r, consumer, key, found));
            }
        }
        return found;
    }

    private static KafkaConsumer<String, byte[]> reader(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "dead-letter-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void keep(ConsumerRecord<String, byte[]> r, String consumer, String key, List<DeadLetter> found) {
        if (key.equals(r.key()) && consumer.equals(header(r, "landfall-dlq-consumer"))) {
            found.add(new DeadLetter(header(r, "landfall-dlq-origin"), header(r, "landfall-dlq-reason")));
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
