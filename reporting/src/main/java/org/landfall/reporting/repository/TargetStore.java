package org.landfall.reporting.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.events.TargetSet;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.reporting.domain.Place;
import org.landfall.reporting.domain.Places;
import org.landfall.reporting.domain.YearFigures;

/**
 * The annual targets of places, every version with the moment it was recorded, so a past report sees its own.
 * Kept with the place's names as given (lower case, an absent city or district as ""); read by the place they
 * designate, so that a target set for 双鸭山市 is Shuangyashan's (decision 31).
 */
@ApplicationScoped
public class TargetStore {

    /** A year and a place as targets match places ({@link Place#matched()}: by code, else by name in any case). */
    public record Key(int year, Place place) {
    }

    @Inject
    Jdbc jdbc;

    public void add(List<TargetSet> targets) {
        jdbc.sql("insert into target_fact (event_id, year, province, city, district, signed_count, signed_value, starts, "
                + "investment_completed, jobs_created, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict do nothing").batch(targets, t -> Arrays.asList(t.eventId(), t.year(), lower(t.province()),
                lower(t.city()), lower(t.district()), t.signedCount(), t.signedValue(), t.starts(), t.investmentCompleted(),
                t.jobsCreated(), t.recordedAt()));
    }

    /**
     * The targets of years {@code from}..{@code to} as they stood at {@code at}: for each place, the latest recorded,
     * however it spelt the place.
     */
    public Map<Key, YearFigures.Target> asOf(Instant at, int fromYear, int toYear) {
        Map<Key, YearFigures.Target> out = new HashMap<>();
        // Oldest first, so that the latest of a place is put last.
        jdbc.sql("select * from target_fact where year between ? and ? and recorded_at <= ? order by recorded_at, event_id",
                fromYear, toYear, at)
                .list(r -> {
                    Map<YearFigures.Flow, BigDecimal> values = new EnumMap<>(YearFigures.Flow.class);
                    put(values, YearFigures.Flow.SIGNED_COUNT, r.decimal("signed_count"));
                    put(values, YearFigures.Flow.SIGNED_VALUE, r.decimal("signed_value"));
                    put(values, YearFigures.Flow.STARTS, r.decimal("starts"));
                    put(values, YearFigures.Flow.INVESTMENT_COMPLETED, r.decimal("investment_completed"));
                    put(values, YearFigures.Flow.JOBS_CREATED, r.decimal("jobs_created"));
                    Place place = Places.of(r.string("province"), r.string("city"), r.string("district"), null);
                    return Map.entry(new Key(r.integer("year"), place.matched()), new YearFigures.Target(values));
                }).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static void put(Map<YearFigures.Flow, BigDecimal> values, YearFigures.Flow flow, BigDecimal value) {
        if (value != null) {
            values.put(flow, value);
        }
    }
}
