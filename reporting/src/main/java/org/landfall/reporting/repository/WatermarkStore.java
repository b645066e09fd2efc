package org.landfall.reporting.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.landfall.reporting.domain.Watermark;

/**
 * The watermark and the positions it is derived from. Re-deriving projects holds the watermark's row shared, so
 * that moving it (which holds it exclusively) sees their histories either before or after, never half-way.
 */
@ApplicationScoped
public class WatermarkStore {

    @Inject
    EntityManager em;

    public Instant holdShared() {
        return Sql.instant(em.createNativeQuery("select at from report_watermark for share").getSingleResult());
    }

    public Instant holdExclusive() {
        return Sql.instant(em.createNativeQuery("select at from report_watermark for update").getSingleResult());
    }

    public void moveTo(Instant at) {
        em.createNativeQuery("update report_watermark set at = :at").setParameter("at", at).executeUpdate();
    }

    /** The stamp of a latest report read in the same snapshot as its rows. */
    public Instant current() {
        return Sql.instant(em.createNativeQuery("select at from report_watermark").getSingleResult());
    }

    /** Whether some fact applied is later than the watermark: then it must move once the partitions allow. */
    public boolean behind() {
        return (Boolean) em.createNativeQuery("select coalesce(w.at < (select max(max_recorded_at) from consumed_partition), "
                + "false) from report_watermark w").getSingleResult();
    }

    /** Records how far these partitions have been applied; positions and moments only move forward. */
    public void record(Collection<Watermark.Consumed> consumed) {
        for (Watermark.Consumed c : consumed) {
            em.createNativeQuery("insert into consumed_partition as p (topic, partition, next_offset, max_recorded_at) "
                    + "values (:topic, :partition, :next, :at) on conflict (topic, partition) do update set "
                    + "next_offset = greatest(p.next_offset, excluded.next_offset), "
                    + "max_recorded_at = greatest(p.max_recorded_at, excluded.max_recorded_at)")
                    .setParameter("topic", c.partition().topic()).setParameter("partition", c.partition().partition())
                    .setParameter("next", c.nextOffset())
                    .setParameter("at", c.maxRecordedAt() == null ? Watermark.NOTHING : c.maxRecordedAt()).executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    public List<Watermark.Consumed> consumed() {
        List<Object[]> rows = em.createNativeQuery("select topic, partition, next_offset, max_recorded_at from consumed_partition")
                .getResultList();
        return rows.stream().map(r -> new Watermark.Consumed(new Watermark.Partition((String) r[0], ((Number) r[1]).intValue()),
                ((Number) r[2]).longValue(), Sql.instant(r[3]))).toList();
    }
}
