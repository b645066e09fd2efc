package org.landfall.reporting.messaging;

import java.util.Collection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

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
    EntityManager em;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        boolean empty = QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("select 1 from processed_event limit 1").getResultList().isEmpty());
        if (empty && !partitions.isEmpty()) {
            LOG.infof("empty read model: replaying %s from the beginning", partitions);
            consumer.seekToBeginning(partitions);
        }
    }
}
