package org.landfall.reporting.messaging;

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

/** Where every partition of the two topics ends now: what "read up to the end" means for the watermark. */
@ApplicationScoped
public class EndOffsets {

    @Inject
    KafkaClients clients;

    @ConfigProperty(name = "mp.messaging.incoming.projects.topic")
    String projects;

    @ConfigProperty(name = "mp.messaging.incoming.project-updates.topic")
    String updates;

    private Admin admin;

    /** @throws Exception when the broker cannot say within a few seconds */
    public synchronized Map<Watermark.Partition, Long> now() throws Exception {
        if (admin == null) {
            admin = clients.admin(Map.of("default.api.timeout.ms", 5_000, "request.timeout.ms", 5_000));
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(List.of(projects, updates)).allTopicNames().get(5, TimeUnit.SECONDS).values()
                .forEach(t -> t.partitions().forEach(p -> request.put(new TopicPartition(t.name(), p.partition()),
                        OffsetSpec.latest())));
        Map<Watermark.Partition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(5, TimeUnit.SECONDS).forEach((tp, info) ->
                ends.put(new Watermark.Partition(tp.topic(), tp.partition()), info.offset()));
        return ends;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
