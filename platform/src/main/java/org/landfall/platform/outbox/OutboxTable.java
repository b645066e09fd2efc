package org.landfall.platform.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The relay's reads and writes of the {@code outbox} table, within the caller's transaction. */
@ApplicationScoped
public class OutboxTable {

    private static final long LOCK_ID = 0x4c414e44L; // "LAND"

    @Inject
    EntityManager em;

    /** An event waiting to be published, as {@link Outbox} wrote it. */
    public record Row(long id, String eventId, String topic, String key, String type, Instant recordedAt,
            byte[] payload, String traceparent) {
    }

    /**
     * Takes the relay's advisory lock until the transaction ends; false when another relay of the service holds it.
     */
    public boolean lock() {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:id)")
                .setParameter("id", LOCK_ID).getSingleResult();
    }

    /** The first {@code n} rows in id order, the order they were written in. */
    public List<Row> oldest(int n) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, event_id, topic, event_key, event_type, recorded_at, "
                        + "payload, traceparent from outbox order by id limit :n")
                .setParameter("n", n).getResultList();
        return rows.stream().map(r -> new Row(((Number) r[0]).longValue(), r[1].toString(), (String) r[2],
                (String) r[3], (String) r[4], r[5] instanceof Timestamp t ? t.toInstant() : (Instant) r[5],
                (byte[]) r[6], (String) r[7])).toList();
    }

    public void delete(List<Long> ids) {
        em.createNativeQuery("delete from outbox where id in (:ids)").setParameter("ids", ids).executeUpdate();
    }

    public OutboxRelay.Backlog backlog() {
        Object[] row = (Object[]) em.createNativeQuery(
                "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0) from outbox").getSingleResult();
        return new OutboxRelay.Backlog(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
