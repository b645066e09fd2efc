package org.landfall.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The benchmark harness of {@code ./landfall bench}, in two steps around the replay that the script performs:
 * <pre>
 *   measure STATE_DIR RESULTS   load the running stack and its anchors; figures into RESULTS (a properties file)
 *   write RESULTS MARKDOWN      render every figure beside its anchor and goal
 * </pre>
 * No figure is asserted anywhere: they are printed and written down, and read by people.
 */
public final class Benchmark {

    static final int[] CONCURRENCY = {1, 8, 32, 128};
    static final int[] RATES = {100, 300};
    static final String[] SERVICES = {"project-intake", "project-status", "reporting"};

    private final Properties results = new Properties();
    private final long seconds = Long.getLong("bench.seconds", 15);

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("measure")) {
            new Benchmark().measure(Path.of(args[1]), Path.of(args[2]));
        } else if (args.length == 3 && args[0].equals("write")) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(Path.of(args[1]))) {
                p.load(r);
            }
            Files.writeString(Path.of(args[2]), Report.markdown(p));
            System.out.println("wrote " + args[2]);
        } else {
            System.err.println("usage: measure STATE_DIR RESULTS | write RESULTS MARKDOWN");
            System.exit(2);
        }
    }

    private void measure(Path state, Path out) throws Exception {
        Properties infra = new Properties();
        try (Reader r = Files.newBufferedReader(state.resolve("infra/endpoints.properties"))) {
            infra.load(r);
        }
        Matcher jdbc = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/").matcher(infra.getProperty("jdbc.base-url"));
        if (!jdbc.find()) {
            throw new IllegalStateException("unexpected jdbc.base-url " + infra.getProperty("jdbc.base-url"));
        }
        String bootstrap = infra.getProperty("kafka.bootstrap.servers");
        machine();
        for (String s : SERVICES) {
            put("start.seconds." + s, startSeconds(state.resolve("logs/" + s + ".log")));
            put("rss.rest.mb." + s, rssMb(state.resolve("run/" + s + ".pid")));
        }
        Http http = new Http();
        say("warming up intake for 5 s");
        IntakeLoad.run(http, 8, 5);
        for (int c : CONCURRENCY) {
            IntakeLoad.Result r = IntakeLoad.run(http, c, seconds);
            put("intake." + c + ".per-second", r.perSecond());
            put("intake." + c + ".failed", r.failed());
            latencies("intake." + c, r.latencyMicros(), 1_000.0);
            say("intake at concurrency %d: %.0f contracts/s, p50 %.1f ms, p99 %.1f ms, %d failed", c, r.perSecond(),
                    r.latencyMicros().getValueAtPercentile(50) / 1000.0, r.latencyMicros().getValueAtPercentile(99) / 1000.0,
                    r.failed());
            if (c == 32) {
                for (String s : SERVICES) {
                    put("rss.load.mb." + s, rssMb(state.resolve("run/" + s + ".pid")));
                }
            }
        }
        for (int c : CONCURRENCY) {
            double tps = Anchors.pgbenchInsertsPerSecond(jdbc.group(1), jdbc.group(2), infra.getProperty("jdbc.username"), c,
                    seconds);
            put("pgbench." + c + ".per-second", tps);
            say("pgbench single-row inserts at %d clients: %.0f/s", c, tps);
        }
        for (int rate : RATES) {
            Freshness.Result r = Freshness.run(http, rate, seconds);
            put("freshness." + rate + ".sent", r.sent());
            put("freshness." + rate + ".accepted", r.accepted());
            put("freshness." + rate + ".seen", r.seen());
            latencies("freshness." + rate, r.millis(), 1.0);
            say("freshness at %d writes/s: %d accepted, %d seen, p50 %d ms, p99 %d ms", rate, r.accepted(), r.seen(),
                    r.millis().getValueAtPercentile(50), r.millis().getValueAtPercentile(99));
        }
        reportQueries(http);
        double[] kafka = Anchors.kafkaRecordsPerSecond(bootstrap, Integer.getInteger("bench.kafka.records", 1_000_000));
        put("kafka.producer.per-second", kafka[0]);
        put("kafka.consumer.per-second", kafka[1]);
        say("Kafka perf tools: producer %.0f records/s, consumer %.0f records/s", kafka[0], kafka[1]);
        put("events.in-log", eventsInLog(bootstrap));
        try (Writer w = Files.newBufferedWriter(out)) {
            results.store(w, "./landfall bench");
        }
    }

    /** The quarterly report, latest and as of an hour ago, for every grouping. */
    private void reportQueries(Http http) throws Exception {
        String asOf = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        int n = Integer.getInteger("bench.queries", 200);
        for (String groupBy : List.of("none", "province", "city", "district", "sector")) {
            for (String vintage : List.of("latest", "asOf")) {
                String url = Http.REPORTING + "/api/reports/quarterly?from=2024-Q1&to=2025-Q4&groupBy=" + groupBy
                        + (vintage.equals("asOf") ? "&asOf=" + asOf : "");
                Histogram h = new Histogram(3);
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    int status = http.get(url, http.analyst).statusCode();
                    h.recordValue((System.nanoTime() - t0) / 1_000);
                    if (status != 200) {
                        throw new IllegalStateException(url + " answered " + status);
                    }
                }
                latencies("report." + groupBy + "." + vintage, h, 1_000.0);
            }
        }
        put("report.projects", http.get(Http.INTAKE + "/api/projects?size=1", http.officer).body()
                .replaceAll(".*\"total\":(\\d+).*", "$1"));
        say("report queries measured (%d each)", n);
    }

    private static long eventsInLog(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> ends = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
            for (String topic : List.of("landfall.projects", "landfall.project-updates")) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(i -> ends.put(new TopicPartition(topic, i.partition()), OffsetSpec.latest()));
            }
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private void machine() throws Exception {
        put("machine.cores", Runtime.getRuntime().availableProcessors());
        put("machine.memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        put("machine.cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.replaceAll(".*:\\s*", "")).orElse("?"));
        put("machine.java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        put("machine.postgres", Anchors.run(List.of("pgbench", "--version")).strip());
        put("machine.date", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        put("settings.seconds", seconds);
    }

    private static String startSeconds(Path log) throws IOException {
        Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log));
        String last = "?";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static String rssMb(Path pidFile) throws IOException {
        String pid = Files.readString(pidFile).strip();
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
            }
        }
        return "?";
    }

    private void latencies(String key, Histogram h, double toMillis) {
        put(key + ".p50.ms", h.getValueAtPercentile(50) / toMillis);
        put(key + ".p99.ms", h.getValueAtPercentile(99) / toMillis);
        put(key + ".max.ms", h.getMaxValue() / toMillis);
    }

    private void put(String key, Object value) {
        results.setProperty(key, value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(value));
    }

    static void say(String format, Object... args) {
        System.out.println("bench: " + String.format(Locale.ROOT, format, args));
    }
}
