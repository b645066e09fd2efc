package org.landfall.reporting.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The moment up to which reporting has applied every fact. Within a partition upstream's events come in the
 * order they were recorded, so a partition read up to its end hides nothing, and one still being read hides
 * nothing recorded before the latest moment applied from it. The watermark is the earliest of those bounds,
 * never later than the latest moment applied anywhere, and it never goes back.
 */
public final class Watermark {

    public static final Instant NOTHING = Instant.EPOCH;

    public record Partition(String topic, int partition) {
    }

    /** How far a partition has been applied: the next offset to read and the latest recorded moment applied. */
    public record Consumed(Partition partition, long nextOffset, Instant maxRecordedAt) {
    }

    private Watermark() {
    }

    /**
     * The watermark after {@code current}, given what has been applied and where each partition of the topics
     * ends now ({@code ends}: every partition, read or not).
     */
    public static Instant next(Instant current, Collection<Consumed> consumed, Map<Partition, Long> ends) {
        Map<Partition, Consumed> byPartition = new HashMap<>();
        Instant latest = null;
        for (Consumed c : consumed) {
            byPartition.put(c.partition(), c);
            latest = LatestFigures.later(latest, c.maxRecordedAt());
        }
        if (latest == null) {
            return current;
        }
        Instant bound = latest;
        for (var end : ends.entrySet()) {
            Consumed c = byPartition.get(end.getKey());
            if (c != null && c.nextOffset() >= end.getValue() || c == null && end.getValue() == 0) {
                continue;
            }
            if (c == null || c.maxRecordedAt() == null) {
                return current;
            }
            if (c.maxRecordedAt().isBefore(bound)) {
                bound = c.maxRecordedAt();
            }
        }
        return LatestFigures.later(current, bound);
    }
}
