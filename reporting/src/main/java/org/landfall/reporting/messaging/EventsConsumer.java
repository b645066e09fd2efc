package org.landfall.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.landfall.platform.messaging.EventBatches;
import org.landfall.reporting.service.ReadModel;

/** Every event of intake and status, applied to the read model exactly once. */
@ApplicationScoped
public class EventsConsumer {

    @Inject
    EventBatches batches;

    @Inject
    ReadModel readModel;

    @Incoming("projects")
    @Blocking
    public void projects(ConsumerRecords<String, byte[]> records) {
        batches.apply(records, readModel::apply);
    }

    @Incoming("project-updates")
    @Blocking
    public void updates(ConsumerRecords<String, byte[]> records) {
        batches.apply(records, readModel::apply);
    }
}
