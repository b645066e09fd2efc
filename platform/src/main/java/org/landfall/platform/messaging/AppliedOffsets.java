package org.landfall.platform.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The consumers' commit strategy ({@code commit-strategy=applied}): commits, at most every
 * {@code auto.commit.interval.ms} (5 s), the offset after the last batch applied of each partition. Committed offsets
 * only bound what a restart reads again; the event-id ledger keeps it from being applied twice.
 * <p>
 * SmallRye's {@code throttled} strategy asks the broker for a partition's committed offset when the partition's first
 * record arrives, on the consumer's polling thread, which sits in {@code KafkaConsumer.poll} for {@code poll-timeout}:
 * the first event of each partition after a start waited for that poll to end, which kept {@code poll-timeout} at
 * 100 ms, and the poll loop then woke ten times a second per consumer at rest. This strategy asks nothing before a
 * batch is applied. Each consumer applies its batches one at a time, in order ({@code @Blocking}), so the offset after
 * the last acknowledged record has every record before it applied; an acknowledgement out of order could only move
 * the offset back (a later batch read again), never past a record not applied.
 */
@ApplicationScoped
@Identifier(AppliedOffsets.STRATEGY)
public class AppliedOffsets implements KafkaCommitHandler.Factory {

    public static final String STRATEGY = "applied";

    private static final Logger LOG = Logger.getLogger(AppliedOffsets.class);

    @Override
    public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        long interval = config.config().getOptionalValue(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, Long.class)
                .orElse(5_000L);
        return new Committer(vertx, consumer, interval);
    }

    static final class Committer implements KafkaCommitHandler {

        private final Vertx vertx;
        private final KafkaConsumer<?, ?> consumer;
        private final long intervalMs;

        // guarded by this: the next offset of each assigned partition applied but not committed yet
        private final Map<TopicPartition, Long> applied = new HashMap<>();
        private final Set<TopicPartition> assigned = new HashSet<>();
        private boolean scheduled;
        private long lastCommitMs;

        Committer(Vertx vertx, KafkaConsumer<?, ?> consumer, long intervalMs) {
            this.vertx = vertx;
            this.consumer = consumer;
            this.intervalMs = intervalMs;
        }

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
            TopicPartition partition = new TopicPartition(record.getTopic(), record.getPartition());
            long delay;
            synchronized (this) {
                if (!assigned.contains(partition)) {
                    return Uni.createFrom().voidItem(); // revoked meanwhile: its next owner reads it again
                }
                applied.put(partition, record.getOffset() + 1);
                if (scheduled) {
                    return Uni.createFrom().voidItem();
                }
                scheduled = true;
                delay = lastCommitMs + intervalMs - System.currentTimeMillis();
            }
            if (delay > 0) {
                vertx.setTimer(delay, id -> commit());
            } else {
                commit();
            }
            return Uni.createFrom().voidItem();
        }

        /** Asks the polling thread to commit what is applied; it does so once its current poll ends. */
        private void commit() {
            Map<TopicPartition, OffsetAndMetadata> offsets = take();
            if (offsets.isEmpty()) {
                return;
            }
            consumer.commit(offsets).subscribe().with(done -> {
            }, failed -> LOG.warnf("could not commit %s (read again after a restart, skipped by the ledger): %s",
                    offsets, failed.toString()));
        }

        private synchronized Map<TopicPartition, OffsetAndMetadata> take() {
            scheduled = false;
            lastCommitMs = System.currentTimeMillis();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            applied.forEach((p, next) -> offsets.put(p, new OffsetAndMetadata(next)));
            applied.clear();
            return offsets;
        }

        /** On the polling thread (in {@code poll}); partitions may include ones already assigned. */
        @Override
        public void partitionsAssigned(Collection<TopicPartition> partitions) {
            synchronized (this) {
                assigned.addAll(partitions);
            }
        }

        /** On the polling thread: what was applied of the partitions leaving is committed before another takes them. */
        @Override
        public void partitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            synchronized (this) {
                for (TopicPartition p : partitions) {
                    Long next = applied.remove(p);
                    if (next != null) {
                        offsets.put(p, new OffsetAndMetadata(next));
                    }
                }
                assigned.removeAll(partitions);
            }
            if (!offsets.isEmpty()) {
                try {
                    consumer.unwrap().commitSync(offsets);
                } catch (RuntimeException e) {
                    LOG.warnf("could not commit %s on revocation (read again by their next owner, skipped by the ledger): %s",
                            offsets, e.toString());
                }
            }
        }

        /** At shutdown, before the consumer closes: the commit goes to the polling thread ahead of the close. */
        @Override
        public void terminate(boolean graceful) {
            commit();
        }
    }
}
