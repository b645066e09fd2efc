package org.landfall.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.landfall.events.EventCodec;
import org.landfall.events.LandfallEvent;
import org.landfall.platform.ledger.ProcessedEvents;

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

    public void apply(Iterable<ConsumerRecord<String, byte[]>> records, Consumer<List<LandfallEvent>> handler) {
        List<LandfallEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(EventCodec.decode(record.value()));
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
        retrying("applying events", () -> QuarkusTransaction.requiringNew().run(() -> {
            List<LandfallEvent> fresh = new ArrayList<>(events.size());
            for (LandfallEvent event : events) {
                if (ledger.firstTime(event)) {
                    fresh.add(event);
                }
            }
            if (!fresh.isEmpty()) {
                handler.accept(fresh);
            }
        }));
        for (LandfallEvent event : events) {
            metrics.counter("landfall.events.consumed", "type", event.type()).increment();
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
