package org.landfall.infra;

import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Runs Landfall's local infrastructure in the foreground: a Kafka broker and a PostgreSQL server (or an existing
 * server named by {@code LANDFALL_DB_URL}), with a database per service. When both are ready it prints one line,
 * {@code READY key=value ...}, and writes the same endpoints to {@code <state-dir>/endpoints.properties}. It stops
 * everything on SIGINT/SIGTERM and, with {@code --exit-on-stdin-eof}, when its parent goes away.
 *
 * <pre>
 * java -jar local-infra/target/local-infra.jar run --state-dir DIR [--kafka-port 9092] [--kafka-controller-port 0]
 *      [--pg-port 55432] [--databases a,b] [--fast] [--fresh] [--no-kafka] [--no-postgres] [--exit-on-stdin-eof]
 * java -jar local-infra/target/local-infra.jar recreate-database JDBC_BASE_URL USER PASSWORD NAME
 * java -jar local-infra/target/local-infra.jar await-consumers BOOTSTRAP SECONDS GROUP=TOPIC[,TOPIC] ...
 * </pre>
 * A port of 0 means "any free port". A broker restarted on its state directory (the fault campaign does) keeps
 * its controller port with {@code --kafka-controller-port}.
 */
public final class LocalInfra {

    public static final String READY = "READY";
    public static final String KAFKA = "kafka.bootstrap.servers";
    public static final String JDBC = "jdbc.base-url";
    public static final String DB_USER = "jdbc.username";
    public static final String DB_PASSWORD = "jdbc.password";
    public static final List<String> SERVICE_DATABASES =
            List.of("landfall_intake", "landfall_status", "landfall_reporting");

    private LocalInfra() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 5 && args[0].equals("recreate-database")) {
            recreateDatabase(args[1], args[2], args[3], args[4]);
            return;
        }
        if (args.length >= 4 && args[0].equals("await-consumers")) {
            boolean owned = ConsumerGroups.await(args[1], Duration.ofSeconds(Long.parseLong(args[2])),
                    List.of(Arrays.copyOfRange(args, 3, args.length)));
            System.exit(owned ? 0 : 1);
        }
        if (args.length == 0 || !args[0].equals("run")) {
            System.err.println("usage: run --state-dir DIR [--kafka-port N] [--kafka-controller-port N] [--pg-port N] [--databases a,b] "
                    + "[--fast] [--fresh] [--no-kafka] [--no-postgres] [--exit-on-stdin-eof]");
            System.exit(2);
        }
        Options o = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        try {
            run(o);
        } catch (IllegalStateException e) {
            System.err.println("local-infra: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Options o) throws Exception {
        if (o.fresh) {
            deleteTree(o.stateDir);
        }
        Files.createDirectories(o.stateDir);
        List<AutoCloseable> started = new ArrayList<>();
        // Stop in reverse order of start, whether we end by a signal, by System.exit or by a failure below.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (Exception e) {
                    System.err.println("local-infra: stopping " + started.get(i).getClass().getSimpleName() + ": " + e);
                }
            }
        }, "local-infra-stop"));

        Properties endpoints = new Properties();
        long t0 = System.nanoTime();
        if (o.postgres) {
            String external = System.getenv("LANDFALL_DB_URL");
            if (external != null && !external.isBlank()) {
                String user = System.getenv().getOrDefault("LANDFALL_DB_USERNAME", "postgres");
                String password = System.getenv().getOrDefault("LANDFALL_DB_PASSWORD", "");
                createDatabases(external, user, password, o.databases);
                endpoints.setProperty(JDBC, external.endsWith("/") ? external : external + "/");
                endpoints.setProperty(DB_USER, user);
                endpoints.setProperty(DB_PASSWORD, password);
            } else {
                PostgresCluster pg = new PostgresCluster(o.stateDir.resolve("postgres/data"), port(o.pgPort), o.fast);
                started.add(pg);
                pg.start(Duration.ofSeconds(60));
                createDatabases(pg.jdbcBaseUrl(), PostgresCluster.SUPERUSER, "", o.databases);
                endpoints.setProperty(JDBC, pg.jdbcBaseUrl());
                endpoints.setProperty(DB_USER, PostgresCluster.SUPERUSER);
                endpoints.setProperty(DB_PASSWORD, "");
            }
            endpoints.setProperty("postgres.ready-ms", String.valueOf((System.nanoTime() - t0) / 1_000_000));
        }
        if (o.kafka) {
            long t1 = System.nanoTime();
            KafkaNode kafka = new KafkaNode(o.stateDir.resolve("kafka"), port(o.kafkaPort), port(o.controllerPort));
            started.add(kafka);
            kafka.start(Duration.ofSeconds(60));
            endpoints.setProperty(KAFKA, kafka.bootstrapServers());
            endpoints.setProperty("kafka.ready-ms", String.valueOf((System.nanoTime() - t1) / 1_000_000));
        }
        endpoints.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        try (Writer w = Files.newBufferedWriter(o.stateDir.resolve("endpoints.properties"))) {
            endpoints.store(w, "local infrastructure endpoints");
        }
        StringBuilder line = new StringBuilder(READY);
        endpoints.stringPropertyNames().stream().sorted()
                .forEach(k -> line.append(' ').append(k).append('=').append(endpoints.getProperty(k)));
        System.out.println(line);
        System.out.flush();

        if (o.exitOnStdinEof) {
            while (System.in.read() >= 0) {
                // the parent keeps the pipe open for as long as it needs us
            }
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    static void createDatabases(String baseUrl, String user, String password, List<String> names) throws Exception {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        try (Connection c = DriverManager.getConnection(base + "postgres", user, password)) {
            for (String name : names) {
                String safe = name.replaceAll("[^a-z0-9_]", "");
                try (var rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + safe + "'")) {
                    if (!rs.next()) {
                        c.createStatement().execute("create database " + safe);
                    }
                }
            }
        }
    }

    /** Drops a database (closing its connections) and creates it empty: a service's read model starts over. */
    public static void recreateDatabase(String baseUrl, String user, String password, String name) throws java.sql.SQLException {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        String safe = name.replaceAll("[^a-z0-9_]", "");
        try (Connection c = DriverManager.getConnection(base + "postgres", user, password)) {
            c.createStatement().execute("drop database if exists " + safe + " with (force)");
            c.createStatement().execute("create database " + safe);
        }
    }

    private static int port(int requested) throws IOException {
        if (requested != 0) {
            return requested;
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private record Options(Path stateDir, int kafkaPort, int controllerPort, int pgPort, List<String> databases, boolean fast,
                           boolean fresh, boolean kafka, boolean postgres, boolean exitOnStdinEof) {

        static Options parse(String[] args) {
            Path stateDir = null;
            int kafkaPort = 9092;
            int controllerPort = 0;
            int pgPort = 55432;
            List<String> databases = SERVICE_DATABASES;
            boolean fast = false, fresh = false, kafka = true, postgres = true, exitOnEof = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--state-dir" -> stateDir = Paths.get(args[++i]);
                    case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                    case "--kafka-controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                    case "--pg-port" -> pgPort = Integer.parseInt(args[++i]);
                    case "--databases" -> databases = List.of(args[++i].split(","));
                    case "--fast" -> fast = true;
                    case "--fresh" -> fresh = true;
                    case "--no-kafka" -> kafka = false;
                    case "--no-postgres" -> postgres = false;
                    case "--exit-on-stdin-eof" -> exitOnEof = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (stateDir == null) {
                throw new IllegalArgumentException("--state-dir is required");
            }
            return new Options(stateDir, kafkaPort, controllerPort, pgPort, databases, fast, fresh, kafka, postgres, exitOnEof);
        }
    }
}
