package org.landfall.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A project's contract as intake holds it after a given revision (1 when signed, +1 per correction). Events
 * carry the whole snapshot, so a consumer keeps the highest revision it has seen and never merges deltas.
 * {@code designations} holds codes such as {@code provincial-key}; the three expected annual figures are the
 * investor's promise (in yuan, null when not given). {@code regionCode} is the GB/T 2260 code of the finest place
 * the names resolve to (null when they match no code, and in events from before codes existed).
 */
public record ProjectSnapshot(
        UUID id,
        String code,
        int revision,
        String name,
        String investor,
        String province,
        String city,
        String district,
        String sector,
        LocalDate signedOn,
        BigDecimal contractValue,
        Integer plannedJobs,
        Amount plannedCapacity,
        List<Phase> phases,
        LocalDate plannedStartOn,
        LocalDate plannedOperationalOn,
        Source source,
        Instant createdAt,
        String createdBy,
        List<String> designations,
        String park,
        BigDecimal expectedAnnualSales,
        BigDecimal expectedAnnualProfit,
        BigDecimal expectedAnnualTax,
        String regionCode) {

    /** Events of producers from before designations existed carry none: read them as the empty list. */
    public ProjectSnapshot {
        designations = designations == null ? List.of() : List.copyOf(designations);
    }

    public record Phase(int number, BigDecimal investment, Amount capacity) {
    }

    public record Source(String title, String url, LocalDate publishedOn) {
    }
}
