package org.landfall.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * An administrator set the annual targets of one place (a province, or a city or district within it) for
 * {@code year}: the whole set, replacing any earlier one; a null figure has no target. Keyed by the place and the
 * year, so one place's targets stay in order. {@code occurredOn} is the year's first day.
 */
public record TargetSet(
        UUID eventId,
        int schemaVersion,
        LocalDate occurredOn,
        Instant recordedAt,
        String recordedBy,
        int year,
        String province,
        String city,
        String district,
        Long signedCount,
        BigDecimal signedValue,
        Long starts,
        BigDecimal investmentCompleted,
        Long jobsCreated) implements LandfallEvent {

    public static final String TYPE = "target.set";
    public static final int VERSION = 1;

    @Override
    public String type() {
        return TYPE;
    }

    /** The year and the place, as reports match places: case-insensitively, an absent city or district as empty. */
    @Override
    public String key() {
        return year + "/" + String.join("/", province, city == null ? "" : city, district == null ? "" : district)
                .toLowerCase(Locale.ROOT);
    }

    public static TargetSet of(int year, String province, String city, String district, Long signedCount,
                               BigDecimal signedValue, Long starts, BigDecimal investmentCompleted, Long jobsCreated,
                               Instant recordedAt, String recordedBy) {
        return new TargetSet(UUID.randomUUID(), VERSION, LocalDate.of(year, 1, 1), recordedAt, recordedBy, year, province,
                city, district, signedCount, signedValue, starts, investmentCompleted, jobsCreated);
    }
}
