package org.landfall.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import jakarta.persistence.PersistenceException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.landfall.events.EventCodec;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectSigned;
import org.landfall.events.Topics;
import org.landfall.platform.ledger.ProcessedEvents;
import org.landfall.platform.tracing.EventTracing;
import org.landfall.platform.transaction.InMemoryTransactions;

/**
 * What {@link EventBatches} commits, retries and dead-letters (decision 18), without a database or a broker: the
 * ledger and the handler's effect live in an in-memory store whose writes take effect only when the transaction
 * commits, and dead letters go to Kafka's MockProducer.
 */
class EventBatchesTest {

    private static final String TOPIC = "projects";

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final Ledger ledger = new Ledger();
    private final List<LandfallEvent> effects = new ArrayList<>(); // what the handler committed, in order
    private final List<List<UUID>> handed = new ArrayList<>(); // every list handed to the handler, committed or not
    private final List<Long> pauses = new ArrayList<>();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    private final EventBatches batches = new EventBatches();

    /** The ledger's contract: records each id once, within the caller's transaction, and says which are new. */
    private final class Ledger extends ProcessedEvents {
        final Set<UUID> recorded = new HashSet<>();

        @Override
        public List<LandfallEvent> firstTimes(List<LandfallEvent> events) {
            assertTrue(transactions.active(), "the ledger is written only within the batch's transaction");
            Set<UUID> seen = new HashSet<>(recorded);
            List<LandfallEvent> fresh = events.stream().filter(e -> seen.add(e.eventId())).toList();
            transactions.onCommit(() -> fresh.forEach(e -> recorded.add(e.eventId())));
            return fresh;
        }
    }

    EventBatchesTest() {
        StalledPartitions stalls = new StalledPartitions();
        stalls.metrics = metrics;
        DeadLetters deadLetters = new DeadLetters();
        deadLetters.producer = producer;
        deadLetters.metrics = metrics;
        deadLetters.consumer = "test-consumer";
        batches.ledger = ledger;
        batches.deadLetters = deadLetters;
        batches.metrics = metrics;
        batches.stalls = stalls;
        batches.transactions = transactions;
        batches.tracing = new EventTracing() {
            @Override
            public Span startConsumerSpan(LandfallEvent event, String topic, Headers headers) {
                return Span.getInvalid();
            }
        };
        batches.pause = pauses::add;
    }

    private static LandfallEvent event() {
        return ProjectSigned.of(EventVerdictTest.contract(1));
    }

    private static List<ConsumerRecord<String, byte[]>> records(LandfallEvent... events) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (LandfallEvent e : events) {
            records.add(new ConsumerRecord<>(TOPIC, 0, records.size(), e.key(), EventCodec.encode(e)));
        }
        return records;
    }

    /** A handler that commits its effect with the ledger, and fails first as {@code failing} says. */
    private Consumer<List<LandfallEvent>> handler(Function<List<LandfallEvent>, RuntimeException> failing) {
        return events -> {
            handed.add(events.stream().map(LandfallEvent::eventId).toList());
            RuntimeException failure = failing.apply(events);
            if (failure != null) {
                throw failure;
            }
            transactions.onCommit(() -> effects.addAll(events));
        };
    }

    private Consumer<List<LandfallEvent>> succeeding() {
        return handler(events -> null);
    }

    private static List<UUID> ids(LandfallEvent... events) {
        return Arrays.stream(events).map(LandfallEvent::eventId).toList();
    }

    private List<UUID> effected() {
        return effects.stream().map(LandfallEvent::eventId).toList();
    }

    private double stalled() {
        var gauge = metrics.find("landfall.consumer.stalled").tag("topic", TOPIC).tag("partition", "0").gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private static PersistenceException passing() {
        return new PersistenceException(new SQLTransientConnectionException("connection refused", "08001"));
    }

    private static PersistenceException ours() {
        return new PersistenceException(new SQLException("numeric field overflow", "22003"));
    }

    @Test
    void commitsTheBatchsEffectAndItsIdsInOneTransaction() {
        LandfallEvent a = event(), b = event(), c = event();

        batches.apply(records(a, b, c), succeeding());

        assertEquals(List.of(ids(a, b, c)), handed);
        assertEquals(ids(a, b, c), effected());
        assertEquals(Set.copyOf(ids(a, b, c)), ledger.recorded);
        assertEquals(1, transactions.committed());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void handsAnEventSeenBeforeNotToTheHandler() {
        LandfallEvent a = event(), b = event();
        ledger.recorded.add(a.eventId());

        batches.apply(records(a, b), succeeding());
        batches.apply(records(a, b), succeeding()); // redelivered whole: nothing to hand

        assertEquals(List.of(ids(b)), handed);
        assertEquals(ids(b), effected());
        assertEquals(3, metrics.counter(EventCounters.CONSUMED, "type", ProjectSigned.TYPE, "duplicate", "true").count());
        assertEquals(1, metrics.counter(EventCounters.CONSUMED, "type", ProjectSigned.TYPE, "duplicate", "false").count());
    }

    @Test
    void deadLettersOnlyARecordThatBreaksTheContract() {
        LandfallEvent a = event();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(records(a));
        records.add(new ConsumerRecord<>(TOPIC, 0, 7, "key", "{not json".getBytes(StandardCharsets.UTF_8)));

        batches.apply(records, succeeding());

        assertEquals(List.of(ids(a)), handed);
        assertEquals(1, producer.history().size());
        ProducerRecord<String, byte[]> dead = producer.history().get(0);
        assertEquals(Topics.DEAD_LETTER, dead.topic());
        assertEquals(TOPIC + "/0@7", new String(dead.headers().lastHeader(DeadLetters.ORIGIN).value(), StandardCharsets.UTF_8));
    }

    @Test
    void retriesAPassingFailureWholeWithADoublingBackoffAndCommitsNothingMeanwhile() {
        LandfallEvent a = event(), b = event();
        int[] failures = {2};

        batches.apply(records(a, b), handler(events -> {
            assertTrue(effects.isEmpty() && ledger.recorded.isEmpty(), "a failed attempt left nothing behind");
            return failures[0]-- > 0 ? passing() : null;
        }));

        assertEquals(List.of(ids(a, b), ids(a, b), ids(a, b)), handed); // the rolled-back ledger hands them again
        assertEquals(List.of(100L, 200L), pauses);
        assertEquals(ids(a, b), effected());
        assertEquals(0, stalled());
        assertTrue(producer.history().isEmpty(), "a valid event is never dead-lettered");
    }

    @Test
    void stallsThePartitionOnAPassingFailureOnlyOnceItOutlastsTheLongestBackoff() {
        LandfallEvent a = event();
        List<Double> stalledAtPause = new ArrayList<>();
        batches.pause = ms -> {
            pauses.add(ms);
            stalledAtPause.add(stalled());
        };
        int[] failures = {10};

        batches.apply(records(a), handler(events -> failures[0]-- > 0 ? passing() : null));

        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L, 3200L, 6400L, 12800L, 25600L, 30000L), pauses);
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0), stalledAtPause);
        assertEquals(0, stalled(), "moving again once applied");
        assertEquals(ids(a), effected());
    }

    @Test
    void splitsABatchFailingWithAFaultOfOursAndStallsOnTheEventItFailsOn() {
        LandfallEvent a = event(), b = event(), c = event();
        List<Double> stalledAtPause = new ArrayList<>();
        batches.pause = ms -> {
            pauses.add(ms);
            stalledAtPause.add(stalled());
        };
        int[] failuresOfB = {3}; // the whole batch, then b alone twice, then fixed

        batches.apply(records(a, b, c), handler(events -> events.stream().anyMatch(e -> e.eventId().equals(b.eventId()))
                && failuresOfB[0]-- > 0 ? ours() : null));

        assertEquals(List.of(ids(a, b, c), ids(a), ids(b), ids(b), ids(b), ids(c)), handed);
        assertEquals(List.of(100L, 200L), pauses, "the whole batch is split at once, not retried");
        assertEquals(List.of(1.0, 1.0), stalledAtPause, "stalled from b's first failure");
        assertEquals(0, stalled());
        assertEquals(ids(a, b, c), effected());
        assertEquals(Set.copyOf(ids(a, b, c)), ledger.recorded);
        assertTrue(producer.history().isEmpty(), "a valid event is never dead-lettered");
    }

    /** A handler that refuses {@code refused} (as decoded in the batch it is handed) whenever it is handed it. */
    private Consumer<List<LandfallEvent>> refusing(LandfallEvent refused, String reason) {
        return handler(events -> events.stream().filter(e -> e.eventId().equals(refused.eventId())).findFirst()
                .map(e -> new RefusedEvent(e, reason)).orElse(null));
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void deadLettersAnEventTheHandlerRefusesWithItsReasonAndAppliesTheRestOfTheBatchWithoutIt() {
        LandfallEvent a = event(), b = event(), c = event();

        batches.apply(records(a, b, c), refusing(b, "at revision 9 skips ahead of revision 1, the one held (expected 2)"));

        assertEquals(List.of(ids(a, b, c), ids(a, c)), handed, "the batch again without b, and b never again");
        assertTrue(pauses.isEmpty(), "a refusal is not retried");
        assertEquals(ids(a, c), effected());
        assertEquals(Set.copyOf(ids(a, c)), ledger.recorded, "b's id rolled back with the batch that refused it");
        assertEquals(1, producer.history().size());
        ProducerRecord<String, byte[]> dead = producer.history().get(0);
        assertEquals(Topics.DEAD_LETTER, dead.topic());
        assertEquals(TOPIC + "/0@1", header(dead, DeadLetters.ORIGIN));
        assertEquals("project.signed at revision 9 skips ahead of revision 1, the one held (expected 2)",
                header(dead, DeadLetters.REASON));
        assertEquals(1, metrics.counter(EventCounters.DEAD_LETTERS, "topic", TOPIC).count());
        assertEquals(2, metrics.counter(EventCounters.CONSUMED, "type", ProjectSigned.TYPE, "duplicate", "false").count(),
                "the refused event is not counted as consumed");
        assertEquals(0, stalled());
    }

    @Test
    void deadLettersARefusalFoundOnlyOnceABatchFailingWithAFaultOfOursIsSplit() {
        LandfallEvent a = event(), b = event(), c = event();
        Consumer<List<LandfallEvent>> refusingB = refusing(b, "refused");

        // The whole batch fails as a fault of ours (say c's row overflows) until it is split; b alone is refused.
        batches.apply(records(a, b, c), events -> {
            if (events.size() > 1) {
                handed.add(events.stream().map(LandfallEvent::eventId).toList());
                throw ours();
            }
            refusingB.accept(events);
        });

        assertEquals(List.of(ids(a, b, c), ids(a), ids(b), ids(c)), handed);
        assertTrue(pauses.isEmpty(), "split at once, and the refusal not retried");
        assertEquals(ids(a, c), effected());
        assertEquals(Set.copyOf(ids(a, c)), ledger.recorded);
        assertEquals(1, producer.history().size());
        assertEquals("project.signed refused", header(producer.history().get(0), DeadLetters.REASON));
        assertEquals(0, stalled());
    }

    @Test
    void retriesADeadLetterTheBrokerDidNotTake() {
        producer.sendException = new TimeoutException("broker away");
        batches.pause = ms -> {
            pauses.add(ms);
            producer.sendException = null;
        };

        batches.apply(List.of(new ConsumerRecord<>(TOPIC, 0, 0, "key", new byte[] {1})), succeeding());

        assertEquals(List.of(100L), pauses);
        assertEquals(1, producer.history().size());
        assertTrue(handed.isEmpty());
    }
}
