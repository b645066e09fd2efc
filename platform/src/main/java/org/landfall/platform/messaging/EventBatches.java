package org.landfall.platform.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.landfall.events.LandfallEvent;
import org.landfall.platform.ledger.ProcessedEvents;
import org.landfall.platform.tracing.EventTracing;
import org.landfall.platform.tracing.LogContext;
import org.landfall.platform.transaction.Transactions;

/**
 * How every Landfall consumer applies a batch of records, exactly once:
 * <ol>
 * <li>records that break the event contract go to the dead-letter topic ({@link EventVerdict}), decided where
 * they are read; so does an event the service refuses because it cannot follow what the service holds (a revision
 * skipping ahead: {@link RefusedEvent}), after which the rest of the batch is applied without it;</li>
 * <li>in one transaction, each event's id is recorded in the ledger and the events seen for the first time are
 * handed to the service, so their effect and their ids commit together;</li>
 * <li>if that transaction fails, it is retried with a doubling back-off (at most 30 s) and the offsets are not
 * committed meanwhile, so the consumer pauses instead of skipping anything. A passing failure (the database away,
 * a deadlock) is just retried. A fault of our own (a value the database refuses, a bug) first splits the batch
 * into one transaction per event, to find the event it fails on; that event is retried until the fault is fixed,
 * with an ERROR log naming it, its partition stalled ({@link StalledPartitions}) and readiness DOWN. A valid
 * event is never dead-lettered: once the fault is fixed (a redeploy), consumption resumes with it.</li>
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

    @Inject
    @Readiness // the check's qualifier: it is the readiness check that says which partitions are stalled
    StalledPartitions stalls;

    @Inject
    Transactions transactions;

    /** How the back-off waits; a unit test replaces it to check the back-offs without waiting them out. */
    interface Pause {
        void sleep(long ms) throws InterruptedException;
    }

    Pause pause = Thread::sleep;

    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 30_000;

    private record Read(ConsumerRecord<String, byte[]> record, LandfallEvent event) {
    }

    public void apply(Iterable<ConsumerRecord<String, byte[]>> records, Consumer<List<LandfallEvent>> handler) {
        List<Read> events = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            stalls.seen(new TopicPartition(record.topic(), record.partition()));
            EventVerdict verdict = EventVerdict.ofRecord(record.value());
            if (verdict instanceof EventVerdict.Apply apply) {
                events.add(new Read(record, apply.event()));
                spans.add(tracing.startConsumerSpan(apply.event(), record.topic(), record.headers()));
            } else if (verdict instanceof EventVerdict.DeadLetter dead) {
                deadLetter(record, dead.reason());
            }
        }
        if (events.isEmpty()) {
            return;
        }
        // By identity: the events the ledger had seen before, according to the transactions that committed.
        Set<LandfallEvent> seenBefore = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<LandfallEvent> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            applyRefusing(events, handler, seenBefore, refused);
        } catch (OwnFault fault) {
            LOG.warnf("a batch of %d events cannot be applied (%s): applying them one by one to find the event it fails on",
                    events.size(), fault.getMessage());
            for (Read one : events) {
                if (!refused.contains(one.event())) {
                    applyRefusing(List.of(one), handler, seenBefore, refused);
                }
            }
        } finally {
            spans.forEach(Span::end);
        }
        for (Read r : events) {
            if (refused.contains(r.event())) {
                continue;
            }
            boolean duplicate = seenBefore.contains(r.event());
            metrics.counter(EventCounters.CONSUMED, "type", r.event().type(), "duplicate", String.valueOf(duplicate))
                    .increment();
            if (LOG.isDebugEnabled()) {
                try (LogContext ignored = LogContext.of(r.event())) {
                    LOG.debugf("applied %s %s%s", r.event().type(), r.event().eventId(),
                            duplicate ? " (seen before: no effect)" : "");
                }
            }
        }
    }

    /**
     * Applies {@code events} until they are, dead-lettering each one the handler refuses (their transaction rolled
     * back) and applying the others again without it.
     */
    private void applyRefusing(List<Read> events, Consumer<List<LandfallEvent>> handler, Set<LandfallEvent> seenBefore,
            Set<LandfallEvent> refused) {
        List<Read> left = new ArrayList<>(events);
        while (!left.isEmpty()) {
            List<Read> now = List.copyOf(left);
            try {
                retryingUntilApplied(now, () -> applyInOneTransaction(now, handler, seenBefore));
                return;
            } catch (RefusedEvent refusal) {
                Read read = now.stream().filter(r -> r.event() == refusal.event()).findFirst()
                        .orElseThrow(() -> new IllegalStateException("refused an event not in the batch", refusal));
                left.remove(read);
                refused.add(read.event());
                deadLetter(read.record(), refusal.getMessage());
            }
        }
    }

    private void applyInOneTransaction(List<Read> events, Consumer<List<LandfallEvent>> handler,
            Set<LandfallEvent> seenBefore) {
        List<LandfallEvent> repeated = new ArrayList<>();
        transactions.requiringNew(() -> {
            repeated.clear();
            List<LandfallEvent> all = events.stream().map(Read::event).toList();
            List<LandfallEvent> fresh = ledger.firstTimes(all);
            Set<LandfallEvent> first = Collections.newSetFromMap(new IdentityHashMap<>());
            first.addAll(fresh);
            all.stream().filter(e -> !first.contains(e)).forEach(repeated::add);
            if (!fresh.isEmpty()) {
                handler.accept(fresh);
            }
            return null;
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

    /**
     * Runs {@code work}, which applies {@code events}, until it succeeds. A fault of our own in a batch of several
     * events is thrown as {@link OwnFault}, to be split; on a single event it stalls the partition until it passes,
     * as does a passing failure that has not passed by the longest back-off.
     */
    private void retryingUntilApplied(List<Read> events, Runnable work) {
        Set<TopicPartition> stalled = new HashSet<>();
        long backoffMs = FIRST_BACKOFF_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                if (!stalled.isEmpty()) {
                    stalled.forEach(stalls::moving);
                    LOG.infof("%s applied at attempt %d: the partition moves again", where(events), attempt);
                }
                return;
            } catch (RuntimeException e) {
                RefusedEvent refusal = RefusedEvent.in(e);
                if (refusal != null) {
                    stalled.forEach(stalls::moving);
                    throw refusal;
                }
                EventVerdict.Retry retry = EventVerdict.ofFailure(e);
                if (retry.ours() && events.size() > 1) {
                    throw new OwnFault(retry.cause(), e);
                }
                if (retry.ours() || backoffMs == MAX_BACKOFF_MS) {
                    boolean newlyStalled = false;
                    for (Read r : events) {
                        TopicPartition partition = new TopicPartition(r.record().topic(), r.record().partition());
                        if (stalled.add(partition)) {
                            stalls.stalled(partition, where(List.of(r)));
                            newlyStalled = true;
                        }
                    }
                    // The stack trace once: the same failure may repeat every 30 s until a fix is deployed.
                    LOG.errorf(newlyStalled ? e : null, "%s failed (attempt %d) and is not dead-lettered: the partition "
                            + "is stalled until it can be applied (retrying in %d ms): %s", where(events), attempt,
                            backoffMs, retry.cause());
                } else {
                    LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", where(events), attempt, backoffMs,
                            retry.cause());
                }
                pause(backoffMs, "applying events");
                backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            }
        }
    }

    /** The event (id, type, topic/partition@offset) or the batch that {@code events} are, for logs and readiness. */
    private static String where(List<Read> events) {
        Read first = events.get(0);
        ConsumerRecord<String, byte[]> r = first.record();
        return events.size() == 1
                ? String.format("event %s (%s, %s/%d@%d)", first.event().eventId(), first.event().type(), r.topic(),
                        r.partition(), r.offset())
                : String.format("a batch of %d events from %s/%d@%d on", events.size(), r.topic(), r.partition(),
                        r.offset());
    }

    /** Thrown out of {@link #retryingUntilApplied} to split a batch: retrying it whole would not find the event. */
    private static final class OwnFault extends RuntimeException {
        OwnFault(String cause, RuntimeException failure) {
            super(cause, failure);
        }
    }

    private void retrying(String what, Runnable work) {
        long backoffMs = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", what, attempt, backoffMs,
                        EventVerdict.rootMessage(e));
                pause(backoffMs, what);
                backoffMs = Math.min(5_000, backoffMs * 2);
            }
        }
    }

    private void pause(long ms, String what) {
        try {
            pause.sleep(ms);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, stop);
        }
    }
}
