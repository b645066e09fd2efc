package org.landfall.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.landfall.events.Topics;

/** Moves a record no consumer can read to the dead-letter topic, with why and where it came from. */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "landfall-dlq-reason";
    public static final String ORIGIN = "landfall-dlq-origin";
    public static final String CONSUMER = "landfall-dlq-consumer";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    Producer<String, byte[]> producer;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    /** Returns once Kafka has the dead letter, so the original offset may be committed. */
    public void send(ConsumerRecord<String, byte[]> record, String reason) throws Exception {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN, (record.topic() + "/" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        headers.add(CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(Topics.DEAD_LETTER, null, record.key(), record.value(), headers))
                .get(15, TimeUnit.SECONDS);
        metrics.counter(EventCounters.DEAD_LETTERS, "topic", record.topic()).increment();
        LOG.warnf("dead-lettered %s/%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
    }
}
