package org.landfall.platform.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.landfall.events.Topics;

/**
 * Every service makes sure Landfall's topics exist with their designed partitions and infinite retention, so
 * that any start order works and broker-side auto-creation can stay off. If Kafka is not up yet, it keeps trying
 * in the background; consumers pick the topics up when they appear.
 */
@ApplicationScoped
public class TopicInitializer {

    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    @Inject
    KafkaClients clients;

    /** 1 for the single local broker; 3 in a production cluster. */
    @ConfigProperty(name = "landfall.topics.replication-factor", defaultValue = "1")
    short replicationFactor;

    void onStart(@Observes StartupEvent event) {
        Thread t = new Thread(this::createUntilDone, "topic-initializer");
        t.setDaemon(true);
        t.start();
    }

    private void createUntilDone() {
        for (int attempt = 1; ; attempt++) {
            try (Admin admin = clients.admin()) {
                List<NewTopic> topics = Topics.ALL.stream()
                        .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor)
                                .configs(Map.of("retention.ms", String.valueOf(t.retentionMs()))))
                        .toList();
                for (var result : admin.createTopics(topics).values().entrySet()) {
                    try {
                        result.getValue().get();
                    } catch (ExecutionException e) {
                        // Under ACLs (docker-compose) a service may not create topics: the operator has, as admin.
                        if (!(e.getCause() instanceof TopicExistsException
                                || e.getCause() instanceof TopicAuthorizationException)) {
                            throw e;
                        }
                    }
                }
                return;
            } catch (Exception e) {
                if (attempt == 1 || attempt % 30 == 0) {
                    LOG.warnf("cannot create the topics yet (attempt %d): %s", attempt, e.getMessage());
                }
                try {
                    Thread.sleep(Math.min(2_000, 200L * attempt));
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }
}
