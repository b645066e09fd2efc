package org.landfall.reporting.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.reporting.domain.LatestFigures;
import org.landfall.reporting.domain.Watermark;

/**
 * The watermark and the positions it is derived from. Re-deriving projects holds the watermark's row shared, so
 * that moving it (which holds it exclusively) sees their histories either before or after, never half-way.
 */
@ApplicationScoped
public class WatermarkStore {

    @Inject
    Jdbc jdbc;

    public Instant holdShared() {
        return at(" for share");
    }

    public Instant holdExclusive() {
        return at(" for update");
    }

    /** The watermark held exclusively, or null when another transaction holds it (nothing waits). */
    public Instant tryHoldExclusive() {
        return jdbc.sql("select at from report_watermark for update skip locked").list(r -> r.instant("at")).stream()
                .findFirst().orElse(null);
    }

    public void moveTo(Instant at) {
        jdbc.sql("update report_watermark set at = ?", at).update();
    }

    /** The stamp of a latest report read in the same snapshot as its rows. */
    public Instant current() {
        return at("");
    }

    private Instant at(String lock) {
        return jdbc.sql("select at from report_watermark" + lock).single(r -> r.instant("at"));
    }

    /** Whether some fact applied is later than the watermark: then it must move once the partitions allow. */
    public boolean behind() {
        return jdbc.sql("select coalesce(w.at < (select max(max_recorded_at) from consumed_partition), false) as behind "
                + "from report_watermark w").single(r -> r.bool("behind"));
    }

    /**
     * Records how far these partitions have been applied; positions and moments only move forward. A partition may
     * come several times (positions left pending by batches that did not move the watermark): one row each, written in
     * the order of topic and partition, so that two instances recording the same partitions cannot deadlock.
     */
    public void record(Collection<Watermark.Consumed> consumed) {
        Map<Watermark.Partition, Watermark.Consumed> furthest = new TreeMap<>(
                Comparator.comparing(Watermark.Partition::topic).thenComparingInt(Watermark.Partition::partition));
        consumed.forEach(c -> furthest.merge(c.partition(), c, (a, b) -> new Watermark.Consumed(a.partition(),
                Math.max(a.nextOffset(), b.nextOffset()), LatestFigures.later(a.maxRecordedAt(), b.maxRecordedAt()))));
        jdbc.sql("insert into consumed_partition as p (topic, partition, next_offset, max_recorded_at) "
                + "values (?, ?, ?, ?) on conflict (topic, partition) do update set "
                + "next_offset = greatest(p.next_offset, excluded.next_offset), "
                + "max_recorded_at = greatest(p.max_recorded_at, excluded.max_recorded_at)")
                .batch(List.copyOf(furthest.values()), c -> List.of(c.partition().topic(), c.partition().partition(), c.nextOffset(),
                        c.maxRecordedAt() == null ? Watermark.NOTHING : c.maxRecordedAt()));
    }

    public List<Watermark.Consumed> consumed() {
        return jdbc.sql("select topic, partition, next_offset, max_recorded_at from consumed_partition")
                .list(r -> new Watermark.Consumed(new Watermark.Partition(r.string("topic"), r.integer("partition")),
                        r.longValue("next_offset"), r.instant("max_recorded_at")));
    }
}
