package org.landfall.platform.outbox;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.platform.jdbc.Jdbc;

/** The relay's reads and writes of the {@code outbox} table, within the caller's transaction. */
@ApplicationScoped
public class OutboxTable {

    private static final long LOCK_ID = 0x4c414e44L; // "LAND"

    @Inject
    Jdbc jdbc;

    /** An event waiting to be published, as {@link Outbox} wrote it. */
    public record Row(long id, String eventId, String topic, String key, String type, Instant recordedAt,
            byte[] payload, String traceparent) {
    }

    /**
     * Takes the relay's advisory lock until the transaction ends; false when another relay of the service holds it.
     */
    public boolean lock() {
        return jdbc.sql("select pg_try_advisory_xact_lock(?) as locked", LOCK_ID).single(r -> r.bool("locked"));
    }

    /** The first {@code n} rows in id order, the order they were written in. */
    public List<Row> oldest(int n) {
        return jdbc.sql("select id, event_id, topic, event_key, event_type, recorded_at, payload, traceparent "
                + "from outbox order by id limit ?", n)
                .list(r -> new Row(r.longValue("id"), r.uuid("event_id").toString(), r.string("topic"), r.string("event_key"),
                        r.string("event_type"), r.instant("recorded_at"), r.bytes("payload"), r.string("traceparent")));
    }

    public void delete(List<Long> ids) {
        jdbc.sql("delete from outbox where id = any(?)", Jdbc.array("int8", ids.toArray())).update();
    }

    public OutboxRelay.Backlog backlog() {
        return jdbc.sql("select count(*) as events, coalesce(extract(epoch from now() - min(created_at)), 0)::bigint as age "
                + "from outbox").single(r -> new OutboxRelay.Backlog(r.longValue("events"), r.longValue("age")));
    }
}
