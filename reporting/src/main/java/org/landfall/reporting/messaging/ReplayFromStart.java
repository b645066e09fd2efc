package org.landfall.reporting.messaging;

import java.util.Collection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.landfall.platform.jdbc.Jdbc;

/**
 * The read model's position is its ledger, not the consumer group's committed offsets: an empty read model (a
 * new database, or one dropped to rebuild) reads both topics from their beginning, whatever the group had
 * committed. Rebuilding the reports is therefore: stop reporting, drop its database, start it again.
 */
@ApplicationScoped
@Identifier("replay-into-empty-read-model")
public class ReplayFromStart implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(ReplayFromStart.class);

    @Inject
    Jdbc jdbc;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        boolean empty = QuarkusTransaction.requiringNew().call(() ->
                jdbc.sql("select 1 as one from processed_event limit 1").list(r -> r.integer("one")).isEmpty());
        if (empty && !partitions.isEmpty()) {
            LOG.infof("empty read model: replaying %s from the beginning", partitions);
            consumer.seekToBeginning(partitions);
        }
    }
}
