package org.landfall.reporting.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.landfall.platform.messaging.KafkaClients;
import org.landfall.reporting.domain.Watermark;

/**
 * Where every partition of the topics reporting reads ends now: what "read up to the end" means for the watermark. One admin
 * round trip per batch; the list of partitions is kept for a minute.
 */
@ApplicationScoped
public class EndOffsets {

    @Inject
    KafkaClients clients;

    @ConfigProperty(name = "mp.messaging.incoming.projects.topic")
    String projects;

    @ConfigProperty(name = "mp.messaging.incoming.project-updates.topic")
    String updates;

    @ConfigProperty(name = "mp.messaging.incoming.plans.topic")
    String plans;

    /** Partitions are added rarely and never removed: their list is asked for again after this long. */
    private static final Duration PARTITIONS_KEPT = Duration.ofMinutes(1);

    private Admin admin;
    private Map<TopicPartition, OffsetSpec> request;
    private Instant requestedAt;

    /** @throws Exception when the broker cannot say within a few seconds */
    public synchronized Map<Watermark.Partition, Long> now() throws Exception {
        if (admin == null) {
            admin = clients.admin(Map.of("default.api.timeout.ms", 5_000, "request.timeout.ms", 5_000));
        }
        if (request == null || requestedAt.plus(PARTITIONS_KEPT).isBefore(Instant.now())) {
            request = partitions();
            requestedAt = Instant.now();
        }
        Map<Watermark.Partition, Long> ends = new HashMap<>();
        try {
            admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).forEach((tp, info) ->
                    ends.put(new Watermark.Partition(tp.topic(), tp.partition()), info.offset()));
        } catch (Exception e) {
            request = null;
            throw e;
        }
        return ends;
    }

    /** Every partition of the three topics, each asked for its end offset. */
    private Map<TopicPartition, OffsetSpec> partitions() throws Exception {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(List.of(projects, updates, plans)).allTopicNames().get(5, TimeUnit.SECONDS).values()
                .forEach(t -> t.partitions().forEach(p -> partitions.put(new TopicPartition(t.name(), p.partition()),
                        OffsetSpec.latest())));
        return partitions;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
