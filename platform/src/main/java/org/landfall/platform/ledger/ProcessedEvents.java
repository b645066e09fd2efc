package org.landfall.platform.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.landfall.events.LandfallEvent;

/** The consumer side of exactly-once: an event's effect and its id commit together, or neither does. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /**
     * Records the event as applied and says whether this is its first time. The primary key makes two consumers
     * racing on the same event agree: one inserts, the other waits for it and then sees the row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(LandfallEvent event) {
        return em.createNativeQuery("insert into processed_event (event_id, event_type) values (:id, :type) "
                        + "on conflict (event_id) do nothing")
                .setParameter("id", event.eventId())
                .setParameter("type", event.type())
                .executeUpdate() == 1;
    }
}
