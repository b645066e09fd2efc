package org.landfall.reporting.messaging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.landfall.platform.messaging.EventBatches;
import org.landfall.reporting.domain.Watermark;
import org.landfall.reporting.service.Backlog;
import org.landfall.reporting.service.ReadModel;

/**
 * Every event of intake (contracts, plans and targets) and status, applied to the read model exactly once; after
 * each batch, the watermark (and with it the latest figures) moves as far as all three topics allow.
 */
@ApplicationScoped
public class EventsConsumer {

    private static final Logger LOG = Logger.getLogger(EventsConsumer.class);

    @Inject
    EventBatches batches;

    @Inject
    ReadModel readModel;

    @Inject
    EndOffsets endOffsets;

    @Inject
    Backlog backlog;

    @Incoming("projects")
    @Blocking
    public void projects(ConsumerRecords<String, byte[]> records) {
        batches.apply(records, events -> readModel.apply(events, Positions.applied(events, records)));
        advance(records, false);
    }

    @Incoming("project-updates")
    @Blocking
    public void updates(ConsumerRecords<String, byte[]> records) {
        batches.apply(records, events -> readModel.apply(events, Positions.applied(events, records)));
        advance(records, false);
    }

    @Incoming("plans")
    @Blocking
    public void plans(ConsumerRecords<String, byte[]> records) {
        batches.apply(records, events -> readModel.apply(events, Positions.applied(events, records)));
        advance(records, false);
    }

    /**
     * Another topic's consumer may have caught up without a batch to tell it, or the broker may not have
     * answered after the last batch: then the watermark lags the facts applied, and this moves it. The database is
     * asked only after a batch of this instance, or every {@link #LOOK_ANYWAY_NANOS} for another instance's facts
     * (one that died before moving the watermark): an idle service does no transaction a second for it.
     */
    @Scheduled(every = "${landfall.watermark.check:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void catchUp() {
        boolean look = appliedSinceLook || System.nanoTime() - lastLook > LOOK_ANYWAY_NANOS;
        if (look) {
            appliedSinceLook = false;
            lastLook = System.nanoTime();
        }
        if (!pending.isEmpty() || (look && readModel.behind())) {
            advance(List.of(), true);
        }
    }

    private static final long LOOK_ANYWAY_NANOS = TimeUnit.SECONDS.toNanos(30);
    private volatile boolean appliedSinceLook = true;
    private volatile long lastLook = System.nanoTime();

    /**
     * Positions not recorded yet (the database away, or the watermark held by another consumer): recorded by the next
     * attempt, never dropped.
     */
    private final Queue<Watermark.Consumed> pending = new ConcurrentLinkedQueue<>();

    /**
     * After a batch the watermark is moved only if no other consumer holds it ({@code wait} false): each batch's
     * transaction holds it shared, so with the three consumers busy (a replay) waiting for it made them take turns,
     * batch after batch. Positions not recorded stay pending for the next batch or the scheduled check, which
     * waits, so the watermark moves at least once a check interval however busy they are.
     */
    private void advance(Iterable<ConsumerRecord<String, byte[]>> records, boolean wait) {
        Map<Watermark.Partition, Long> ends;
        try {
            ends = endOffsets.now();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ends = null;
        } catch (Exception e) {
            // The positions are recorded all the same; the scheduled check moves the watermark later.
            LOG.warnf("cannot read the topics' end offsets (%s): the latest figures wait for the watermark", e.toString());
            ends = null;
        }
        Collection<Watermark.Consumed> read = Positions.read(records);
        if (ends != null) {
            backlog.read(read, ends);
        }
        pending.addAll(read);
        List<Watermark.Consumed> positions = new ArrayList<>();
        for (Watermark.Consumed c; (c = pending.poll()) != null; ) {
            positions.add(c);
        }
        try {
            if (!readModel.advance(positions, ends, wait)) {
                pending.addAll(positions);
            }
        } catch (RuntimeException e) {
            // The batch itself is applied; only the latest figures wait. The scheduled check tries again.
            pending.addAll(positions);
            LOG.errorf(e, "cannot move the watermark: the latest figures wait until it can");
        }
        appliedSinceLook = true; // after: a look during this attempt may have come before its commit
    }
}
