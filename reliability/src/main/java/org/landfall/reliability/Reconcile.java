package org.landfall.reliability;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the figures reporting serves (latest vintage) with figures recomputed from intake's and status's own
 * databases, for every quarter from the earliest fact to the current one: every grouping (none, province, city,
 * district, sector, park) of all projects, of each designation's projects and of those above the value band, each
 * province's projects by its region code, and each place with a target by sector ({@link Selection#of}); places
 * by their GB/T 2260 codes ({@link Located}). Prints how many rows it compared and every
 * difference; exits 1 on any difference.
 *
 * <pre>
 * java -jar reliability/target/reliability.jar --intake-jdbc URL --status-jdbc URL [--db-user U] [--db-password P]
 *      --reporting http://127.0.0.1:8083 --token JWT [--zone Asia/Shanghai]
 * </pre>
 * Run it once the system is quiet (outboxes empty, consumers caught up): a write still on its way is a difference.
 */
public final class Reconcile {

    /** Where to read: the two upstream databases and reporting's API (with an analyst's or admin's token). */
    public record Sources(String intakeJdbc, String statusJdbc, String dbUser, String dbPassword, URI reporting,
                          String token, ZoneId zone) {
    }

    /** A figure of a row on which the two disagree; null where one side says the figure is null. */
    public record Difference(RowKey row, String figure, BigDecimal reported, BigDecimal recomputed) {
        @Override
        public String toString() {
            return row + " " + figure + ": reporting " + plain(reported) + ", recomputed " + plain(recomputed);
        }

        private static String plain(BigDecimal v) {
            return v == null ? "null" : v.toPlainString();
        }
    }

    /** What was compared: rows, their groups, the reports asked (a selection's grouping), what they were built from. */
    public record Result(int rowsCompared, int groups, int reports, int projects, int updates, int plans, int targets,
                         String quarters, List<Difference> differences) {
        public String summary() {
            return "reconcile: compared " + rowsCompared + " rows (" + groups + " groups of " + reports + " reports, quarters "
                    + quarters + ") built from " + projects + " projects, " + updates + " updates, " + plans + " plans and "
                    + targets + " targets: " + differences.size() + (differences.size() == 1 ? " difference" : " differences");
        }
    }

    private Reconcile() {
    }

    public static Result run(Sources s) throws Exception {
        Upstream.Tables tables = Upstream.read(s.intakeJdbc(), s.statusJdbc(), s.dbUser(), s.dbPassword());
        int last = Quarters.of(LocalDate.now(s.zone()));
        int first = Recount.firstQuarter(tables, last);
        List<Selection> selections = Selection.of(tables);
        Map<RowKey, Map<String, BigDecimal>> expected = Recount.figures(tables, selections, first, last);
        Map<RowKey, Map<String, BigDecimal>> reported = new Reports(s.reporting(), s.token()).figures(selections, first, last);
        return compare(expected, reported, tables, selections, Quarters.format(first) + ".." + Quarters.format(last));
    }

    static Result compare(Map<RowKey, Map<String, BigDecimal>> expected, Map<RowKey, Map<String, BigDecimal>> reported,
                          Upstream.Tables tables, List<Selection> selections, String quarters) {
        Set<RowKey> keys = new HashSet<>(expected.keySet());
        keys.addAll(reported.keySet());
        List<Difference> differences = new ArrayList<>();
        Set<List<Object>> groups = new HashSet<>();
        for (RowKey key : keys) {
            groups.add(List.of(key.selection(), key.groupBy(), key.group()));
            Map<String, BigDecimal> e = expected.getOrDefault(key, Map.of());
            Map<String, BigDecimal> r = reported.getOrDefault(key, Map.of());
            for (String figure : new TreeSet<>(union(e.keySet(), r.keySet()))) {
                BigDecimal want = value(e, figure);
                BigDecimal got = value(r, figure);
                if (want == null ? got != null : got == null || want.compareTo(got) != 0) {
                    differences.add(new Difference(key, figure, got, want));
                }
            }
        }
        differences.sort(Comparator.comparingInt((Difference d) -> d.row().quarter())
                .thenComparing(d -> d.row().toString()).thenComparing(Difference::figure));
        int reports = selections.stream().mapToInt(sel -> sel.groupings().size()).sum();
        return new Result(keys.size(), groups.size(), reports, tables.contracts().size(), tables.updates().size(),
                tables.plans().size(), tables.targets().size(), quarters, differences);
    }

    /** A figure of a row; one the row does not have is 0, or null for a figure that may be null. */
    private static BigDecimal value(Map<String, BigDecimal> row, String figure) {
        return row.containsKey(figure) ? row.get(figure) : Recount.nullable(figure) ? null : BigDecimal.ZERO;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args, "reconcile", "--intake-jdbc URL --status-jdbc URL [--db-user U] "
                + "[--db-password P] --reporting URL --token JWT [--zone Asia/Shanghai]",
                List.of("intake-jdbc", "status-jdbc", "reporting", "token"));
        Result result = run(new Sources(o.get("intake-jdbc"), o.get("status-jdbc"), o.getOrDefault("db-user", "landfall"),
                o.getOrDefault("db-password", ""), URI.create(o.get("reporting")), o.get("token"),
                ZoneId.of(o.getOrDefault("zone", "Asia/Shanghai"))));
        result.differences().forEach(d -> System.out.println("difference: " + d));
        System.out.println(result.summary());
        System.exit(result.differences().isEmpty() ? 0 : 1);
    }
}
