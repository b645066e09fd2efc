package org.landfall.intake.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.landfall.intake.service.StageHistory;
import org.landfall.platform.messaging.EventBatches;

/** Learns each project's stage changes from project-status's events, exactly once. */
@ApplicationScoped
public class ProjectUpdatesConsumer {

    @Inject
    EventBatches batches;

    @Inject
    StageHistory history;

    @Incoming("project-updates")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        batches.apply(records, history::apply);
    }
}
