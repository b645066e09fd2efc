package org.landfall.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.landfall.events.CloudEventHeaders;
import org.landfall.platform.messaging.EventCounters;
import org.landfall.platform.transaction.InMemoryTransactions;

/**
 * What {@link OutboxRelay} deletes after which acknowledgement, without a database or a broker: the outbox is an
 * in-memory table whose deletes take effect only when the transaction commits, the broker is Kafka's
 * MockProducer, acknowledging (or failing) the sends when the relay flushes.
 */
class OutboxRelayTest {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final List<String> log = new ArrayList<>(); // sends, acknowledgements and deletes, in order
    private final Outbox outbox = new Outbox();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final OutboxRelay relay = new OutboxRelay();
    private Broker broker = new Broker(0);

    private final class Outbox extends OutboxTable {
        final List<Row> rows = new ArrayList<>();
        boolean lockedElsewhere;

        @Override
        public boolean lock() {
            return !lockedElsewhere;
        }

        @Override
        public List<Row> oldest(int n) {
            return rows.stream().limit(n).toList();
        }

        @Override
        public void delete(List<Long> ids) {
            log.add("delete " + ids);
            transactions.onCommit(() -> rows.removeIf(r -> ids.contains(r.id())));
        }
    }

    /** Acknowledges the sends on flush, failing the one numbered {@code failing} (1-based; 0 fails none). */
    private final class Broker extends MockProducer<String, byte[]> {
        private final int failing;

        Broker(int failing) {
            super(false, null, new StringSerializer(), new ByteArraySerializer());
            this.failing = failing;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
            log.add("send " + record.key());
            return super.send(record);
        }

        @Override
        public synchronized void flush() {
            for (int n = 1; n <= failing; n++) {
                if (n == failing) {
                    errorNext(new TimeoutException("not acknowledged"));
                } else {
                    completeNext();
                }
            }
            super.flush(); // acknowledges the rest
            log.add("acknowledged");
        }
    }

    OutboxRelayTest() {
        relay.outbox = outbox;
        relay.transactions = transactions;
        relay.metrics = metrics;
        relay.source = "project-intake";
        relay.batchSize = 500;
        use(broker);
        for (long id = 1; id <= 3; id++) {
            outbox.rows.add(new OutboxTable.Row(id, "00000000-0000-0000-0000-00000000000" + id, "projects", "p" + id,
                    "project.signed", Instant.parse("2024-01-0" + id + "T00:00:00Z"),
                    ("{\"n\":" + id + "}").getBytes(StandardCharsets.UTF_8), null));
        }
    }

    private void use(Broker broker) {
        this.broker = broker;
        relay.producer = broker;
    }

    private List<Long> left() {
        return outbox.rows.stream().map(OutboxTable.Row::id).toList();
    }

    @Test
    void deletesTheBatchOnlyAfterTheBrokerAcknowledgedEverySend() {
        assertEquals(3, relay.publishBatch());

        assertEquals(List.of("send p1", "send p2", "send p3", "acknowledged", "delete [1, 2, 3]"), log);
        assertTrue(left().isEmpty());
        assertEquals(60, transactions.lastTimeoutSeconds());
        assertEquals(3, metrics.counter(EventCounters.PUBLISHED, "type", "project.signed").count());
    }

    @Test
    void publishesInIdOrderAsCloudEventsKeyedLikeTheRow() {
        relay.publishBatch();

        List<ProducerRecord<String, byte[]>> sent = broker.history();
        assertEquals(List.of("p1", "p2", "p3"), sent.stream().map(ProducerRecord::key).toList());
        ProducerRecord<String, byte[]> first = sent.get(0);
        assertEquals("projects", first.topic());
        assertEquals("{\"n\":1}", new String(first.value(), StandardCharsets.UTF_8));
        assertEquals("00000000-0000-0000-0000-000000000001", header(first, CloudEventHeaders.ID));
        assertEquals("/landfall/project-intake", header(first, CloudEventHeaders.SOURCE));
        assertEquals(CloudEventHeaders.TYPE_PREFIX + "project.signed", header(first, CloudEventHeaders.TYPE));
        assertEquals("2024-01-01T00:00:00Z", header(first, CloudEventHeaders.TIME));
        assertEquals("p1", header(first, CloudEventHeaders.SUBJECT));
    }

    @Test
    void deletesNothingWhenOneSendOfTheBatchIsNotAcknowledged() {
        use(new Broker(2));

        assertThrows(RuntimeException.class, relay::publishBatch);

        assertEquals(List.of(1L, 2L, 3L), left(), "the acknowledged first row stays too: its batch failed");
        assertEquals(0, transactions.committed());
        assertEquals(0, metrics.counter(EventCounters.PUBLISHED, "type", "project.signed").count());

        use(new Broker(0));
        assertEquals(3, relay.publishBatch()); // the next attempt publishes the whole batch again, then deletes it
        assertTrue(left().isEmpty());
    }

    @Test
    void deletesNothingWhenASendFailsAtOnce() {
        broker.sendException = new TimeoutException("no metadata: the broker is away");

        assertThrows(RuntimeException.class, relay::publishBatch);

        assertEquals(List.of(1L, 2L, 3L), left());
        assertTrue(log.stream().noneMatch(step -> step.startsWith("delete")));
    }

    @Test
    void publishesABatchAtATimeFromTheOldestRow() {
        relay.batchSize = 2;

        assertEquals(2, relay.publishBatch());

        assertEquals(List.of(3L), left());
        assertEquals(List.of("p1", "p2"), broker.history().stream().map(ProducerRecord::key).toList());
    }

    @Test
    void publishesNothingWhileAnotherRelayHoldsTheLock() {
        outbox.lockedElsewhere = true;

        assertEquals(OutboxRelay.LOCKED_ELSEWHERE, relay.publishBatch(), "so that the relay looks again shortly");

        assertTrue(broker.history().isEmpty());
        assertEquals(List.of(1L, 2L, 3L), left());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
