package org.landfall.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The figures the stack is held to (CPU per signing, intake, freshness, reports, replay, start, memory, rest), each
 * held to its goal and shown beside its anchor (a figure of the same machine in the same run, where one exists),
 * computed from the harness's results. A figure the run did not measure reads
 * "?" and is not met.
 */
final class Goals {

    /** A figure, the goal it is held to, what the run measured, its anchor ("" for none), and whether it met it. */
    record Goal(String figure, String goal, String measured, String anchor, boolean met) {
    }

    static final double CPU_PER_SIGNING_MS = 3;
    static final int INTAKE_CONCURRENCY = 32;
    static final double INTAKE_PER_SECOND = 600;
    static final double INTAKE_P99_MS = 100;
    static final double LAG_SECONDS = 2;
    static final double FRESHNESS_P99_MS = 250;
    static final double AS_OF_P99_MS = 100;
    static final double LATEST_P99_MS = 20;
    static final long REPORT_PROJECTS = 1_000_000;
    static final double REPLAY_PER_SECOND = 50_000;
    static final double START_SECONDS = 2;
    static final double RSS_MB = 250;
    static final double REST_PERCENT = 2;
    /** The consumer groups whose lag the intake goal holds to 0 after its step (intake's own consumes status's updates). */
    static final List<String> CONSUMERS = List.of("project-status", "reporting");

    private final Properties p;

    private Goals(Properties p) {
        this.p = p;
    }

    static List<Goal> of(Properties p) {
        Goals g = new Goals(p);
        List<Goal> goals = new ArrayList<>();
        goals.add(g.cpuPerSigning());
        goals.add(g.intake());
        goals.add(g.freshness());
        goals.add(g.reports("asOf", AS_OF_P99_MS));
        goals.add(g.reports("latest", LATEST_P99_MS));
        goals.add(g.replay());
        for (String s : Benchmark.SERVICES) {
            goals.add(g.service(s));
        }
        goals.add(g.rest());
        return goals;
    }

    /** CPU milliseconds per accepted signing of every process of the stack, summed. */
    Goal cpuPerSigning() {
        Map<String, Double> each = prefixed("cpu.per-signing.ms.");
        double sum = each.isEmpty() ? Double.NaN : each.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Goal("CPU per signing, whole stack", "<= " + number(CPU_PER_SIGNING_MS) + " ms",
                String.format(Locale.ROOT, "%.2f ms", sum),
                "a pgbench insert: " + v("pgbench.cpu.ms") + " ms of PostgreSQL's CPU", sum <= CPU_PER_SIGNING_MS);
    }

    /** Intake at concurrency 32 while status and reporting consume, and their lag back to 0 after the step. */
    Goal intake() {
        String k = "intake." + INTAKE_CONCURRENCY;
        double rate = at(v(k + ".per-second"));
        double p99 = at(v(k + ".p99.ms"));
        StringBuilder lags = new StringBuilder();
        boolean caughtUp = true;
        for (String group : CONSUMERS) {
            double seconds = at(v(k + ".lag.seconds." + group));
            caughtUp &= seconds <= LAG_SECONDS;
            lags.append(", ").append(group).append("'s lag 0 after ").append(v(k + ".lag.seconds." + group)).append(" s");
        }
        return new Goal("intake at concurrency " + INTAKE_CONCURRENCY + ", status and reporting consuming",
                ">= " + number(INTAKE_PER_SECOND) + "/s, p99 <= " + number(INTAKE_P99_MS) + " ms, consumers' lag 0 within "
                        + number(LAG_SECONDS) + " s of the step's end",
                v(k + ".per-second") + "/s, p99 " + v(k + ".p99.ms") + " ms" + lags,
                ratio(v(k + ".per-second"), v("pgbench." + INTAKE_CONCURRENCY + ".per-second")) + " x pgbench's "
                        + v("pgbench." + INTAKE_CONCURRENCY + ".per-second") + " inserts/s",
                rate >= INTAKE_PER_SECOND && p99 <= INTAKE_P99_MS && caughtUp && at(v(k + ".failed")) == 0);
    }

    Goal freshness() {
        String k = "freshness.300";
        return new Goal("freshness at 300 writes/s", "p99 <= " + number(FRESHNESS_P99_MS) + " ms",
                "p99 " + v(k + ".p99.ms") + " ms of the " + v(k + ".seen") + " writes seen of " + v(k + ".accepted"), "",
                at(v(k + ".p99.ms")) <= FRESHNESS_P99_MS && v(k + ".seen").equals(v(k + ".accepted")));
    }

    /** The worst p99 of the report queries of one vintage; met only on a read model of 1M projects or more. */
    Goal reports(String vintage, double maxP99) {
        int n = (int) at(v("report.queries"));
        double worst = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (vintage.equals(v("report." + i + ".vintage"))) {
                double p99 = at(v("report." + i + ".p99.ms"));
                worst = Double.isNaN(worst) ? p99 : Math.max(worst, p99);
            }
        }
        double projects = at(v("report.projects"));
        boolean enough = projects >= REPORT_PROJECTS;
        return new Goal(vintage + " report, every groupBy, at 1M projects", "p99 <= " + number(maxP99) + " ms",
                String.format(Locale.ROOT, "worst p99 %.2f ms at %s projects", worst, v("report.projects"))
                        + (enough || Double.isNaN(projects) ? "" : " (fewer than 1M projects in the read model)"),
                "", worst <= maxP99 && enough);
    }

    Goal replay() {
        boolean complete = Boolean.parseBoolean(v("replay.complete"));
        return new Goal("replay of the " + v("replay.events") + "-event log into an empty read model",
                "whole log inside the budget, >= " + number(REPLAY_PER_SECOND) + " events/s",
                v("replay.per-second") + " events/s, " + (complete ? "complete in " + v("replay.seconds") + " s"
                        : "incomplete: " + v("replay.applied") + " applied in " + v("replay.seconds") + " s"),
                ratio(v("replay.per-second"), v("kafka.consumer.per-second")) + " x Kafka's consumer ("
                        + v("kafka.consumer.per-second") + " records/s)",
                complete && at(v("replay.per-second")) >= REPLAY_PER_SECOND);
    }

    /** Started alone while the other two run; resident at rest, under intake's load, and (reporting) during the replay. */
    Goal service(String s) {
        boolean replays = "reporting".equals(s);
        String memory = v("rss.rest.mb." + s) + " MB at rest, " + v("rss.load.mb." + s) + " MB under load"
                + (replays ? ", " + v("rss.replay.mb.reporting") + " MB during the replay" : "");
        boolean met = at(v("start.alone.seconds." + s)) <= START_SECONDS && at(v("rss.rest.mb." + s)) <= RSS_MB
                && at(v("rss.load.mb." + s)) <= RSS_MB && (!replays || at(v("rss.replay.mb.reporting")) <= RSS_MB);
        return new Goal(s + ": start, resident memory", "<= " + number(START_SECONDS) + " s, <= " + number(RSS_MB) + " MB",
                "started in " + v("start.alone.seconds." + s) + " s alone (" + v("start.together.seconds." + s)
                        + " s three at once), " + memory, "", met);
    }

    /** CPU of every process while nothing asked anything, as a share of one core: in all, and each. */
    Goal rest() {
        Map<String, Double> each = prefixed("rest.cpu.percent.");
        double sum = each.isEmpty() ? Double.NaN : each.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder measured = new StringBuilder(String.format(Locale.ROOT, "%.2f %% in all", sum));
        each.forEach((process, percent) -> measured.append(String.format(Locale.ROOT, ", %s %.2f %%", process, percent)));
        return new Goal("the whole stack at rest (no request for " + v("rest.seconds") + " s)",
                "<= " + number(REST_PERCENT) + " % of one core in all, freshness goal still met", measured.toString(), "",
                sum <= REST_PERCENT && freshness().met());
    }

    private Map<String, Double> prefixed(String prefix) {
        Map<String, Double> out = new TreeMap<>();
        p.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .forEach(key -> out.put(key.substring(prefix.length()), at(p.getProperty(key))));
        return out;
    }

    private String v(String key) {
        return p.getProperty(key, "?");
    }

    static double at(String number) {
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String ratio(String figure, String anchor) {
        double r = at(figure) / at(anchor);
        return Double.isNaN(r) ? "?" : String.format(Locale.ROOT, "%.2f", r);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%,d", (long) d) : String.valueOf(d);
    }
}
