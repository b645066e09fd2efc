package org.landfall.platform.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.landfall.events.EventCodec;
import org.landfall.events.LandfallEvent;
import org.landfall.platform.ledger.ProcessedEvents;
import org.landfall.platform.tracing.EventTracing;
import org.landfall.platform.tracing.LogContext;

/**
 * How every Landfall consumer applies a batch of records, exactly once:
 * <ol>
 * <li>records that are not readable Landfall events go to the dead-letter topic;</li>
 * <li>in one transaction, each event's id is recorded in the ledger and the events seen for the first time are
 * handed to the service, so their effect and their ids commit together;</li>
 * <li>if that transaction fails (the database is away, a deadlock), it is retried with back-off and the
 * offsets are not committed meanwhile, so the consumer pauses instead of skipping anything.</li>
 * </ol>
 */
@ApplicationScoped
public class EventBatches {
    // Use from a blocking batch consumer:
    //   @Incoming("projects") @Blocking
    //   public void consume(ConsumerRecords<String, byte[]> records) { batches.apply(records, this::applyAll); }

    private static final Logger LOG = Logger.getLogger(EventBatches.class);

    @Inject
    ProcessedEvents ledger;

    @Inject
    DeadLetters deadLetters;

    @Inject
    MeterRegistry metrics;

    @Inject
    EventTracing tracing;

    public void apply(Iterable<ConsumerRecord<String, byte[]>> records, Consumer<List<LandfallEvent>> handler) {
        List<LandfallEvent> events = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                LandfallEvent event = EventCodec.decode(record.value());
                events.add(event);
                spans.add(tracing.startConsumerSpan(event, record.topic(), record.headers()));
            } catch (EventCodec.UnreadableEventException e) {
                retrying("dead-lettering", () -> {
                    try {
                        deadLetters.send(record, e.getMessage());
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                });
            }
        }
        if (events.isEmpty()) {
            return;
        }
        // By identity: the events applied for the first time in the transaction that committed.
        Set<LandfallEvent> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            retrying("applying events", () -> QuarkusTransaction.requiringNew().run(() -> {
                fresh.clear();
                for (LandfallEvent event : events) {
                    if (ledger.firstTime(event)) {
                        fresh.add(event);
                    }
                }
                if (!fresh.isEmpty()) {
                    handler.accept(events.stream().filter(fresh::contains).toList());
                }
            }));
        } finally {
            spans.forEach(Span::end);
        }
        for (LandfallEvent event : events) {
            boolean duplicate = !fresh.contains(event);
            metrics.counter("landfall.events.consumed", "type", event.type(), "duplicate", String.valueOf(duplicate))
                    .increment();
            try (LogContext ignored = LogContext.of(event)) {
                LOG.debugf("applied %s %s%s", event.type(), event.eventId(), duplicate ? " (seen before: no effect)" : "");
            }
        }
    }

    private static void retrying(String what, Runnable work) {
        long backoffMs = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", what, attempt, backoffMs, e);
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while " + what, stop);
                }
                backoffMs = Math.min(5_000, backoffMs * 2);
            }
        }
    }
}
