package org.landfall.bench;

import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** docs/benchmarks.md: every figure beside its anchor on the same machine, as a ratio, and the goal it is held to. */
final class Report {

    private final Properties p;
    private final StringBuilder md = new StringBuilder();

    private Report(Properties p) {
        this.p = p;
    }

    static String markdown(Properties p) {
        return new Report(p).render();
    }

    private String render() {
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
                .append(" s, of which ").append(v("build.seconds")).append(" s of build. The services ran on ").append(v("settings.service-java")).append(" with `")
                .append(v("settings.jvm")).append("` and the startup archive `").append(v("settings.startup-archive"))
                .append("` of a first run after the build (an AOT cache on JDK 25 or later, else AppCDS; see ")
                .append("`start_service` in `landfall`) for: ")
                .append(v("settings.appcds").isBlank() ? "none" : v("settings.appcds")).append(".\n\n")
                .append("## Goals\n\nEach figure the stack is held to, beside its goal and its anchor (a figure of ")
                .append("the same machine in the same run) where one exists; the sections below say how each was measured.")
                .append("\n\n| figure | goal | measured | anchor | met |\n|---|---|---|---|---|\n");
        for (Goals.Goal g : Goals.of(p)) {
            md.append(row(g.figure(), g.goal(), g.measured(), g.anchor(), g.met() ? "yes" : "**no**"));
        }
        // one section per step, in the order the script runs them
        List.of(intake(), Replicas.markdown(p), freshness(), rest(), replay(), queries(), services()).forEach(md::append);
        return md.toString();
    }

    private String intake() {
        StringBuilder s = new StringBuilder("\n## Intake: contracts per second (closed loop)\n\n")
                .append("Each client posts a contract, waits for the 201, posts the next; pgbench inserts one row per ")
                .append("transaction with as many clients. Before the first step, intake was warmed up for ")
                .append(v("warmup.seconds")).append(" s at concurrency ").append(Goals.INTAKE_CONCURRENCY).append(" (")
                .append(v("warmup.per-second")).append(" contracts/s), not counted.\n\n")
                .append("| concurrency | contracts/s | p50 ms | p99 ms | max ms | failed | pgbench inserts/s | ratio | goal |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (int c : Benchmark.CONCURRENCY) {
            String k = "intake." + c;
            String ratio = ratio(v(k + ".per-second"), v("pgbench." + c + ".per-second"));
            s.append(row(String.valueOf(c), v(k + ".per-second"), v(k + ".p50.ms"), v(k + ".p99.ms"), v(k + ".max.ms"),
                    v(k + ".failed"), v("pgbench." + c + ".per-second"), ratio, c == Goals.INTAKE_CONCURRENCY
                            ? ">= 600/s, p99 <= 100 ms" : ""));
        }
        String k = "intake." + Goals.INTAKE_CONCURRENCY;
        s.append("\nThe step at concurrency ").append(Goals.INTAKE_CONCURRENCY).append(" starts once status and reporting ")
                .append("have consumed everything before it; from its end the harness polls, every 100 ms (the CPU ")
                .append("figures below include what those scrapes of /q/metrics cost), how many of ")
                .append("the events published or still in intake's and status's outboxes each consumer has not yet ")
                .append("applied (its `landfall_events_consumed_total`, counted once a batch has committed), until none. ")
                .append("Lag back to 0 after the step's end: ");
        for (String group : Goals.CONSUMERS) {
            s.append(group).append(" ").append(v(k + ".lag.seconds." + group)).append(" s (")
                    .append(v(k + ".lag.at-end." + group)).append(" events behind at the end); ");
        }
        s.setLength(s.length() - 2);
        s.append(".\n");
        s.append("\nWhere the two cores go: CPU milliseconds one accepted signing cost each process during the step at ")
                .append("concurrency 32 (and the 3 s after it, while status and reporting consume its events); a bare ")
                .append("pgbench insert at as many clients costs PostgreSQL ").append(v("pgbench.cpu.ms")).append(" ms (the ")
                .append("anchor).\n\n| process | CPU ms per signing |\n|---|---|\n");
        double sum = 0;
        for (String key : p.stringPropertyNames().stream().filter(key -> key.startsWith("cpu.per-signing.ms.")).sorted().toList()) {
            s.append(row(key.substring("cpu.per-signing.ms.".length()), v(key)));
            sum += at(v(key));
        }
        s.append(row("**whole stack**", String.format(Locale.ROOT, "**%.2f**", sum)));
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
                .append("can be lower than \"in report\", the writes the quarterly report shows at the end. After the ")
                .append("last write the harness waits up to 30 s (`-Dbench.freshness.grace-seconds`) for the stream to ")
                .append("announce every accepted write, and stops early only once the report shows them all and the ")
                .append("stream has been silent for 3 s: an accepted write missing from \"in report\" did not arrive ")
                .append("within the grace. The percentiles are those of the writes seen.\n\n")
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
        return s.toString();
    }

    private String rest() {
        StringBuilder s = new StringBuilder("\n## The stack at rest\n\n")
                .append("After the load above (intake, pgbench, freshness, Kafka's tools) and ").append(v("rest.settle.seconds"))
                .append(" s to settle, nothing ")
                .append("asks the stack anything for ").append(v("rest.seconds")).append(" s: the CPU each process used ")
                .append("meanwhile (from /proc), as a share of one core. PostgreSQL is all its processes; kafka is the ")
                .append("local-infra launcher, which runs the broker in-process.\n\n| process | CPU ms | % of one core |\n")
                .append("|---|---|---|\n");
        double ms = 0;
        double percent = 0;
        for (String key : p.stringPropertyNames().stream().filter(key -> key.startsWith("rest.cpu.ms.")).sorted().toList()) {
            String process = key.substring("rest.cpu.ms.".length());
            s.append(row(process, v(key), v("rest.cpu.percent." + process)));
            ms += at(v(key));
            percent += at(v("rest.cpu.percent." + process));
        }
        s.append(row("**whole stack**", String.format(Locale.ROOT, "**%.0f**", ms),
                String.format(Locale.ROOT, "**%.2f** (goal <= 2)", percent)));
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
                .append("the consumers commit what they applied every 5 s, so the offsets follow within about 10 s). The watch stops at ").append(v("replay.max-seconds"))
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
                        v("kafka.consumer.per-second"), ratio, ">= 50,000/s, complete"))
                .append("\nKafka's own tools on this broker, with Landfall's events as records (the payloads of the first ")
                .append("2,000 synthetic projects, ").append(v("kafka.record.bytes")).append(" bytes on average; the tools ")
                .append("send no key and no headers): producer ").append(v("kafka.producer.per-second"))
                .append(" records/s, consumer ").append(v("kafka.consumer.per-second"))
                .append(" records/s once fetching (").append(v("kafka.consumer.with-join.per-second"))
                .append(" counting its group join). Reporting started in ").append(v("replay.ready.seconds"))
                .append(" s and reached ").append(v("rss.replay.mb.reporting")).append(" MB resident during the replay.\n");
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
        for (int i = 0; i < n; i++) {
            String k = "report." + i;
            boolean asOf = "asOf".equals(v(k + ".vintage"));
            s.append(row(v(k + ".name") + " (groupBy " + v(k + ".group-by") + ")", v(k + ".filters"), v(k + ".vintage"),
                    v(k + ".rows"), v(k + ".count"), v(k + ".p50.ms"), v(k + ".p99.ms"), v(k + ".max.ms"),
                    "p99 <= " + (asOf ? "100" : "20") + " ms at 1M projects"));
        }
        if (at(v("report.projects")) < Goals.REPORT_PROJECTS) {
            s.append("\n**The read model held ").append(v("report.projects")).append(" projects, fewer than 1M** (the replay ")
                    .append("applied only part of the log, or `-Dbench.projects` was smaller): these figures do not ")
                    .append("meet the goals at 1M projects whatever they are.\n");
        }
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
        }
        s.append("\n\"Started in\" is Quarkus's own figure. \"Three at once\" is `./landfall up` starting them together ")
                .append("on two cores; \"alone\" restarts each in turn while the other two run, and adds the wall time ")
                .append("from the start command to `/q/health/ready` and the CPU time the process had used by then. ")
                .append("Memory is the resident set (VmRSS): at rest 3 s after that start, and during the intake load ")
                .append("at concurrency 32. Reporting reached ").append(v("rss.replay.mb.reporting"))
                .append(" MB during the replay and held ").append(v("report.rss.mb")).append(" MB after the report queries.\n");
        return s.toString();
    }

    private String v(String key) {
        return p.getProperty(key, "?");
    }

    private static double at(String number) {
        return Goals.at(number);
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String perSecond(String count, String seconds) {
        return String.format(Locale.ROOT, "%.0f", at(count) / at(seconds));
    }

    private static String ratio(String figure, String anchor) {
        return Goals.ratio(figure, anchor);
    }
}
