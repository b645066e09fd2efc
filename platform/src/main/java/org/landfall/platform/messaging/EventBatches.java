package org.landfall.platform.messaging;

import java.sql.SQLException;
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
 * <li>if that transaction fails for a passing reason (the database is away, a deadlock), it is retried with
 * back-off and the offsets are not committed meanwhile, so the consumer pauses instead of skipping anything;</li>
 * <li>if it fails because of what an event says (a value the database refuses, a bug its content triggers), the
 * events are applied one by one, each in its own transaction, and the one that still fails goes to the
 * dead-letter topic: one poison event never stalls the topic behind it.</li>
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

    private record Read(ConsumerRecord<String, byte[]> record, LandfallEvent event) {
    }

    public void apply(Iterable<ConsumerRecord<String, byte[]>> records, Consumer<List<LandfallEvent>> handler) {
        List<Read> events = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Read read = new Read(record, EventCodec.decode(record.value()));
                events.add(read);
                spans.add(tracing.startConsumerSpan(read.event(), record.topic(), record.headers()));
            } catch (EventCodec.UnreadableEventException e) {
                deadLetter(record, e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        // By identity: the events the ledger had seen before, according to the transactions that committed.
        Set<LandfallEvent> seenBefore = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            retryingWhilePassing("applying events", () -> applyInOneTransaction(events, handler, seenBefore));
        } catch (Poisoned poisoned) {
            LOG.warnf("a batch of %d events cannot be applied (%s): applying them one by one", events.size(),
                    rootMessage(poisoned));
            for (Read one : events) {
                applyAloneOrDeadLetter(one, handler, seenBefore);
            }
        } finally {
            spans.forEach(Span::end);
        }
        for (Read r : events) {
            boolean duplicate = seenBefore.contains(r.event());
            metrics.counter("landfall.events.consumed", "type", r.event().type(), "duplicate", String.valueOf(duplicate))
                    .increment();
            if (LOG.isDebugEnabled()) {
                try (LogContext ignored = LogContext.of(r.event())) {
                    LOG.debugf("applied %s %s%s", r.event().type(), r.event().eventId(),
                            duplicate ? " (seen before: no effect)" : "");
                }
            }
        }
    }

    /** A content failure must repeat before the event is given up: a race with another instance passes. */
    private void applyAloneOrDeadLetter(Read one, Consumer<List<LandfallEvent>> handler, Set<LandfallEvent> seenBefore) {
        for (int attempt = 1; ; attempt++) {
            try {
                retryingWhilePassing("applying an event", () -> applyInOneTransaction(List.of(one), handler, seenBefore));
                return;
            } catch (Poisoned e) {
                if (attempt == 3) {
                    deadLetter(one.record(), "cannot be applied: " + rootMessage(e));
                    return;
                }
                pause(100L * attempt, "applying an event");
            }
        }
    }

    private void applyInOneTransaction(List<Read> events, Consumer<List<LandfallEvent>> handler,
            Set<LandfallEvent> seenBefore) {
        List<LandfallEvent> repeated = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            repeated.clear();
            List<LandfallEvent> all = events.stream().map(Read::event).toList();
            List<LandfallEvent> fresh = ledger.firstTimes(all);
            Set<LandfallEvent> first = Collections.newSetFromMap(new IdentityHashMap<>());
            first.addAll(fresh);
            all.stream().filter(e -> !first.contains(e)).forEach(repeated::add);
            if (!fresh.isEmpty()) {
                handler.accept(fresh);
            }
        });
        seenBefore.addAll(repeated);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        retrying("dead-lettering", () -> {
            try {
                deadLetters.send(record, reason);
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    /** Retries while the failure is a passing one; rethrows a failure that retrying cannot cure. */
    private static void retryingWhilePassing(String what, Runnable work) {
        retrying(what, () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                if (causedByContent(e)) {
                    throw new Poisoned(e);
                }
                throw e;
            }
        });
    }

    /** Thrown through {@link #retrying} to stop it: the same input would fail the same way. */
    private static final class Poisoned extends RuntimeException {
        Poisoned(RuntimeException cause) {
            super(cause);
        }
    }

    /**
     * A failure that the events' content causes: PostgreSQL refusing a value (SQLSTATE class 22, data exception,
     * or 23, integrity constraint) or a programming error such as a null where the code needs a value. Connection
     * losses, timeouts, deadlocks, serialization failures and a database shutting down are passing.
     */
    static boolean causedByContent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state != null && (state.startsWith("22") || state.startsWith("23"));
            }
            if (t instanceof NullPointerException || t instanceof IllegalArgumentException || t instanceof ClassCastException
                    || t instanceof ArithmeticException || t instanceof IndexOutOfBoundsException) {
                return true;
            }
        }
        return false;
    }

    private static void retrying(String what, Runnable work) {
        long backoffMs = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (Poisoned e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", what, attempt, backoffMs, rootMessage(e));
                pause(backoffMs, what);
                backoffMs = Math.min(5_000, backoffMs * 2);
            }
        }
    }

    private static void pause(long ms, String what) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, stop);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
