package org.landfall.bench;

import java.util.Locale;
import java.util.Properties;

/** docs/benchmarks.md: every figure beside its anchor on the same machine, as a ratio, and the goal. */
final class Report {

    private Report() {
    }

    static String markdown(Properties p) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n")
                .append("Written by `./landfall bench` (the harness in `benchmarks/`); do not edit by hand. ")
                .append("Each figure stands beside its anchor, measured in the same run on the same machine: ")
                .append("`pgbench` single-row inserts on the same PostgreSQL, Kafka's `ProducerPerformance` and ")
                .append("`ConsumerPerformance` on the same broker.\n\n")
                .append("Machine: ").append(p.getProperty("machine.cores")).append(" cores, ")
                .append(p.getProperty("machine.cpu")).append(", ").append(p.getProperty("machine.memory")).append("; ")
                .append(p.getProperty("machine.java")).append("; ").append(p.getProperty("machine.postgres"))
                .append("; Kafka 4.1.2 (KRaft, one node). Run ").append(p.getProperty("machine.date"))
                .append(", ").append(p.getProperty("settings.seconds")).append(" s per step, the three services, ")
                .append("the broker, PostgreSQL and the load generator all on this machine.\n\n");

        md.append("## Intake: contracts per second (closed loop)\n\n")
                .append("| concurrency | contracts/s | p50 ms | p99 ms | max ms | failed | pgbench inserts/s | ratio | goal |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (int c : Benchmark.CONCURRENCY) {
            String k = "intake." + c;
            md.append(row(String.valueOf(c), p.getProperty(k + ".per-second"), p.getProperty(k + ".p50.ms"),
                    p.getProperty(k + ".p99.ms"), p.getProperty(k + ".max.ms"), p.getProperty(k + ".failed"),
                    p.getProperty("pgbench." + c + ".per-second"),
                    ratio(p.getProperty(k + ".per-second"), p.getProperty("pgbench." + c + ".per-second")),
                    ">= 0.5, p99 <= 50 ms"));
        }

        md.append("\n## Freshness: accepted write to its row in the quarterly report (open loop)\n\n")
                .append("Each write is a contract in a city of its own; the time runs from its 201 to the live ")
                .append("stream's event for its new row.\n\n")
                .append("| writes/s | sent | accepted | seen in report | p50 ms | p99 ms | max ms | goal |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (int r : Benchmark.RATES) {
            String k = "freshness." + r;
            md.append(row(String.valueOf(r), p.getProperty(k + ".sent"), p.getProperty(k + ".accepted"),
                    p.getProperty(k + ".seen"), p.getProperty(k + ".p50.ms"), p.getProperty(k + ".p99.ms"),
                    p.getProperty(k + ".max.ms"), r == 300 ? "p99 <= 250 ms" : ""));
        }

        md.append("\n## Reporting replay: rebuilding the read model from the log\n\n")
                .append("| events | seconds (start included) | events/s | Kafka consumer records/s | ratio | goal |\n")
                .append("|---|---|---|---|---|---|\n")
                .append(row(p.getProperty("replay.events"), p.getProperty("replay.seconds"), p.getProperty("replay.per-second"),
                        p.getProperty("kafka.consumer.per-second"),
                        ratio(p.getProperty("replay.per-second"), p.getProperty("kafka.consumer.per-second")), ">= 0.3"))
                .append("\nKafka's own tools on this broker: producer ").append(p.getProperty("kafka.producer.per-second"))
                .append(" records/s, consumer ").append(p.getProperty("kafka.consumer.per-second"))
                .append(" records/s (500-byte records).\n");

        md.append("\n## Report queries: quarterly report, 8 quarters, ").append(p.getProperty("report.projects"))
                .append(" projects loaded\n\n")
                .append("| groupBy | latest p50 ms | latest p99 ms | asOf p50 ms | asOf p99 ms | goal |\n")
                .append("|---|---|---|---|---|---|\n");
        for (String g : new String[] {"none", "province", "city", "district", "sector"}) {
            String k = "report." + g;
            md.append(row(g, p.getProperty(k + ".latest.p50.ms"), p.getProperty(k + ".latest.p99.ms"),
                    p.getProperty(k + ".asOf.p50.ms"), p.getProperty(k + ".asOf.p99.ms"), "p99 <= 20 ms at 1M projects"));
        }

        md.append("\n## Services: start and memory\n\n")
                .append("| service | started in s | RSS at rest MB | RSS under load MB | goal |\n|---|---|---|---|---|\n");
        for (String s : Benchmark.SERVICES) {
            md.append(row(s, p.getProperty("start.seconds." + s), p.getProperty("rss.rest.mb." + s),
                    p.getProperty("rss.load.mb." + s), "<= 2 s, <= 250 MB"));
        }
        md.append("\nStart times are Quarkus's own \"started in\" with the three services starting at once on two ")
                .append("cores; memory is the resident set (VmRSS) at rest and during the intake load at concurrency 32.\n");
        return md.toString();
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells).replace("null", "?") + " |\n";
    }

    private static String ratio(String figure, String anchor) {
        try {
            return String.format(Locale.ROOT, "%.2f", Double.parseDouble(figure) / Double.parseDouble(anchor));
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
