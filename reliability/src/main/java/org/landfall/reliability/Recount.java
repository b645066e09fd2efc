package org.landfall.reliability;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The quarterly figures, recomputed from intake's contracts and status's updates by walking each project through
 * the quarters, as a statistician with the two tables would: at each quarter's last day, what stage is the
 * project in and what are its cumulative figures? Deliberately written apart from reporting's derivation (which
 * versions contributions by recorded time): two computations that agree are the check.
 */
public final class Recount {

    static final List<String> STAGES = List.of("SIGNED", "STARTED", "OPERATIONAL", "SUSPENDED", "CANCELLED");
    private static final List<String> ENTERED = List.of("started", "operational", "suspended", "cancelled");

    private Recount() {
    }

    /** Every figure of every row (all groupings) up to {@code lastQuarter}; absent figures are zero. */
    public static Map<RowKey, Map<String, BigDecimal>> figures(Upstream.Tables tables, int lastQuarter) {
        Map<UUID, List<Upstream.Update>> byProject = new HashMap<>();
        for (Upstream.Update u : tables.updates()) {
            byProject.computeIfAbsent(u.projectId(), k -> new ArrayList<>()).add(u);
        }
        Map<RowKey, Map<String, BigDecimal>> rows = new HashMap<>();
        for (Upstream.Contract c : tables.contracts()) {
            project(c, byProject.getOrDefault(c.id(), List.of()), lastQuarter, rows);
        }
        return rows;
    }

    private static void project(Upstream.Contract c, List<Upstream.Update> unordered, int lastQuarter,
                                Map<RowKey, Map<String, BigDecimal>> rows) {
        // In the order the facts hold: by the date they became true, then as recorded (the later report wins).
        List<Upstream.Update> updates = unordered.stream()
                .sorted(Comparator.comparing(Upstream.Update::effectiveOn).thenComparing(Upstream.Update::recordedAt)
                        .thenComparingLong(Upstream.Update::seq))
                .toList();
        int signedQuarter = Quarters.of(c.signedOn());
        int first = signedQuarter;
        Map<String, Integer> entered = new HashMap<>();
        for (Upstream.Update u : updates) {
            first = Math.min(first, Quarters.of(u.effectiveOn()));
            if (u.stage() != null) {
                entered.putIfAbsent(u.stage().toLowerCase(java.util.Locale.ROOT), Quarters.of(u.effectiveOn()));
            }
        }
        String stage = "SIGNED";
        BigDecimal investment = BigDecimal.ZERO;
        long jobs = 0;
        int next = 0;
        for (int q = first; q <= lastQuarter; q++) {
            LocalDate end = Quarters.lastDay(q);
            BigDecimal investmentBefore = investment;
            long jobsBefore = jobs;
            for (; next < updates.size() && !updates.get(next).effectiveOn().isAfter(end); next++) {
                Upstream.Update u = updates.get(next);
                stage = u.stage() != null ? u.stage() : stage;
                investment = u.investmentCompleted() != null ? u.investmentCompleted() : investment;
                jobs = u.jobsCreated() != null ? u.jobsCreated() : jobs;
            }
            Map<String, BigDecimal> f = new TreeMap<>();
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
            f.put("jobsCreated", BigDecimal.valueOf(jobs - jobsBefore));
            if (q >= signedQuarter) {
                f.put("endOfQuarter." + stage, BigDecimal.ONE);
            }
            for (RowKey key : RowKey.all(q, c)) {
                Map<String, BigDecimal> row = rows.computeIfAbsent(key, k -> new TreeMap<>());
                f.forEach((name, value) -> row.merge(name, value, BigDecimal::add));
            }
        }
    }
}
