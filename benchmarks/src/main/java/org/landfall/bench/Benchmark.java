package org.landfall.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.landfall.events.EventCodec;
import org.landfall.events.LandfallEvent;
import org.landfall.events.Topics;

/**
 * The benchmark harness of {@code ./landfall bench}. The script starts, stops and restarts the services between
 * the steps; each step reads the stack's endpoints from STATE_DIR, measures, and adds its figures to RESULTS (a
 * properties file):
 * <pre>
 *   together STATE_DIR RESULTS             start time of the three services started at once (by the script)
 *   alone STATE_DIR RESULTS SERVICE MS     start time and memory at rest of SERVICE, restarted alone in MS ms
 *   load STATE_DIR RESULTS                 intake at each concurrency, pgbench, freshness, Kafka's perf tools
 *   rest STATE_DIR RESULTS                 the CPU of every process while nothing asks the stack anything
 *   log STATE_DIR RESULTS                  write bench.projects synthetic projects' events into the topics
 *   replay STATE_DIR RESULTS EPOCH_MS      watch reporting (started at EPOCH_MS) rebuild its read model from the log
 *   freeze STATE_DIR RESULTS               reporting stopped mid-replay: count what it applied, skip the rest
 *   queries STATE_DIR RESULTS              the dashboard's report queries on what reporting holds
 *   replicas STATE_DIR RESULTS N           intake at concurrency 32 over N instances of each service (Replicas)
 *   write RESULTS MARKDOWN                 render every figure beside its anchor and goal
 *   visibility CONTRACTS RATE PROBE_EVERY  on the running stack: intake's 201 to status and the report (Visibility)
 * </pre>
 * No figure is asserted anywhere: they are printed and written down, and read by people.
 */
public final class Benchmark {

    static final int[] CONCURRENCY = {1, 8, 32, 128};
    static final int[] RATES = {100, 300};
    static final String[] SERVICES = {"project-intake", "project-status", "reporting"};
    /** landfall.zone's default: "today" and "yesterday" as the services count them. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The line from which docs/benchmarks.md is not the harness's to rewrite. */
    static final String KEPT = "<!-- from here on not written by ./landfall bench, which keeps it as it is -->";

    private final Properties results = new Properties();
    private final long seconds = Long.getLong("bench.seconds", 15);
    private final Path state;
    private final Path out;
    private final Properties infra = new Properties();

    private Benchmark(Path state, Path out) throws IOException {
        this.state = state;
        this.out = out;
        if (Files.exists(out)) {
            try (Reader r = Files.newBufferedReader(out)) {
                results.load(r);
            }
        }
        try (Reader r = Files.newBufferedReader(state.resolve("infra/endpoints.properties"))) {
            infra.load(r);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("write")) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(Path.of(args[1]))) {
                p.load(r);
            }
            Path markdown = Path.of(args[2]);
            // what follows the marker (the visibility figures, measured on `up`'s stack) is carried over as it is
            String kept = Files.exists(markdown) ? Files.readString(markdown) : "";
            kept = kept.contains(KEPT) ? "\n" + kept.substring(kept.indexOf(KEPT)) : "";
            Files.writeString(markdown, Report.markdown(p) + kept);
            System.out.println("wrote " + args[2]);
            return;
        }
        if (args.length == 4 && args[0].equals("visibility")) {
            System.out.println(Visibility.summary(Visibility.run(new Http(), Integer.parseInt(args[1]),
                    Double.parseDouble(args[2]), Integer.parseInt(args[3]))));
            System.exit(0);
        }
        if (args.length < 3) {
            System.err.println("usage: STEP STATE_DIR RESULTS [ARGS] (see Benchmark's javadoc) | write RESULTS MARKDOWN");
            System.exit(2);
        }
        Benchmark b = new Benchmark(Path.of(args[1]), Path.of(args[2]));
        switch (args[0]) {
            case "together" -> b.together();
            case "alone" -> b.alone(args[3], Long.parseLong(args[4]));
            case "load" -> b.load();
            case "rest" -> b.rest();
            case "log" -> b.log();
            case "replay" -> b.replay(Long.parseLong(args[3]));
            case "freeze" -> b.freeze();
            case "queries" -> b.queries();
            case "replicas" -> b.replicas(Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
        try (Writer w = Files.newBufferedWriter(b.out)) {
            b.results.store(w, "./landfall bench");
        }
    }

    private void together() throws Exception {
        machine();
        for (String s : SERVICES) {
            put("start.together.seconds." + s, startSeconds(s));
            say("%s started in %s s, the three at once", s, results.getProperty("start.together.seconds." + s));
        }
    }

    /** Started while the other two run: Quarkus's "started in", the wall time to ready, CPU time, memory at rest. */
    private void alone(String service, long readyMillis) throws Exception {
        Path pid = state.resolve("run/" + service + ".pid");
        put("start.alone.cpu." + service, cpuSeconds(pid));
        put("start.alone.seconds." + service, startSeconds(service));
        put("start.alone.ready.seconds." + service, readyMillis / 1000.0);
        Thread.sleep(3_000); // at rest: the start's garbage and threads settled
        put("rss.rest.mb." + service, rssMb(pid));
        say("%s alone: started in %s s, ready in %.1f s, %s s of CPU, %s MB at rest", service,
                results.getProperty("start.alone.seconds." + service), readyMillis / 1000.0,
                results.getProperty("start.alone.cpu." + service), results.getProperty("rss.rest.mb." + service));
    }

    private void load() throws Exception {
        Http http = new Http();
        // Steady state is what the goals are about: the JIT compiles the signing path during the first seconds of
        // load (C2 on JDK 25 for tens of seconds), which would otherwise land in the steps' figures.
        long warmup = Long.getLong("bench.warmup-seconds", 30);
        say("warming up intake for %d s at concurrency %d", warmup, Goals.INTAKE_CONCURRENCY);
        IntakeLoad.Result w = IntakeLoad.run(http, Goals.INTAKE_CONCURRENCY, warmup);
        put("warmup.seconds", warmup);
        put("warmup.per-second", w.perSecond());
        try (KafkaLog log = new KafkaLog(bootstrap())) {
            for (int c : CONCURRENCY) {
                intake(http, log, c);
            }
        }
        for (int c : CONCURRENCY) {
            Map<String, Long> cpuBefore = CpuUse.sample(state);
            double tps = Anchors.pgbenchInsertsPerSecond(Anchors.Postgres.of(infra), c, seconds);
            put("pgbench." + c + ".per-second", tps);
            if (c == Goals.INTAKE_CONCURRENCY) {
                // the anchor of a signing's CPU: what one insert of pgbench costs PostgreSQL at as many clients
                put("pgbench.cpu.ms", CpuUse.perWrite(cpuBefore, CpuUse.sample(state), Math.round(tps * seconds)).get("postgres"));
            }
            say("pgbench single-row inserts at %d clients: %.0f/s", c, tps);
        }
        try (KafkaLog log = new KafkaLog(bootstrap())) {
            for (int rate : RATES) {
                caughtUp(http, log, "freshness." + rate);
                Freshness.Result r = Freshness.run(http, rate, seconds);
                put("freshness." + rate + ".sent", r.sent());
                put("freshness." + rate + ".accepted", r.accepted());
                put("freshness." + rate + ".seen", r.seen());
                put("freshness." + rate + ".in-report", r.inReport());
                put("freshness." + rate + ".stream-breaks", r.streamBreaks());
                latencies("freshness." + rate, r.millis(), 1.0);
                say("freshness at %d writes/s: %d sent, %d accepted, %d seen in the stream (which ended %d times), %d in "
                        + "the report; p50 %d ms, p99 %d ms", rate, r.sent(), r.accepted(), r.seen(), r.streamBreaks(),
                        r.inReport(), r.millis().getValueAtPercentile(50), r.millis().getValueAtPercentile(99));
            }
        }
        Path payloads = samplePayloads();
        Anchors.KafkaRates kafka = Anchors.kafkaRecordsPerSecond(bootstrap(), Integer.getInteger("bench.kafka.records",
                1_000_000), payloads);
        put("kafka.producer.per-second", kafka.producer());
        put("kafka.consumer.per-second", kafka.consumer());
        put("kafka.consumer.with-join.per-second", kafka.consumerWithJoin());
        say("Kafka perf tools: producer %.0f records/s, consumer %.0f records/s (%.0f with its group join)",
                kafka.producer(), kafka.consumer(), kafka.consumerWithJoin());
    }

    /** Intake over {@code instances} instances of each service (the script started them), then the consumers' catch-up. */
    private void replicas(int instances) throws Exception {
        Http http = new Http();
        IntakeLoad.Result r = Replicas.run(http, instances, seconds);
        String k = "replicas." + instances;
        put(k + ".per-second", r.perSecond());
        put(k + ".failed", r.failed());
        latencies(k, r.latencyMicros(), 1_000.0);
        try (KafkaLog log = new KafkaLog(bootstrap())) {
            caughtUp(http, log, k);
        }
        say("intake at concurrency %d over %d instance(s) of each service: %.0f contracts/s, p99 %.1f ms, caught up in %s s",
                Replicas.CONCURRENCY, instances, r.perSecond(), r.latencyMicros().getValueAtPercentile(99) / 1000.0,
                results.getProperty(k + ".catch-up.seconds"));
    }

    /**
     * Intake at one concurrency. At 32, the goal's step: it starts once status and reporting have applied everything,
     * counts what CPU each process spent per accepted signing (the step and the 3 s after it, while status and
     * reporting consume its events) and how soon after its end the consumers' lag was back to 0.
     */
    private void intake(Http http, KafkaLog log, int c) throws Exception {
        boolean goal = c == Goals.INTAKE_CONCURRENCY;
        ConsumerLag.Sample base = null;
        if (goal) {
            caughtUp(http, log, "intake." + c);
            base = ConsumerLag.sample(http, log);
        }
        Map<String, Long> cpuBefore = CpuUse.sample(state, SERVICES);
        IntakeLoad.Result r = IntakeLoad.run(http, c, seconds);
        long end = System.nanoTime();
        if (goal) {
            ConsumerLag.Result lag = ConsumerLag.afterStep(http, log, base, end, 30);
            lag.seconds().forEach((group, s) -> put("intake." + c + ".lag.seconds." + group, s));
            lag.atEnd().forEach((group, n) -> put("intake." + c + ".lag.at-end." + group, n));
            say("consumers' lag back to 0 after the step: %s (events behind at its end: %s)", lag.seconds(), lag.atEnd());
            Thread.sleep(Math.max(0, 3_000 - (System.nanoTime() - end) / 1_000_000));
            CpuUse.perWrite(cpuBefore, CpuUse.sample(state, SERVICES), r.accepted())
                    .forEach((process, ms) -> put("cpu.per-signing.ms." + process, ms));
            for (String s : SERVICES) {
                put("rss.load.mb." + s, rssMb(state.resolve("run/" + s + ".pid")));
            }
        }
        put("intake." + c + ".per-second", r.perSecond());
        put("intake." + c + ".failed", r.failed());
        latencies("intake." + c, r.latencyMicros(), 1_000.0);
        say("intake at concurrency %d: %.0f contracts/s, p50 %.1f ms, p99 %.1f ms, %d failed", c, r.perSecond(),
                r.latencyMicros().getValueAtPercentile(50) / 1000.0, r.latencyMicros().getValueAtPercentile(99) / 1000.0,
                r.failed());
    }

    /**
     * The stack at rest: after {@code bench.rest.settle-seconds} (10) for the last step's commits and collections, the
     * CPU each process uses while nothing asks anything for {@code bench.rest.seconds} (30), as a share of one core.
     */
    private void rest() throws Exception {
        long settle = Long.getLong("bench.rest.settle-seconds", 10);
        long window = Long.getLong("bench.rest.seconds", 30);
        Thread.sleep(settle * 1000);
        Map<String, Long> before = CpuUse.sample(state, SERVICES);
        Thread.sleep(window * 1000);
        Map<String, Long> after = CpuUse.sample(state, SERVICES);
        put("rest.settle.seconds", settle);
        put("rest.seconds", window);
        before.forEach((process, ms) -> {
            put("rest.cpu.ms." + process, after.get(process) - ms);
            put("rest.cpu.percent." + process, CpuUse.percentOfOneCore(after.get(process) - ms, window));
        });
        say("at rest for %d s: %s (CPU ms)", window, CpuUse.perWrite(before, after, 1));
    }

    /**
     * Waits until every accepted write has reached reporting: intake's and status's outboxes are empty and
     * reporting's consumer group has committed the end of both topics. Without this a freshness run measures the
     * backlog of the step before it.
     */
    private void caughtUp(Http http, KafkaLog log, String key) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (Double.parseDouble(System.getProperty("bench.catch-up.max-seconds", "120")) * 1e9);
        while (System.nanoTime() < deadline && !drained(http, log)) {
            Thread.sleep(500);
        }
        long lag = log.lag(Replay.GROUP);
        double waited = (System.nanoTime() - t0) / 1e9;
        put(key + ".catch-up.seconds", waited);
        put(key + ".catch-up.lag", lag);
        say("reporting %s after %.1f s (lag %d events)", lag == 0 ? "caught up" : "NOT caught up", waited, lag);
    }

    private static boolean drained(Http http, KafkaLog log) throws Exception {
        return http.metric(Http.INTAKE, ConsumerLag.BACKLOG) + http.metric(Http.STATUS, ConsumerLag.BACKLOG) == 0
                && log.lag(Replay.GROUP) == 0 && log.lag("project-status", Topics.PROJECTS) == 0;
    }

    /** Landfall's events as the perf tools' records: the first projects of the synthetic log, one payload a line. */
    private Path samplePayloads() throws IOException {
        SyntheticProjects generator = new SyntheticProjects(seed(), ZONE, Instant.now());
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 2_000; i++) {
            for (LandfallEvent e : generator.events(i)) {
                String json = new String(EventCodec.encode(e), StandardCharsets.UTF_8);
                lines.add(json);
                bytes += json.length();
            }
        }
        put("kafka.record.bytes", bytes / lines.size());
        Path file = state.resolve("bench-payloads.txt");
        Files.write(file, lines);
        return file;
    }

    private void log() throws Exception {
        long projects = Long.getLong("bench.projects", 1_000_000);
        LogLoader.Result r = LogLoader.load(bootstrap(), projects, seed(), ZONE);
        put("log.projects", r.projects());
        put("log.events", r.events());
        put("log.bytes", r.bytes());
        put("log.seconds", r.seconds());
        put("log.seed", seed());
        say("log: %d projects, %d events (%.0f bytes each on average) written in %.1f s, %.0f events/s", r.projects(),
                r.events(), (double) r.bytes() / r.events(), r.seconds(), r.events() / r.seconds());
    }

    /**
     * The replay's time limit: bench.replay.max-seconds, or else what is left of the run's budget (bench.budget-seconds
     * from bench.started-at, the script's start) once the steps after it have had their share.
     */
    private double replayLimit() {
        String explicit = System.getProperty("bench.replay.max-seconds");
        if (explicit != null) {
            return Double.parseDouble(explicit);
        }
        double budget = Double.parseDouble(System.getProperty("bench.budget-seconds", "900"));
        double spent = (System.currentTimeMillis() - Long.getLong("bench.started-at", System.currentTimeMillis())) / 1000.0;
        // after the replay: a restart of reporting if the limit cuts it, the ten queries, the markdown
        double after = 45 + ReportQueries.mix().size() * (queryBudgetSeconds() + 3);
        return Math.max(60, budget - spent - after);
    }

    private void replay(long startedAtMillis) throws Exception {
        double limit = replayLimit();
        put("replay.max-seconds", limit);
        Replay.Result r;
        try (KafkaLog log = new KafkaLog(bootstrap())) {
            r = Replay.watch(log, new Http(), state.resolve("run/reporting.pid"), startedAtMillis, limit);
        }
        put("replay.events", r.events());
        put("replay.applied", r.applied());
        put("replay.complete", r.complete());
        put("replay.ready.seconds", r.readySeconds());
        put("replay.seconds", r.seconds());
        put("replay.offsets.seconds", r.offsetsSeconds());
        put("replay.per-second", r.perSecond());
        put("replay.with-start.per-second", r.perSecondWithStart());
        put("rss.replay.mb.reporting", r.maxRssMb());
        say("replay: %d of %d events applied in %.1f s (reporting ready after %.1f s): %.0f events/s, %.0f with the start%s",
                r.applied(), r.events(), r.seconds(), r.readySeconds(), r.perSecond(), r.perSecondWithStart(),
                r.complete() ? "" : "; stopped by the time limit");
    }

    /** Reporting was stopped before it had applied the whole log: leave what it applied, skip the rest. */
    private void freeze() throws Exception {
        try (KafkaLog log = new KafkaLog(bootstrap())) {
            log.skipToEnd(Replay.GROUP);
        }
        say("reporting's consumer group moved to the end of the log: it will apply nothing more");
    }

    private void queries() throws Exception {
        Http http = new Http();
        String[] ledger = Anchors.Postgres.of(infra).psql("landfall_reporting", "select count(*), count(*) filter (where event_type = "
                + "'project.signed') from processed_event").split("\\|");
        put("report.events", ledger[0]);
        put("report.projects", ledger[1]);
        ReportQueries queries = new ReportQueries(LocalDate.now(ZONE), Integer.getInteger("bench.queries", 200),
                queryBudgetSeconds());
        put("report.range", queries.range());
        put("report.max-queries", Integer.getInteger("bench.queries", 200));
        put("report.max-seconds", queryBudgetSeconds());
        put("report.as-of", queries.asOf());
        List<ReportQueries.Query> mix = ReportQueries.mix();
        for (int i = 0; i < mix.size(); i++) {
            ReportQueries.Query q = mix.get(i);
            ReportQueries.Result r = queries.run(http, q);
            String k = "report." + i;
            put(k + ".name", q.name());
            put(k + ".group-by", q.groupBy());
            put(k + ".filters", q.filters().replace("&", " ").strip());
            put(k + ".vintage", q.asOf() ? "asOf" : "latest");
            put(k + ".rows", r.rows());
            put(k + ".count", r.micros().getTotalCount());
            latencies(k, r.micros(), 1_000.0);
            say("report %s (%s): %d queries of %d rows, p50 %.1f ms, p99 %.1f ms", q.name(), q.asOf() ? "asOf" : "latest",
                    r.micros().getTotalCount(), r.rows(), r.micros().getValueAtPercentile(50) / 1000.0,
                    r.micros().getValueAtPercentile(99) / 1000.0);
        }
        put("report.queries", mix.size());
        put("report.rss.mb", rssMb(state.resolve("run/reporting.pid")));
    }

    private static double queryBudgetSeconds() {
        return Double.parseDouble(System.getProperty("bench.query.seconds", "6"));
    }

    private static long seed() {
        return Long.getLong("bench.seed", 20190101);
    }

    private String bootstrap() {
        return infra.getProperty("kafka.bootstrap.servers");
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
        put("settings.jvm", System.getProperty("bench.service-jvm", "?"));
        put("settings.appcds", System.getProperty("bench.appcds", ""));
        put("settings.service-java", System.getProperty("bench.service-java", "?"));
        put("settings.startup-archive", System.getProperty("bench.startup-archive", "?"));
    }

    private String startSeconds(String service) throws IOException {
        Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(state.resolve("logs/" + service + ".log")));
        String last = "?";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    static long rssMb(Path pidFile) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Files.readString(pidFile).strip(), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** User and system CPU time the process has used, in seconds. */
    private static double cpuSeconds(Path pidFile) throws IOException {
        return CpuUse.cpuMillis(Files.readString(pidFile).strip()) / 1000.0;
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
