package org.landfall.reliability;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The quarterly figures, recomputed from intake's contracts, plans and targets and status's updates by walking
 * each project through the quarters, as a statistician with the tables would: at each quarter's last day, what
 * stage is the project in, what are its cumulative figures, what did it plan for the year? The year blocks (year
 * to date, year on year, rates, target completion) are then read off each group's quarters. Deliberately written
 * apart from reporting's derivation (which versions contributions by recorded time and derives the blocks from
 * stored sums): two computations that agree are the check.
 */
public final class Recount {

    private static final List<String> ENTERED = List.of("started", "operational", "suspended", "cancelled");

    /** The flows a row sums over the year to date, by their name in {@code ytd} and {@code yoy}: the row figure summed. */
    static final Map<String, String> YEAR_FLOWS = new LinkedHashMap<>();

    static {
        YEAR_FLOWS.put("signedCount", "signed.count");
        YEAR_FLOWS.put("signedValue", "signed.contractValue");
        YEAR_FLOWS.put("starts", "started.count");
        YEAR_FLOWS.put("operational", "operational.count");
        YEAR_FLOWS.put("investmentCompleted", "investmentCompleted");
        YEAR_FLOWS.put("fundsInPlace", "fundsInPlace");
        YEAR_FLOWS.put("jobsCreated", "jobsCreated");
    }

    /** The year-to-date figures a place may set an annual target for (operational entries have none). */
    static final List<String> TARGETED = List.of("signedCount", "signedValue", "starts", "investmentCompleted", "jobsCreated");

    // What the rates divide, counted per project and quarter like the figures but not shown in a row.
    private static final String STARTS_MET = "startsMet", PLANNED_DONE = "plannedInvestmentDone", DUE = "due",
            DUE_STARTED = "dueStarted";
    private static final Set<String> UNSHOWN = Set.of(STARTS_MET, PLANNED_DONE, DUE, DUE_STARTED);

    /**
     * A row of one selection's grouping: its quarters are rows of the report. {@code place}: the place levels the
     * grouping shows, as targets compare places ("" below them).
     */
    private record Series(Selection selection, String groupBy, List<String> group, List<String> place) {
    }

    private Recount() {
    }

    /** The figures that are null where the row cannot say them (no base year, no divisor, no target); others are 0. */
    static boolean nullable(String figure) {
        return figure.startsWith("yoy.") || figure.startsWith("rates.") || figure.startsWith("targetCompletion.");
    }

    /** The earliest quarter of any fact (a signing, an update, a plan's year, a planned start), at most {@code last}. */
    static int firstQuarter(Upstream.Tables tables, int last) {
        int first = last;
        for (Upstream.Contract c : tables.contracts()) {
            first = Math.min(first, Quarters.of(c.signedOn()));
            if (c.plannedStartOn() != null) {
                first = Math.min(first, Quarters.of(c.plannedStartOn()));
            }
        }
        for (Upstream.Update u : tables.updates()) {
            first = Math.min(first, Quarters.of(u.effectiveOn()));
        }
        for (Upstream.Plan p : tables.plans()) {
            first = Math.min(first, p.year() * 4);
        }
        return first;
    }

    /**
     * Every figure of every row of quarters {@code first}..{@code last} of each selection's groupings, as the
     * report has them: with groupBy none a row for every quarter, otherwise a row for every quarter of each group
     * with any figure in the range. An absent figure is 0 (null if {@link #nullable}).
     */
    public static Map<RowKey, Map<String, BigDecimal>> figures(Upstream.Tables tables, List<Selection> selections,
                                                               int first, int last) {
        Map<UUID, List<Upstream.Update>> updates = new HashMap<>();
        for (Upstream.Update u : tables.updates()) {
            updates.computeIfAbsent(u.projectId(), k -> new ArrayList<>()).add(u);
        }
        Map<UUID, Map<Integer, Upstream.Plan>> plans = new HashMap<>();
        for (Upstream.Plan p : tables.plans()) {
            plans.computeIfAbsent(p.projectId(), k -> new TreeMap<>()).merge(p.year(), p, (a, b) -> a.seq() > b.seq() ? a : b);
        }
        Map<Series, TreeMap<Integer, Map<String, BigDecimal>>> series = new HashMap<>();
        for (Selection s : selections) {
            if (s.groupings().contains("none")) {
                series.put(new Series(s, "none", List.of(), List.of("", "", "")), new TreeMap<>());
            }
        }
        for (Upstream.Contract c : tables.contracts()) {
            Map<Integer, Map<String, BigDecimal>> own = project(c, updates.getOrDefault(c.id(), List.of()),
                    plans.getOrDefault(c.id(), Map.of()).values(), first, last);
            for (Selection s : selections) {
                if (!s.counts(c)) {
                    continue;
                }
                for (String groupBy : s.groupings()) {
                    TreeMap<Integer, Map<String, BigDecimal>> rows = series.computeIfAbsent(new Series(s, groupBy,
                            RowKey.group(groupBy, c), grouped(groupBy, c.located())), k -> new TreeMap<>());
                    own.forEach((q, f) -> {
                        Map<String, BigDecimal> row = rows.computeIfAbsent(q, k -> new HashMap<>());
                        f.forEach((name, value) -> row.merge(name, value, BigDecimal::add));
                    });
                }
            }
        }
        // The latest set of each place and year, however each set spelt the place.
        Map<List<Object>, Upstream.Target> targets = new HashMap<>();
        for (Upstream.Target t : tables.targets()) {
            targets.merge(List.of(t.year(), t.place()), t, (a, b) -> a.seq() > b.seq() ? a : b);
        }
        Map<RowKey, Map<String, BigDecimal>> rows = new HashMap<>();
        series.forEach((s, byQuarter) -> {
            boolean shown = s.groupBy().equals("none") || byQuarter.values().stream()
                    .anyMatch(f -> f.values().stream().anyMatch(v -> v.signum() != 0));
            if (!shown) {
                return;
            }
            List<String> place = place(s.selection(), s.groupBy(), s.place());
            for (int q = first; q <= last; q++) {
                Upstream.Target target = place == null ? null : targets.get(List.of(Math.floorDiv(q, 4), place));
                rows.put(new RowKey(s.selection().label(), s.groupBy(), s.group(), q),
                        row(byQuarter, q, target == null ? null : target.goals()));
            }
        });
        return rows;
    }

    /**
     * One project's figures by quarter, within {@code first}..{@code last}: its flows and stage at each quarter's
     * end from its first fact on, its plan in every quarter of a planned year, and whether it was due to start
     * (and started) by each quarter's end.
     */
    private static Map<Integer, Map<String, BigDecimal>> project(Upstream.Contract c, List<Upstream.Update> unordered,
            Collection<Upstream.Plan> plans, int first, int last) {
        // In the order the facts hold: by the date they became true, then as recorded (the later report wins).
        List<Upstream.Update> updates = unordered.stream()
                .sorted(Comparator.comparing(Upstream.Update::effectiveOn).thenComparing(Upstream.Update::recordedAt)
                        .thenComparingLong(Upstream.Update::seq))
                .toList();
        int signedQuarter = Quarters.of(c.signedOn());
        int walkFrom = signedQuarter;
        Map<String, Integer> entered = new HashMap<>();
        for (Upstream.Update u : updates) {
            walkFrom = Math.min(walkFrom, Quarters.of(u.effectiveOn()));
            if (u.stage() != null) {
                entered.putIfAbsent(u.stage().toLowerCase(Locale.ROOT), Quarters.of(u.effectiveOn()));
            }
        }
        Integer firstStart = entered.get("started");
        Map<Integer, Map<String, BigDecimal>> out = new TreeMap<>();
        Map<Integer, String> stageAtEnd = new HashMap<>();
        Map<Integer, BigDecimal> investedAtEnd = new HashMap<>();
        String stage = "SIGNED";
        BigDecimal investment = BigDecimal.ZERO, funds = BigDecimal.ZERO;
        long jobs = 0;
        int next = 0;
        for (int q = walkFrom; q <= last; q++) {
            LocalDate end = Quarters.lastDay(q);
            BigDecimal investmentBefore = investment, fundsBefore = funds;
            long jobsBefore = jobs;
            for (; next < updates.size() && !updates.get(next).effectiveOn().isAfter(end); next++) {
                Upstream.Update u = updates.get(next);
                stage = u.stage() != null ? u.stage() : stage;
                investment = u.investmentCompleted() != null ? u.investmentCompleted() : investment;
                funds = u.fundsInPlace() != null ? u.fundsInPlace() : funds;
                jobs = u.jobsCreated() != null ? u.jobsCreated() : jobs;
            }
            investedAtEnd.put(q, investment);
            Map<String, BigDecimal> f = at(out, q);
            if (q == signedQuarter) {
                f.put("signed.count", BigDecimal.ONE);
                f.put("signed.contractValue", c.contractValue());
                f.put("signed.plannedJobs", BigDecimal.valueOf(c.plannedJobs()));
            }
            for (String s : ENTERED) {
                if (Integer.valueOf(q).equals(entered.get(s))) {
                    f.put(s + ".count", BigDecimal.ONE);
                    f.put(s + ".contractValue", c.contractValue());
                }
            }
            f.put("investmentCompleted", investment.subtract(investmentBefore));
            f.put("fundsInPlace", funds.subtract(fundsBefore));
            f.put("jobsCreated", BigDecimal.valueOf(jobs - jobsBefore));
            // A project has a stage from its signing on.
            if (q >= signedQuarter) {
                stageAtEnd.put(q, stage);
                f.put("endOfQuarter." + stage, BigDecimal.ONE);
            }
        }
        for (Upstream.Plan plan : plans) {
            int firstOfYear = plan.year() * 4;
            BigDecimal investedBefore = investedAtEnd.getOrDefault(firstOfYear - 1, BigDecimal.ZERO);
            for (int q = Math.max(first, firstOfYear); q <= Math.min(last, firstOfYear + 3); q++) {
                Map<String, BigDecimal> f = at(out, q);
                f.put("planned.count", BigDecimal.ONE);
                f.put("planned.investment", plan.plannedInvestment());
                String stageAtQuarterEnd = stageAtEnd.get(q);
                if ("STARTED".equals(stageAtQuarterEnd) || "OPERATIONAL".equals(stageAtQuarterEnd)) {
                    f.put("planned.started.count", BigDecimal.ONE);
                    f.put("planned.started.investment", plan.plannedInvestment());
                }
                if (plan.startPlanned()) {
                    f.put("planned.starts", BigDecimal.ONE);
                    f.put(STARTS_MET, firstStart != null && firstStart <= q ? BigDecimal.ONE : BigDecimal.ZERO);
                }
                f.put(PLANNED_DONE, investedAtEnd.getOrDefault(q, BigDecimal.ZERO).subtract(investedBefore));
            }
        }
        if (c.plannedStartOn() != null) {
            for (int q = Math.max(first, Quarters.of(c.plannedStartOn())); q <= last; q++) {
                Map<String, BigDecimal> f = at(out, q);
                f.put(DUE, BigDecimal.ONE);
                f.put(DUE_STARTED, firstStart != null && firstStart <= q ? BigDecimal.ONE : BigDecimal.ZERO);
            }
        }
        return out;
    }

    private static Map<String, BigDecimal> at(Map<Integer, Map<String, BigDecimal>> byQuarter, int q) {
        return byQuarter.computeIfAbsent(q, k -> new HashMap<>());
    }

    /** The row of quarter {@code q} of a group: its own figures and the year blocks; {@code goals}: its place's targets. */
    private static Map<String, BigDecimal> row(TreeMap<Integer, Map<String, BigDecimal>> byQuarter, int q,
                                               Map<String, BigDecimal> goals) {
        Map<String, BigDecimal> own = byQuarter.getOrDefault(q, Map.of());
        Map<String, BigDecimal> row = new TreeMap<>();
        own.forEach((name, value) -> {
            if (!UNSHOWN.contains(name)) {
                row.put(name, value);
            }
        });
        int firstOfYear = Math.floorDiv(q, 4) * 4;
        YEAR_FLOWS.forEach((name, figure) -> {
            BigDecimal ytd = sum(byQuarter, firstOfYear, q, figure);
            BigDecimal yearBefore = sum(byQuarter, firstOfYear - 4, q - 4, figure);
            row.put("ytd." + name, ytd);
            row.put("yoy." + name, ratio(ytd.subtract(yearBefore), yearBefore));
            if (TARGETED.contains(name)) {
                BigDecimal goal = goals == null ? null : goals.get(name);
                row.put("targetCompletion." + name, goal == null ? null : ratio(ytd, goal));
            }
        });
        row.put("rates.startRate", ratio(value(own, STARTS_MET), value(own, "planned.starts")));
        row.put("rates.investmentCompletionRate", ratio(value(own, PLANNED_DONE), value(own, "planned.investment")));
        row.put("rates.fulfilmentRate", ratio(value(own, DUE_STARTED), value(own, DUE)));
        return row;
    }

    /**
     * The place a row stands for, as targets are compared ({@link Located.Level#compared}): the levels its grouping
     * shows ({@code grouped}), and the selection's place filters for the levels the grouping lacks; null unless
     * that is one place (a province, or a city or district with its parents).
     */
    static List<String> place(Selection selection, String groupBy, List<String> grouped) {
        int depth = (int) RowKey.columns(groupBy).stream().filter(Located.COLUMNS::contains).count();
        List<String> filtered = selection.place();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Located.COLUMNS.size(); i++) {
            parts.add(i < depth ? grouped.get(i) : filtered.get(i));
        }
        if (parts.get(0).isEmpty() || parts.get(1).isEmpty() && !parts.get(2).isEmpty()) {
            return null;
        }
        return parts;
    }

    /** The place levels a grouping shows of a project at {@code at}, as targets compare them ("" below them). */
    static List<String> grouped(String groupBy, Located at) {
        List<String> columns = RowKey.columns(groupBy);
        List<String> compared = at.compared();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Located.COLUMNS.size(); i++) {
            parts.add(columns.contains(Located.COLUMNS.get(i)) ? compared.get(i) : "");
        }
        return parts;
    }

    private static BigDecimal sum(TreeMap<Integer, Map<String, BigDecimal>> byQuarter, int from, int to, String figure) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, BigDecimal> f : byQuarter.subMap(from, true, to, true).values()) {
            sum = sum.add(value(f, figure));
        }
        return sum;
    }

    private static BigDecimal value(Map<String, BigDecimal> figures, String name) {
        return figures.getOrDefault(name, BigDecimal.ZERO);
    }

    /** {@code a / b} as reports write rates: rounded half-even to 4 places; null when {@code b} is 0. */
    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.divide(b, 4, RoundingMode.HALF_EVEN);
    }
}
