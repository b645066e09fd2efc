package org.landfall.reporting.service;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import org.landfall.reporting.domain.Watermark;

/**
 * How many records the consumers have still to read, as the last batch of each partition left it: what tells a replay
 * (a read model catching up on the log) from live consumption. The watermark cannot tell it: a log whose partitions
 * each hold years of history (the benchmark's, written project by project) brings its watermark within minutes of the
 * clock in the first batches, long before the log is read.
 */
@ApplicationScoped
public class Backlog {

    /** Records left beyond which the consumers are replaying: a few batches' worth, never a live burst's. */
    static final long REPLAY_RECORDS = 20_000;

    private final Map<Watermark.Partition, Long> left = new ConcurrentHashMap<>();

    /** Where a batch left its partitions ({@code consumed}), against where they end now ({@code ends}). */
    public void read(Collection<Watermark.Consumed> consumed, Map<Watermark.Partition, Long> ends) {
        for (Watermark.Consumed c : consumed) {
            Long end = ends.get(c.partition());
            if (end != null) {
                left.put(c.partition(), Math.max(0, end - c.nextOffset()));
            }
        }
    }

    public boolean replaying() {
        return left.values().stream().mapToLong(Long::longValue).sum() > REPLAY_RECORDS;
    }
}
