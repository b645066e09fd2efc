package org.landfall.reporting.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.landfall.events.LandfallEvent;
import org.landfall.reporting.domain.LatestFigures;
import org.landfall.reporting.domain.Watermark;

/** How far a batch of records takes each of its partitions, as the watermark needs to know it. */
final class Positions {

    private Positions() {
    }

    /**
     * Where the batch leaves each partition. Every record counts, the dead-lettered and the redelivered too: all
     * have been dealt with once the batch is applied.
     */
    static Collection<Watermark.Consumed> read(Iterable<ConsumerRecord<String, byte[]>> records) {
        Map<Watermark.Partition, Long> next = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            next.merge(new Watermark.Partition(r.topic(), r.partition()), r.offset() + 1, Math::max);
        }
        return next.entrySet().stream().map(e -> new Watermark.Consumed(e.getKey(), e.getValue(), null)).toList();
    }

    /**
     * The latest moment upstream recorded among these events, by the partition they came from (records are keyed
     * by subject, so a project's events share one).
     */
    static Collection<Watermark.Consumed> applied(List<LandfallEvent> events, Iterable<ConsumerRecord<String, byte[]>> records) {
        Map<String, Watermark.Partition> byKey = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            byKey.put(r.key(), new Watermark.Partition(r.topic(), r.partition()));
        }
        Map<Watermark.Partition, Watermark.Consumed> out = new LinkedHashMap<>();
        for (LandfallEvent e : events) {
            Watermark.Partition p = byKey.get(e.key());
            if (p != null) {
                Watermark.Consumed before = out.get(p);
                out.put(p, new Watermark.Consumed(p, 0, LatestFigures.later(e.recordedAt(), before == null ? null : before.maxRecordedAt())));
            }
        }
        return out.values();
    }
}
