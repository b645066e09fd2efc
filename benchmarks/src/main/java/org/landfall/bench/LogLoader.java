package org.landfall.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.landfall.events.CloudEventHeaders;
import org.landfall.events.EventCodec;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectUpdateRecorded;

/**
 * Writes synthetic projects' events straight into Landfall's topics, as the services' outbox relays would have
 * published them (the same CloudEvents headers as platform's OutboxRelay, key = project id, a project's events in
 * the order they were recorded), so that reporting can be measured rebuilding a read model of a realistic size.
 * Intake and status never see these projects: they exist only in the log. One project is generated at a time and
 * the producer's buffer bounds what waits for the broker, so memory stays flat however many projects are loaded.
 */
final class LogLoader {

    record Result(long projects, long events, long bytes, double seconds) {
    }

    private LogLoader() {
    }

    static Result load(String bootstrap, long projects, long seed, ZoneId zone) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // as the relay: idempotent and fully acknowledged, so a retry never reorders a project's events
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // large batches: throughput, not latency, is what a bulk load needs
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "landfall-bench-loader");

        SyntheticProjects generator = new SyntheticProjects(seed, zone, Instant.now());
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong bytes = new AtomicLong();
        long events = 0;
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (long i = 0; i < projects && failure.get() == null; i++) {
                for (LandfallEvent event : generator.events(i)) {
                    ProducerRecord<String, byte[]> record = record(event);
                    bytes.addAndGet(record.value().length);
                    producer.send(record, (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                    events++;
                }
                if ((i + 1) % 100_000 == 0) {
                    Benchmark.say("log: %d projects, %d events, %.0f s", i + 1, events, (System.nanoTime() - t0) / 1e9);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the broker refused a synthetic event", failure.get());
        }
        return new Result(projects, events, bytes.get(), (System.nanoTime() - t0) / 1e9);
    }

    /** The record as OutboxRelay.record() makes it: CloudEvents binary mode, keyed by the project. */
    static ProducerRecord<String, byte[]> record(LandfallEvent event) {
        String key = event.key();
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, event.eventId().toString());
        header(headers, CloudEventHeaders.SOURCE,
                "/landfall/" + (event instanceof ProjectUpdateRecorded ? "project-status" : "project-intake"));
        header(headers, CloudEventHeaders.TYPE, CloudEventHeaders.TYPE_PREFIX + event.type());
        header(headers, CloudEventHeaders.TIME, event.recordedAt().toString());
        header(headers, CloudEventHeaders.SUBJECT, key);
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return new ProducerRecord<>(event.topic(), null, key, EventCodec.encode(event), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
