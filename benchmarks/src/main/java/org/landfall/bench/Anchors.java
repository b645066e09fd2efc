package org.landfall.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** What the machine itself can do, measured on the same PostgreSQL and broker as Landfall. */
final class Anchors {

    private Anchors() {
    }

    /** The stack's PostgreSQL, from local-infra's endpoints.properties. */
    record Postgres(String host, String port, String user) {

        static Postgres of(Properties infra) {
            Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/").matcher(infra.getProperty("jdbc.base-url"));
            if (!url.find()) {
                throw new IllegalStateException("unexpected jdbc.base-url " + infra.getProperty("jdbc.base-url"));
            }
            return new Postgres(url.group(1), url.group(2), infra.getProperty("jdbc.username"));
        }

        /** One statement on {@code database}: its rows, unaligned, without headers. */
        String psql(String database, String sql) throws IOException, InterruptedException {
            return run(List.of("psql", "-h", host, "-p", port, "-U", user, "-d", database, "-tAqc", sql)).strip();
        }
    }

    /** pgbench: single-row inserts, one transaction each, at {@code clients} concurrent connections. */
    static double pgbenchInsertsPerSecond(Postgres pg, int clients, long seconds) throws IOException, InterruptedException {
        pg.psql("postgres", "drop database if exists landfall_bench");
        pg.psql("postgres", "create database landfall_bench");
        pg.psql("landfall_bench", "create table contract (id bigserial primary key, name text not null, "
                + "value numeric(16,2) not null, created_at timestamptz not null default now())");
        Path script = Files.createTempFile("landfall-bench", ".sql");
        Files.writeString(script, "insert into contract (name, value) values ('Benchmark project', 125000000.50);\n");
        String out = run(List.of("pgbench", "-n", "-h", pg.host(), "-p", pg.port(), "-U", pg.user(), "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds), "-f", script.toString(),
                "landfall_bench"));
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!tps.find()) {
            // e.g. no transaction done: every client still connecting when the time was up
            Benchmark.say("pgbench printed no tps at %d clients:%n%s", clients, out);
            return Double.NaN;
        }
        return Double.parseDouble(tps.group(1));
    }

    /** Kafka's rates on this broker, in records per second. */
    record KafkaRates(double producer, double consumer, double consumerWithJoin) {
    }

    /**
     * Kafka's ProducerPerformance then ConsumerPerformance on a topic of their own with as many partitions as
     * Landfall's. The records are Landfall's own events ({@code payloads}: one JSON payload a line, drawn at random
     * by the producer), so record size and compressibility match the log's; the tools send no key and no headers.
     */
    static KafkaRates kafkaRecordsPerSecond(String bootstrap, int records, Path payloads) throws Exception {
        String topic = "landfall-bench-" + System.currentTimeMillis();
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        String produced = java("org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", String.valueOf(records), "--payload-file", payloads.toString(), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "linger.ms=20", "batch.size=262144",
                "compression.type=lz4");
        Matcher p1 = Pattern.compile("([0-9.]+) records/sec").matcher(produced);
        double producer = Double.NaN;
        while (p1.find()) {
            producer = Double.parseDouble(p1.group(1)); // the last line is the total
        }
        String consumed = java("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap,
                "--topic", topic, "--messages", String.valueOf(records));
        return new KafkaRates(producer, consumerColumn(consumed, "fetch.nMsg.sec"), consumerColumn(consumed, "nMsg.sec"));
    }

    /**
     * A column of ConsumerPerformance's summary, found by the name its header line gives it (Kafka 4.1: start.time,
     * end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms,
     * fetch.MB.sec, fetch.nMsg.sec). nMsg.sec counts the group join; fetch.nMsg.sec is the rate once fetching.
     */
    static double consumerColumn(String output, String column) {
        List<String> header = null;
        for (String line : output.strip().split("\\R")) {
            List<String> cells = List.of(line.strip().split(",\\s*"));
            if (cells.contains("nMsg.sec")) {
                header = cells;
            } else if (header != null && cells.size() == header.size()) {
                return Double.parseDouble(cells.get(header.indexOf(column)));
            }
        }
        Benchmark.say("ConsumerPerformance printed no %s:%n%s", column, output);
        return Double.NaN;
    }

    private static String java(String main, String... args) throws Exception {
        Path jar = Path.of(Anchors.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String classpath = jar + java.io.File.pathSeparator + jar.resolveSibling("lib").resolve("*");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", classpath, main));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putIfAbsent("PGCONNECT_TIMEOUT", "10");
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
