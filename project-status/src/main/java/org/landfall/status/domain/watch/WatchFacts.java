package org.landfall.status.domain.watch;

import java.time.LocalDate;
import java.util.List;

import org.landfall.events.Stage;

/**
 * What the watch rules read of a project: where it stands, when intake recorded its contract and status its latest
 * update (dates in {@code landfall.zone}; null when unknown or none), its planned dates (from intake's contract),
 * its latest progress and its open blockers.
 */
public record WatchFacts(
        Stage stage,
        LocalDate stageSince,
        LocalDate signedOn,
        LocalDate contractRecordedOn,
        LocalDate lastUpdateRecordedOn,
        LocalDate plannedStartOn,
        LocalDate plannedOperationalOn,
        Integer progressPercent,
        List<OpenBlocker> openBlockers) {

    public record OpenBlocker(String kind, String owner, LocalDate raisedOn) {
    }

    public WatchFacts {
        openBlockers = openBlockers == null ? List.of() : List.copyOf(openBlockers);
    }
}
