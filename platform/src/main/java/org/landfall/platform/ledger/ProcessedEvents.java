package org.landfall.platform.ledger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.landfall.events.LandfallEvent;

/** The consumer side of exactly-once: an event's effect and its id commit together, or neither does. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /**
     * Records the events as applied, in one statement, and returns those seen for the first time (an event
     * repeated within the list counts once). The primary key makes two consumers racing on the same event
     * agree: one inserts, the other waits for it and then sees the row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LandfallEvent> firstTimes(List<LandfallEvent> events) {
        Set<UUID> inserted = new HashSet<>();
        em.unwrap(Session.class).doWork(c -> {
            try (var s = c.prepareStatement("insert into processed_event (event_id, event_type) "
                    + "select * from unnest(?::uuid[], ?::text[]) on conflict (event_id) do nothing returning event_id")) {
                s.setArray(1, c.createArrayOf("uuid", events.stream().map(LandfallEvent::eventId).toArray()));
                s.setArray(2, c.createArrayOf("text", events.stream().map(LandfallEvent::type).toArray()));
                try (var r = s.executeQuery()) {
                    while (r.next()) {
                        inserted.add(r.getObject(1, UUID.class));
                    }
                }
            }
        });
        List<LandfallEvent> fresh = new ArrayList<>(inserted.size());
        for (LandfallEvent event : events) {
            if (inserted.remove(event.eventId())) {
                fresh.add(event);
            }
        }
        return fresh;
    }
}
