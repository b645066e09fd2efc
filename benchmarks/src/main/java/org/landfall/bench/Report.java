package org.landfall.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** docs/benchmarks.md: every figure beside its anchor on the same machine, as a ratio, and the goal it is held to. */
final class Report {

    private final Properties p;
    private final StringBuilder md = new StringBuilder();
    private final List<String> goals = new ArrayList<>();

    private Report(Properties p) {
        this.p = p;
    }

    static String markdown(Properties p) {
        return new Report(p).render();
    }

    private String render() {
        String intake = intake();
        String freshness = freshness();
        String replay = replay();
        String queries = queries();
        String services = services();
        md.append("# Benchmarks\n\n")
                .append("Written by `./landfall bench` (the harness in `benchmarks/`); do not edit by hand. ")
                .append("Each figure stands beside its anchor, measured in the same run on the same machine: ")
                .append("`pgbench` single-row inserts on the same PostgreSQL, Kafka's `ProducerPerformance` and ")
                .append("`ConsumerPerformance` on the same broker.\n\n")
                .append("Machine: ").append(v("machine.cores")).append(" cores, ").append(v("machine.cpu")).append(", ")
                .append(v("machine.memory")).append("; ").append(v("machine.java")).append("; ").append(v("machine.postgres"))
                .append("; Kafka 4.1.2 (KRaft, one node). Run ").append(v("machine.date")).append(", ")
                .append(v("settings.seconds")).append(" s per step, the three services, the broker, PostgreSQL and the ")
                .append("load generator all on this machine; the whole run took ").append(v("run.seconds"))
                .append(" s, of which ").append(v("build.seconds")).append(" s of build. The services ran with `")
                .append(v("settings.jvm")).append("` and the AppCDS archive of a first run after the build ")
                .append("(`-XX:SharedArchiveFile`, see `start_service` in `landfall`) for: ")
                .append(v("settings.appcds").isBlank() ? "none" : v("settings.appcds")).append(".\n\n")
                .append("## Goals\n\n| goal | measured | met |\n|---|---|---|\n");
        goals.forEach(md::append);
        md.append(intake).append(freshness).append(replay).append(queries).append(services).append(Replicas.markdown(p));
        return md.toString();
    }

    private String intake() {
        StringBuilder s = new StringBuilder("\n## Intake: contracts per second (closed loop)\n\n")
                .append("Each client posts a contract, waits for the 201, posts the next; pgbench inserts one row per ")
                .append("transaction with as many clients.\n\n")
                .append("| concurrency | contracts/s | p50 ms | p99 ms | max ms | failed | pgbench inserts/s | ratio | goal |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (int c : Benchmark.CONCURRENCY) {
            String k = "intake." + c;
            String ratio = ratio(v(k + ".per-second"), v("pgbench." + c + ".per-second"));
            boolean met = at(ratio) >= 0.5 && at(v(k + ".p99.ms")) <= 50;
            s.append(row(String.valueOf(c), v(k + ".per-second"), v(k + ".p50.ms"), v(k + ".p99.ms"), v(k + ".max.ms"),
                    v(k + ".failed"), v("pgbench." + c + ".per-second"), ratio, ">= 0.5, p99 <= 50 ms"));
            goal("intake at concurrency " + c + ": >= 0.5 x pgbench at p99 <= 50 ms",
                    ratio + " x pgbench, p99 " + v(k + ".p99.ms") + " ms", met);
        }
        s.append("\nWhere the two cores go: CPU milliseconds one accepted signing cost each process during the step at ")
                .append("concurrency 32 (and the 3 s after it, while status and reporting consume its events); a bare ")
                .append("pgbench insert costs PostgreSQL a fraction of a millisecond.\n\n| process | CPU ms per signing |\n|---|---|\n");
        p.stringPropertyNames().stream().filter(key -> key.startsWith("cpu.per-signing.ms.")).sorted()
                .forEach(key -> s.append("| ").append(key.substring("cpu.per-signing.ms.".length())).append(" | ")
                        .append(v(key)).append(" |\n"));
        return s.toString();
    }

    private String freshness() {
        StringBuilder s = new StringBuilder("\n## Freshness: accepted write to its row in the quarterly report (open loop)\n\n")
                .append("Each write is a contract signed yesterday in a city of its own (province `").append(Http.PROVINCE)
                .append("`); the time runs from its 201 to the event of reporting's live stream (`/api/reports/stream`) ")
                .append("for its row. Before each rate the harness waits until intake's and status's outboxes are empty ")
                .append("and reporting's consumer group has committed the end of both topics (\"catch-up\" below), so ")
                .append("that a rate does not measure the backlog of the step before it. When reporting ends the stream ")
                .append("the harness opens it again (\"stream ended\"); what it announced meanwhile is lost, so \"seen\" ")
                .append("can be lower than \"in report\", the writes the quarterly report shows at the end. The ")
                .append("percentiles are those of the writes seen.\n\n")
                .append("| writes/s | sent | accepted | seen in stream | in report | stream ended | p50 ms | p99 ms | max ms ")
                .append("| catch-up before s | goal |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int r : Benchmark.RATES) {
            String k = "freshness." + r;
            String lag = v(k + ".catch-up.lag");
            s.append(row(String.valueOf(r), v(k + ".sent"), v(k + ".accepted"), v(k + ".seen"), v(k + ".in-report"),
                    v(k + ".stream-breaks"), v(k + ".p50.ms"), v(k + ".p99.ms"), v(k + ".max.ms"),
                    v(k + ".catch-up.seconds") + ("0".equals(lag) ? "" : " (lag " + lag + " left)"),
                    r == 300 ? "p99 <= 250 ms" : ""));
        }
        String k = "freshness.300";
        goal("freshness at 300 writes/s: p99 <= 250 ms", "p99 " + v(k + ".p99.ms") + " ms of the " + v(k + ".seen")
                + " writes seen of " + v(k + ".accepted"), at(v(k + ".p99.ms")) <= 250 && v(k + ".seen").equals(v(k + ".accepted")));
        return s.toString();
    }

    private String replay() {
        boolean complete = Boolean.parseBoolean(v("replay.complete"));
        String ratio = ratio(v("replay.per-second"), v("kafka.consumer.per-second"));
        long loaded = (long) at(v("log.events"));
        long events = (long) at(v("replay.events"));
        StringBuilder s = new StringBuilder("\n## Reporting replay: rebuilding the read model from the log\n\n")
                .append("The log: ").append(v("log.projects")).append(" synthetic projects (seed ").append(v("log.seed"))
                .append(") with ").append(v("log.events")).append(" events, written straight into the topics in ")
                .append(v("log.seconds")).append(" s (").append(perSecond(v("log.events"), v("log.seconds")))
                .append(" events/s), plus the ").append(events - loaded).append(" events of the steps above. These ")
                .append("projects exist only in the log: intake and status are stopped before it is written and never ")
                .append("see them. Each is signed in one of ").append(Geography.PROVINCES.size()).append(" provinces (")
                .append(Geography.PROVINCES.stream().mapToInt(g -> g.cities().size()).sum()).append(" cities, ")
                .append(Geography.PROVINCES.stream().flatMap(g -> g.cities().stream()).mapToInt(c -> c.districts().size())
                        .sum()).append(" districts) and one of ")
                .append("intake's 13 sectors between 2019-01-01 and yesterday, has a contract value in yuan to the fen ")
                .append("and planned jobs, sometimes a correction, and a lifecycle that status's state machine accepts ")
                .append("with cumulative figures that never decrease; each event carries the CloudEvents headers of the ")
                .append("outbox relay, keyed by project.\n\n")
                .append("Reporting is stopped, its database recreated (as `./landfall rebuild-reports` does), the log ")
                .append("written, and reporting started: the time runs from its start command. \"Applied\" is reporting's ")
                .append("own count of events whose batch committed (`landfall_events_consumed_total`), polled every 0.5 s ")
                .append("and confirmed by its consumer group's committed offsets reaching the end offsets of both topics ")
                .append(complete ? "(they did " + v("replay.offsets.seconds") + " s after the start; " : "(")
                .append("the throttled commits follow within 5 s). The watch stops at ").append(v("replay.max-seconds"))
                .append(" s (`-Dbench.replay.max-seconds`, by default what is left of the 15-minute budget).\n\n");
        if (!complete) {
            double rate = at(v("replay.per-second"));
            s.append("**Not complete: the time limit stopped the replay after ").append(v("replay.seconds"))
                    .append(" s with ").append(v("replay.applied")).append(" of ").append(events).append(" events applied (")
                    .append(String.format(Locale.ROOT, "%.1f", 100 * at(v("replay.applied")) / events))
                    .append(" %). At that average rate the whole log would take about ")
                    .append(String.format(Locale.ROOT, "%.0f", events / rate)).append(" s.** The figures below are ")
                    .append("those of the part applied; reporting was then stopped (it applied a little more while ")
                    .append("stopping) and its consumer group moved to the end of the log, so the report queries run on ")
                    .append("what it had applied.\n\n");
        }
        s.append("| events in log | applied | seconds (start included) | seconds (after start) | events/s | events/s ")
                .append("(start included) | Kafka consumer records/s | ratio | goal |\n|---|---|---|---|---|---|---|---|---|\n")
                .append(row(String.valueOf(events), v("replay.applied") + (complete ? "" : " (time limit)"),
                        v("replay.seconds"), String.format(Locale.ROOT, "%.2f", at(v("replay.seconds"))
                                - at(v("replay.ready.seconds"))), v("replay.per-second"), v("replay.with-start.per-second"),
                        v("kafka.consumer.per-second"), ratio, ">= 0.3"))
                .append("\nKafka's own tools on this broker, with Landfall's events as records (the payloads of the first ")
                .append("2,000 synthetic projects, ").append(v("kafka.record.bytes")).append(" bytes on average; the tools ")
                .append("send no key and no headers): producer ").append(v("kafka.producer.per-second"))
                .append(" records/s, consumer ").append(v("kafka.consumer.per-second"))
                .append(" records/s once fetching (").append(v("kafka.consumer.with-join.per-second"))
                .append(" counting its group join). Reporting started in ").append(v("replay.ready.seconds"))
                .append(" s and reached ").append(v("rss.replay.mb.reporting")).append(" MB resident during the replay.\n");
        goal("replay: >= 0.3 x Kafka's consumer", ratio + " x (" + v("replay.per-second") + " events/s)"
                + (complete ? "" : ", incomplete"), at(ratio) >= 0.3);
        return s.toString();
    }

    private String queries() {
        StringBuilder s = new StringBuilder("\n## Report queries\n\n")
                .append("On reporting's read model after the replay: ").append(v("report.projects"))
                .append(" projects and ").append(v("report.events")).append(" events applied (its ledger). The dashboard's ")
                .append("mix, one query after another: the last eight full quarters (`").append(v("report.range"))
                .append("`), nationwide grouped by nothing, by province and by sector; the cities of the province that ")
                .append("signs the most; the districts of its largest city; each for the latest figures and as of ")
                .append(v("report.as-of")).append(" (two weeks after the fourth of those quarters ended). Each runs ")
                .append("up to ").append(v("report.max-queries")).append(" times or for ").append(v("report.max-seconds"))
                .append(" s, whichever ends first (`-Dbench.queries`, `-Dbench.query.seconds`), after one warm-up query ")
                .append("that also counts the rows.\n\n")
                .append("| query | filters | vintage | rows | queries | p50 ms | p99 ms | max ms | goal |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        int n = (int) at(v("report.queries"));
        double worst = 0;
        for (int i = 0; i < n; i++) {
            String k = "report." + i;
            worst = Math.max(worst, at(v(k + ".p99.ms")));
            s.append(row(v(k + ".name") + " (groupBy " + v(k + ".group-by") + ")", v(k + ".filters"), v(k + ".vintage"),
                    v(k + ".rows"), v(k + ".count"), v(k + ".p50.ms"), v(k + ".p99.ms"), v(k + ".max.ms"),
                    "p99 <= 20 ms at 1M projects"));
        }
        goal("report queries: p99 <= 20 ms at 1M projects", String.format(Locale.ROOT, "worst p99 %.2f ms at %s projects",
                worst, v("report.projects")), worst <= 20 && at(v("report.projects")) >= 1_000_000);
        return s.toString();
    }

    private String services() {
        StringBuilder s = new StringBuilder("\n## Services: start and memory\n\n")
                .append("| service | started in s, three at once | started in s, alone | ready s, alone | CPU s to ready | ")
                .append("RSS at rest MB | RSS under intake load MB | goal |\n|---|---|---|---|---|---|---|---|\n");
        for (String sv : Benchmark.SERVICES) {
            s.append(row(sv, v("start.together.seconds." + sv), v("start.alone.seconds." + sv),
                    v("start.alone.ready.seconds." + sv), v("start.alone.cpu." + sv), v("rss.rest.mb." + sv),
                    v("rss.load.mb." + sv), "<= 2 s, <= 250 MB"));
            goal(sv + ": <= 2 s to start, <= 250 MB resident", v("start.alone.seconds." + sv) + " s alone, "
                    + v("rss.rest.mb." + sv) + " MB at rest, " + v("rss.load.mb." + sv) + " MB under load",
                    at(v("start.alone.seconds." + sv)) <= 2 && at(v("rss.rest.mb." + sv)) <= 250
                            && at(v("rss.load.mb." + sv)) <= 250);
        }
        s.append("\n\"Started in\" is Quarkus's own figure. \"Three at once\" is `./landfall up` starting them together ")
                .append("on two cores; \"alone\" restarts each in turn while the other two run, and adds the wall time ")
                .append("from the start command to `/q/health/ready` and the CPU time the process had used by then. ")
                .append("Memory is the resident set (VmRSS): at rest 3 s after that start, and during the intake load ")
                .append("at concurrency 32. Reporting reached ").append(v("rss.replay.mb.reporting"))
                .append(" MB during the replay and held ").append(v("report.rss.mb")).append(" MB after the report queries.\n");
        return s.toString();
    }

    private void goal(String goal, String measured, boolean met) {
        goals.add(row(goal, measured, met ? "yes" : "**no**"));
    }

    private String v(String key) {
        return p.getProperty(key, "?");
    }

    private static double at(String number) {
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String perSecond(String count, String seconds) {
        return String.format(Locale.ROOT, "%.0f", at(count) / at(seconds));
    }

    private static String ratio(String figure, String anchor) {
        double r = at(figure) / at(anchor);
        return Double.isNaN(r) ? "?" : String.format(Locale.ROOT, "%.2f", r);
    }
}
