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
import org.landfall.reporting.domain.YearFigures;

/** The annual targets of places, every version with the moment it was recorded, so a past report sees its own. */
@ApplicationScoped
public class TargetStore {

    /** A place and a year, as targets match places: case-insensitively, an absent city or district as "". */
    public record Key(int year, String province, String city, String district) {

        public static Key of(int year, String province, String city, String district) {
            return new Key(year, lower(province), lower(city), lower(district));
        }

        private static String lower(String s) {
            return s == null ? "" : s.toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    Jdbc jdbc;

    public void add(List<TargetSet> targets) {
        jdbc.sql("insert into target_fact (event_id, year, province, city, district, signed_count, signed_value, starts, "
                + "investment_completed, jobs_created, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict do nothing").batch(targets, t -> {
                    Key k = Key.of(t.year(), t.province(), t.city(), t.district());
                    return Arrays.asList(t.eventId(), t.year(), k.province(), k.city(), k.district(), t.signedCount(),
                            t.signedValue(), t.starts(), t.investmentCompleted(), t.jobsCreated(), t.recordedAt());
                });
    }

    /** The targets of years {@code from}..{@code to} as they stood at {@code at}: for each place, the latest recorded. */
    public Map<Key, YearFigures.Target> asOf(Instant at, int fromYear, int toYear) {
        Map<Key, YearFigures.Target> out = new HashMap<>();
        jdbc.sql("select distinct on (year, province, city, district) * from target_fact "
                + "where year between ? and ? and recorded_at <= ? "
                + "order by year, province, city, district, recorded_at desc, event_id desc", fromYear, toYear, at)
                .list(r -> {
                    Map<YearFigures.Flow, BigDecimal> values = new EnumMap<>(YearFigures.Flow.class);
                    put(values, YearFigures.Flow.SIGNED_COUNT, r.decimal("signed_count"));
                    put(values, YearFigures.Flow.SIGNED_VALUE, r.decimal("signed_value"));
                    put(values, YearFigures.Flow.STARTS, r.decimal("starts"));
                    put(values, YearFigures.Flow.INVESTMENT_COMPLETED, r.decimal("investment_completed"));
                    put(values, YearFigures.Flow.JOBS_CREATED, r.decimal("jobs_created"));
                    return Map.entry(new Key(r.integer("year"), r.string("province"), r.string("city"), r.string("district")),
                            new YearFigures.Target(values));
                }).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static void put(Map<YearFigures.Flow, BigDecimal> values, YearFigures.Flow flow, BigDecimal value) {
        if (value != null) {
            values.put(flow, value);
        }
    }
}
