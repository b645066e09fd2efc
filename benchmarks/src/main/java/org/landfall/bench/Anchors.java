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

    /** pgbench: single-row inserts, one transaction each, at {@code clients} concurrent connections. */
    static double pgbenchInsertsPerSecond(String host, String port, String user, int clients, long seconds)
            throws IOException, InterruptedException {
        run(List.of("psql", "-h", host, "-p", port, "-U", user, "-d", "postgres", "-qc",
                "drop database if exists landfall_bench"));
        run(List.of("psql", "-h", host, "-p", port, "-U", user, "-d", "postgres", "-qc", "create database landfall_bench"));
        run(List.of("psql", "-h", host, "-p", port, "-U", user, "-d", "landfall_bench", "-qc",
                "create table contract (id bigserial primary key, name text not null, value numeric(16,2) not null, "
                        + "created_at timestamptz not null default now())"));
        Path script = Files.createTempFile("landfall-bench", ".sql");
        Files.writeString(script, "insert into contract (name, value) values ('Benchmark project', 125000000.50);\n");
        String out = run(List.of("pgbench", "-n", "-h", host, "-p", port, "-U", user, "-c", String.valueOf(clients),
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

    /** Kafka's ProducerPerformance then ConsumerPerformance: records per second, both ways, 500-byte records. */
    static double[] kafkaRecordsPerSecond(String bootstrap, int records) throws Exception {
        String topic = "landfall-bench-" + System.currentTimeMillis();
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        String produced = java("org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", String.valueOf(records), "--record-size", "500", "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "linger.ms=5", "compression.type=lz4");
        Matcher p1 = Pattern.compile("([0-9.]+) records/sec").matcher(produced);
        double producer = -1;
        while (p1.find()) {
            producer = Double.parseDouble(p1.group(1)); // the last line is the total
        }
        String consumed = java("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap,
                "--topic", topic, "--messages", String.valueOf(records), "--show-detailed-stats", "false");
        // the data line: start, end, MB, MB/s, nMsg, nMsg/s, rebalance ms, fetch ms, fetch MB/s, fetch nMsg/s
        double consumer = Double.NaN;
        for (String line : consumed.strip().split("\n")) {
            String[] cols = line.split(",\\s*");
            if (cols.length > 5 && cols[5].matches("[0-9.]+")) {
                consumer = Double.parseDouble(cols[5]);
            }
        }
        if (Double.isNaN(consumer)) {
            Benchmark.say("ConsumerPerformance printed no rate:%n%s", consumed);
        }
        return new double[] {producer, consumer};
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
