package org.landfall.reporting.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.hibernate.Session;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.LatestFigures;
import org.landfall.events.Stage;
import org.landfall.reporting.domain.GroupBy;
import org.landfall.reporting.domain.Quarter;
import org.landfall.reporting.repository.Sql;
import org.landfall.reporting.repository.WatermarkStore;
import org.landfall.reporting.rest.ReportRow;

/**
 * Sums the project contributions that held at a moment (the latest: those that still hold) into report rows.
 * Three aggregations: flow figures per quarter, the pipeline at each quarter's end, and when each row last changed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportQuery {

    /** What to report: quarters {@code from}..{@code to}, grouped and filtered, as of a moment (null: latest). */
    public record Request(int from, int to, GroupBy groupBy, Map<String, String> filters, Instant asOf) {
    }

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    /** The rows, and the moment they are as of: the one asked for, or for the latest figures the watermark. */
    public record Result(Instant asOf, List<ReportRow> rows) {
    }

    @Inject
    WatermarkStore watermark;

    /**
     * In one read-only snapshot, so that the latest rows and the watermark they are stamped with (and an asOf
     * report's three aggregations) are from the same committed state.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result run(Request r) {
        em.unwrap(Session.class).doWork(c -> {
            try (var s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
            }
        });
        Timer timer = Timer.builder("landfall.report.query")
                .description("Time to compute a quarterly report from the read model")
                .tag("groupBy", r.groupBy().name().toLowerCase(java.util.Locale.ROOT))
                .tag("vintage", r.asOf() == null ? "latest" : "asOf")
                .publishPercentileHistogram()
                .register(metrics);
        return timer.record(() -> r.asOf() == null ? new Result(watermark.current(), latest(r)) : new Result(r.asOf(), asOf(r)));
    }

    /**
     * The latest figures from their pre-aggregated rows at the level the request needs: per group, the flow rows
     * of the range and the pipeline changes up to its end (those before {@code from} summed into one bucket),
     * which {@link #assemble} adds up quarter by quarter.
     */
    private List<ReportRow> latest(Request r) {
        List<String> g = r.groupBy().columns;
        String groupCols = g.stream().map(c -> ", " + c).reduce("", String::concat);
        Map<List<String>, TreeMap<Integer, Object[]>> byGroup = new HashMap<>();
        for (Object[] row : rows(r, "select greatest(quarter, :from - 1)" + groupCols + LATEST_SUMS + " from latest_figure "
                + "where level = " + LatestFigures.levelFor(r.groupBy(), r.filters().keySet()) + " and quarter <= :to"
                + filters(r, "") + " group by 1" + groupCols)) {
            byGroup.computeIfAbsent(key(row, 1, g.size()), k -> new TreeMap<>()).put(((Number) row[0]).intValue(), row);
        }
        TreeSet<List<String>> groups = new TreeSet<>(GROUP_ORDER);
        groups.addAll(byGroup.keySet());
        if (g.isEmpty()) {
            groups.add(List.of());
        }
        Map<List<String>, List<ReportRow>> assembled = new HashMap<>();
        for (List<String> group : groups) {
            List<ReportRow> rows = assemble(r.from(), r.to(), g, group, byGroup.getOrDefault(group, new TreeMap<>()));
            if (g.isEmpty() || rows.stream().anyMatch(ReportQuery::hasFigures)) {
                assembled.put(group, rows);
            }
        }
        List<ReportRow> out = new ArrayList<>();
        for (int i = 0; i <= r.to() - r.from(); i++) {
            for (List<String> group : groups) {
                if (assembled.containsKey(group)) {
                    out.add(assembled.get(group).get(i));
                }
            }
        }
        return out;
    }

    /**
     * The latest finest rows (one quarter of one province, city, district and sector) of these groups and
     * quarters, in one statement: what the live stream sends when they change.
     */
    public List<ReportRow> latestFinest(Map<Facts.Group, ? extends java.util.Collection<Integer>> quarters) {
        if (quarters.isEmpty()) {
            return List.of();
        }
        List<String> g = GroupBy.ALL.columns;
        int to = quarters.values().stream().flatMap(java.util.Collection::stream).max(Integer::compare).orElseThrow();
        Map<List<String>, TreeMap<Integer, Object[]>> byGroup = new HashMap<>();
        em.unwrap(Session.class).doWork(c -> {
            List<Facts.Group> keys = List.copyOf(quarters.keySet());
            try (PreparedStatement s = c.prepareStatement("select f.quarter, f.province, f.city, f.district, f.sector"
                    + LATEST_SUMS + " from latest_figure f join unnest(?::text[], ?::text[], ?::text[], ?::text[]) "
                    + "as k(province, city, district, sector) using (province, city, district, sector) "
                    + "where f.level = " + LatestFigures.FINEST + " and f.quarter <= " + to
                    + " group by f.quarter, f.province, f.city, f.district, f.sector")) {
                s.setArray(1, c.createArrayOf("text", keys.stream().map(Facts.Group::province).toArray()));
                s.setArray(2, c.createArrayOf("text", keys.stream().map(Facts.Group::city).toArray()));
                s.setArray(3, c.createArrayOf("text", keys.stream().map(Facts.Group::district).toArray()));
                s.setArray(4, c.createArrayOf("text", keys.stream().map(Facts.Group::sector).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    int width = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Object[] row = new Object[width];
                        for (int i = 0; i < width; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        byGroup.computeIfAbsent(List.of((String) row[1], (String) row[2], (String) row[3], (String) row[4]),
                                k -> new TreeMap<>()).put(((Number) row[0]).intValue(), row);
                    }
                }
            }
        });
        List<ReportRow> out = new ArrayList<>();
        quarters.forEach((group, qs) -> {
            List<String> stored = List.of(group.province(), group.city(), group.district(), group.sector());
            int first = qs.stream().min(Integer::compare).orElseThrow();
            int last = qs.stream().max(Integer::compare).orElseThrow();
            List<ReportRow> assembled = assemble(first, last, g, key(stored.toArray(), 0, g.size()),
                    byGroup.getOrDefault(stored, new TreeMap<>()));
            for (int q : new TreeSet<>(qs)) {
                out.add(assembled.get(q - first));
            }
        });
        return out;
    }

    /** The sums of {@link #assemble}'s row layout: 13 flow figures, 5 pipeline changes, 2 moments. */
    private static final String LATEST_SUMS = ", sum(signed_count), sum(signed_value), sum(planned_jobs), "
            + "sum(started_count), sum(started_value), sum(operational_count), sum(operational_value), "
            + "sum(suspended_count), sum(suspended_value), sum(cancelled_count), sum(cancelled_value), "
            + "sum(investment_delta), sum(jobs_delta), sum(signed_change), sum(started_change), sum(operational_change), "
            + "sum(suspended_change), sum(cancelled_change), max(updated_at), max(open_updated_at)";

    /**
     * One group's rows for quarters {@code from}..{@code to} from its stored rows by quarter (quarter, group
     * columns, then {@link #LATEST_SUMS}): flows as stored, stage counts and the open-ended moments accumulated
     * from the beginning, so rows before {@code from} count for the pipeline only.
     */
    private static List<ReportRow> assemble(int from, int to, List<String> columns, List<String> group,
            TreeMap<Integer, Object[]> byQuarter) {
        int base = 1 + columns.size();
        long[] stages = new long[Stage.values().length];
        Instant open = null;
        for (Object[] row : byQuarter.headMap(from).values()) {
            accumulate(row, base, stages);
            open = LatestFigures.later(open, Sql.instant(row[base + 19]));
        }
        List<ReportRow> out = new ArrayList<>(to - from + 1);
        for (int q = from; q <= to; q++) {
            Object[] row = byQuarter.get(q);
            Instant updatedAt = open;
            if (row != null) {
                accumulate(row, base, stages);
                open = LatestFigures.later(open, Sql.instant(row[base + 19]));
                updatedAt = LatestFigures.later(open, Sql.instant(row[base + 18]));
            }
            Map<String, Long> endOfQuarter = new HashMap<>();
            for (Stage s : Stage.values()) {
                endOfQuarter.put(s.name(), stages[s.ordinal()]);
            }
            out.add(row(q, columns, group, row, endOfQuarter, updatedAt));
        }
        return out;
    }

    private static void accumulate(Object[] row, int base, long[] stages) {
        for (int i = 0; i < stages.length; i++) {
            stages[i] += count(row, base + 13 + i);
        }
    }

    private static boolean hasFigures(ReportRow row) {
        return row.signed().count() != 0 || row.started().count() != 0 || row.operational().count() != 0
                || row.suspended().count() != 0 || row.cancelled().count() != 0 || row.investmentCompleted().signum() != 0
                || row.jobsCreated() != 0 || row.endOfQuarter().values().stream().anyMatch(n -> n != 0);
    }

    /** Figures as they were known at {@code r.asOf()}: summed from every project's versioned contributions. */
    private List<ReportRow> asOf(Request r) {
        List<String> g = r.groupBy().columns;
        String groupCols = g.stream().map(c -> ", " + c).reduce("", String::concat);
        String spanGroupCols = g.stream().map(c -> ", s." + c).reduce("", String::concat);

        Map<List<String>, Map<Integer, Object[]>> flows = new HashMap<>();
        for (Object[] row : rows(r, "select quarter" + groupCols + ", sum(signed_count), sum(signed_value), sum(planned_jobs), "
                + "sum(started_count), sum(started_value), sum(operational_count), sum(operational_value), "
                + "sum(suspended_count), sum(suspended_value), sum(cancelled_count), sum(cancelled_value), "
                + "sum(investment_delta), sum(jobs_delta) from contribution "
                + "where quarter between :from and :to and " + valid(r, "") + filters(r, "")
                + " group by quarter" + groupCols)) {
            flows.computeIfAbsent(key(row, 1, g.size()), k -> new HashMap<>()).put(((Number) row[0]).intValue(), row);
        }

        Map<List<String>, Map<Integer, Map<String, Long>>> pipeline = new HashMap<>();
        for (Object[] row : rows(r, "select q.quarter" + spanGroupCols + ", s.stage, count(*) "
                + "from generate_series(:from, :to) as q(quarter) join stage_span s on s.from_quarter <= q.quarter "
                + "and (s.to_quarter is null or s.to_quarter > q.quarter) "
                + "where " + valid(r, "s.") + filters(r, "s.") + " group by q.quarter" + spanGroupCols + ", s.stage")) {
            pipeline.computeIfAbsent(key(row, 1, g.size()), k -> new HashMap<>())
                    .computeIfAbsent(((Number) row[0]).intValue(), k -> new HashMap<>())
                    .put((String) row[1 + g.size()], ((Number) row[2 + g.size()]).longValue());
        }

        Map<List<String>, Map<Integer, Instant>> updatedAt = new HashMap<>();
        String cover = " from generate_series(:from, :to) as q(quarter) join stage_span s on s.from_quarter <= q.quarter "
                + "and (s.to_quarter is null or s.to_quarter > q.quarter) where ";
        for (Object[] row : rows(r, "select quarter" + groupCols + ", max(t) from ("
                + "select quarter" + groupCols + ", valid_from as t from contribution where quarter between :from and :to "
                + "and valid_from <= :at" + filters(r, "")
                + " union all select quarter" + groupCols + ", valid_to from contribution where quarter between :from and :to "
                + "and valid_to <= :at" + filters(r, "")
                + " union all select q.quarter" + spanGroupCols + ", s.valid_from" + cover + "s.valid_from <= :at" + filters(r, "s.")
                + " union all select q.quarter" + spanGroupCols + ", s.valid_to" + cover + "s.valid_to <= :at" + filters(r, "s.")
                + ") as changes group by quarter" + groupCols)) {
            updatedAt.computeIfAbsent(key(row, 1, g.size()), k -> new HashMap<>())
                    .put(((Number) row[0]).intValue(), Sql.instant(row[1 + g.size()]));
        }

        TreeSet<List<String>> groups = new TreeSet<>(GROUP_ORDER);
        if (g.isEmpty()) {
            groups.add(List.of());
        } else {
            groups.addAll(flows.keySet());
            groups.addAll(pipeline.keySet());
        }
        List<ReportRow> out = new ArrayList<>();
        for (int q = r.from(); q <= r.to(); q++) {
            for (List<String> group : groups) {
                out.add(row(q, g, group, flows.getOrDefault(group, Map.of()).get(q),
                        pipeline.getOrDefault(group, Map.of()).getOrDefault(q, Map.of()),
                        updatedAt.getOrDefault(group, Map.of()).get(q)));
            }
        }
        return out;
    }

    private static final Comparator<List<String>> GROUP_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Comparator.nullsFirst(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private static ReportRow row(int quarter, List<String> columns, List<String> group, Object[] f,
                                 Map<String, Long> stages, Instant updatedAt) {
        Map<String, String> groupJson = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            groupJson.put(columns.get(i), group.get(i));
        }
        int base = 1 + columns.size();
        Map<String, Long> endOfQuarter = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            endOfQuarter.put(s.name(), stages.getOrDefault(s.name(), 0L));
        }
        return new ReportRow(Quarter.format(quarter), groupJson,
                new ReportRow.Entered(count(f, base), amount(f, base + 1), count(f, base + 2)),
                new ReportRow.Entered(count(f, base + 3), amount(f, base + 4), null),
                new ReportRow.Entered(count(f, base + 5), amount(f, base + 6), null),
                new ReportRow.Entered(count(f, base + 7), amount(f, base + 8), null),
                new ReportRow.Entered(count(f, base + 9), amount(f, base + 10), null),
                amount(f, base + 11), count(f, base + 12), endOfQuarter, updatedAt);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(Request r, String sql) {
        Query q = em.createNativeQuery(sql).setParameter("from", r.from()).setParameter("to", r.to());
        if (sql.contains(":at")) {
            q.setParameter("at", r.asOf());
        }
        r.filters().forEach((column, value) -> {
            if (sql.contains(":" + column)) {
                q.setParameter(column, value);
            }
        });
        List<Object> result = q.getResultList();
        return result.stream().map(o -> o instanceof Object[] a ? a : new Object[] {o}).toList();
    }

    private static String valid(Request r, String alias) {
        return r.asOf() == null ? alias + "valid_to is null"
                : alias + "valid_from <= :at and (" + alias + "valid_to is null or " + alias + "valid_to > :at)";
    }

    /** Filters match case-insensitively; the column names come from a fixed list, the values are parameters. */
    private static String filters(Request r, String alias) {
        StringBuilder sql = new StringBuilder();
        for (String column : new TreeMap<>(r.filters()).keySet()) {
            sql.append(" and lower(").append(alias).append(column).append(") = lower(:").append(column).append(")");
        }
        return sql.toString();
    }

    private static List<String> key(Object[] row, int first, int size) {
        List<String> key = new ArrayList<>(size);
        for (int i = first; i < first + size; i++) {
            String v = (String) row[i];
            key.add(v == null || v.isEmpty() ? null : v);
        }
        return key;
    }

    private static long count(Object[] f, int i) {
        return f == null || f[i] == null ? 0 : ((Number) f[i]).longValue();
    }

    private static BigDecimal amount(Object[] f, int i) {
        return f == null || f[i] == null ? BigDecimal.ZERO : new BigDecimal(f[i].toString());
    }
}
