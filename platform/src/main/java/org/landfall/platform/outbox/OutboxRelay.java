package org.landfall.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.landfall.events.CloudEventHeaders;
import org.landfall.platform.messaging.EventCounters;
import org.landfall.events.Topics;
import org.landfall.platform.tracing.EventTracing;
import org.landfall.platform.transaction.Transactions;

/**
 * Publishes outbox rows to Kafka in id order and deletes them once the broker has acknowledged them, all in one
 * database transaction. A crash between the acknowledgement and the commit publishes a batch again: consumers
 * are idempotent by event id, so that is harmless, while losing an event is impossible. A PostgreSQL advisory
 * lock lets only one relay of a service publish at a time, which keeps each project's events in order.
 * A service that publishes nothing (reporting) sets {@code landfall.outbox.enabled=false} at build time.
 */
@ApplicationScoped
@IfBuildProperty(name = "landfall.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxTable outbox;

    @Inject
    Transactions transactions;

    @Inject
    Producer<String, byte[]> producer;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @ConfigProperty(name = "landfall.outbox.batch-size", defaultValue = "500")
    int batchSize;

    /**
     * The look for events the relay was not woken for: another instance's, when that instance died between its
     * commit and its publication. Every commit of this instance wakes its relay at once, and a relay that finds
     * another instance's relay publishing looks again shortly ({@link #LOCK_RETRY_MS}), so the look is no latency.
     */
    @ConfigProperty(name = "landfall.outbox.poll-interval-ms", defaultValue = "5000")
    long pollIntervalMs;

    /**
     * How soon a relay that found another instance's relay publishing looks again: that one's batch may have been
     * read before this instance's commit, and nothing else would wake either for it. Doubled while the other keeps
     * the lock (a broker away holds it for seconds), up to the poll interval.
     */
    static final long LOCK_RETRY_MS = 20;

    /** What {@link #publishBatch()} returns when another relay of the service holds the lock. */
    static final int LOCKED_ELSEWHERE = -1;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        running = true;
        metrics.gauge("landfall.outbox.backlog", this, r -> r.safeBacklog().events());
        metrics.gauge("landfall.outbox.oldest.age.seconds", this, r -> r.safeBacklog().oldestAgeSeconds());
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
        Thread warm = new Thread(this::fetchTopicMetadata, "outbox-relay-metadata");
        warm.setDaemon(true);
        warm.start();
    }

    /**
     * The producer learns a topic's partitions on its first send to it; asked now, the first event after a start is
     * published without that round trip (it took ~150 ms). Best effort: a topic not created yet is learnt later.
     */
    private void fetchTopicMetadata() {
        for (Topics.Spec topic : Topics.ALL) {
            try {
                producer.partitionsFor(topic.name());
            } catch (RuntimeException notYet) {
                LOG.debugf("no metadata for %s yet: %s", topic.name(), notYet.getMessage());
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written written) {
        wake.release();
    }

    /** Events not yet acknowledged by Kafka, and how long the oldest has waited. */
    public record Backlog(long events, long oldestAgeSeconds) {
    }

    public Backlog backlog() {
        return transactions.requiringNew(outbox::backlog);
    }

    private Backlog safeBacklog() {
        try {
            return backlog();
        } catch (RuntimeException e) {
            return new Backlog(-1, -1);
        }
    }

    private void loop() {
        long backoffMs = 0;
        long waitMs = pollIntervalMs;
        while (running) {
            try {
                wake.tryAcquire(backoffMs > 0 ? backoffMs : waitMs, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                int published;
                do {
                    published = publishBatch();
                } while (running && published == batchSize); // a full batch: more may be waiting
                waitMs = published != LOCKED_ELSEWHERE ? pollIntervalMs
                        : waitMs >= pollIntervalMs ? LOCK_RETRY_MS : Math.min(pollIntervalMs, waitMs * 2);
                backoffMs = 0;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                backoffMs = Math.min(5_000, Math.max(250, backoffMs * 2));
                LOG.warnf("outbox relay could not publish, retrying in %d ms: %s", backoffMs, rootMessage(e));
            }
        }
    }

    /** Publishes one batch; returns how many rows it published, or {@link #LOCKED_ELSEWHERE}. */
    int publishBatch() {
        return transactions.requiringNew(60, () -> {
            if (!outbox.lock()) {
                return LOCKED_ELSEWHERE;
            }
            List<OutboxTable.Row> rows = outbox.oldest(batchSize);
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
            for (OutboxTable.Row row : rows) {
                Future<RecordMetadata> f = producer.send(record(row));
                if (f.isDone()) {
                    // Failed at once (no metadata: the broker is away): give up the batch now rather than wait
                    // max.block.ms for each of its rows, past the transaction's timeout.
                    f.get();
                }
                sent.add(f);
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get(15, TimeUnit.SECONDS);
            }
            outbox.delete(rows.stream().map(OutboxTable.Row::id).toList());
            for (OutboxTable.Row row : rows) {
                metrics.counter(EventCounters.PUBLISHED, "type", row.type()).increment();
            }
            return rows.size();
        });
    }

    private ProducerRecord<String, byte[]> record(OutboxTable.Row row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, row.eventId());
        header(headers, CloudEventHeaders.SOURCE, "/landfall/" + source);
        header(headers, CloudEventHeaders.TYPE, CloudEventHeaders.TYPE_PREFIX + row.type());
        header(headers, CloudEventHeaders.TIME, row.recordedAt().toString());
        header(headers, CloudEventHeaders.SUBJECT, row.key());
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        if (row.traceparent() != null) {
            header(headers, EventTracing.TRACEPARENT, row.traceparent());
        }
        return new ProducerRecord<>(row.topic(), null, row.key(), row.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
