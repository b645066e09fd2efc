package org.landfall.reporting.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.landfall.events.CloudEventHeaders;
import org.landfall.reporting.domain.LatestFigures;
import org.landfall.reporting.domain.Watermark;

/** Where a batch of records leaves each of its partitions, and the latest moment upstream recorded in it. */
final class Positions {

    private Positions() {
    }

    /**
     * Every record counts, the dead-lettered and the redelivered too: all have been dealt with once the batch is
     * applied. The moment comes from the CloudEvents time header, which upstream sets to the event's recordedAt.
     */
    static Collection<Watermark.Consumed> of(Iterable<ConsumerRecord<String, byte[]>> records) {
        Map<Watermark.Partition, Watermark.Consumed> out = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            Watermark.Partition p = new Watermark.Partition(r.topic(), r.partition());
            Watermark.Consumed before = out.get(p);
            Instant at = recordedAt(r);
            out.put(p, new Watermark.Consumed(p, Math.max(r.offset() + 1, before == null ? 0 : before.nextOffset()),
                    LatestFigures.later(at, before == null ? null : before.maxRecordedAt())));
        }
        return out.values();
    }

    private static Instant recordedAt(ConsumerRecord<String, byte[]> r) {
        Header time = r.headers().lastHeader(CloudEventHeaders.TIME);
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(new String(time.value(), StandardCharsets.UTF_8));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
