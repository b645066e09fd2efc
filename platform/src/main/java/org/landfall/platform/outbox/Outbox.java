package org.landfall.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.landfall.platform.jdbc.Jdbc;
import jakarta.transaction.Transactional;

import org.landfall.events.EventCodec;
import org.landfall.events.LandfallEvent;
import org.landfall.platform.tracing.EventTracing;

/**
 * The producer side of exactly-once: a service adds its event in the transaction of the change it announces, and
 * {@link OutboxRelay} publishes it after commit. No dual write, no event for a rolled-back change.
 */
@ApplicationScoped
public class Outbox {

    /** Fired on commit so the relay publishes at once instead of at its next poll. */
    public record Written() {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    Event<Written> written;

    @Inject
    EventTracing tracing;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(LandfallEvent event) {
        jdbc.sql("insert into outbox (event_id, topic, event_key, event_type, occurred_on, recorded_at, payload, traceparent) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?::text)", event.eventId(), event.topic(), event.key(),
                event.type(), event.occurredOn(), event.recordedAt(), EventCodec.encode(event), tracing.currentTraceparent())
                .update();
        written.fire(new Written());
    }
}
