package org.landfall.platform.ledger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.platform.jdbc.Jdbc;
import jakarta.transaction.Transactional;
import org.landfall.events.LandfallEvent;

/** The consumer side of exactly-once: an event's effect and its id commit together, or neither does. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    Jdbc jdbc;

    /**
     * Records the events as applied, in one statement, and returns those seen for the first time (an event
     * repeated within the list counts once). The primary key makes two consumers racing on the same event
     * agree: one inserts, the other waits for it and then sees the row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LandfallEvent> firstTimes(List<LandfallEvent> events) {
        Set<UUID> inserted = new HashSet<>(jdbc.sql("insert into processed_event (event_id, event_type) "
                        + "select * from unnest(?, ?) on conflict (event_id) do nothing returning event_id",
                Jdbc.array("uuid", events.stream().map(LandfallEvent::eventId).toArray()),
                Jdbc.array("text", events.stream().map(LandfallEvent::type).toArray()))
                .list(r -> r.uuid("event_id")));
        List<LandfallEvent> fresh = new ArrayList<>(inserted.size());
        for (LandfallEvent event : events) {
            if (inserted.remove(event.eventId())) {
                fresh.add(event);
            }
        }
        return fresh;
    }
}
