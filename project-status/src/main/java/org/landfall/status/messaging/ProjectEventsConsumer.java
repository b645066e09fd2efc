package org.landfall.status.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.landfall.platform.messaging.EventBatches;
import org.landfall.status.service.ProjectCatalog;

/** Learns every project from intake's events, exactly once. */
@ApplicationScoped
public class ProjectEventsConsumer {

    @Inject
    EventBatches batches;

    @Inject
    ProjectCatalog catalog;

    @Incoming("projects")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        batches.apply(records, catalog::apply);
    }
}
