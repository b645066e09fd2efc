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
 * {@code READY key=value ...}, and writes the same endpoints to {@code <state-dir>/endpoints.properties}. With
 * {@code --keycloak-port} it then starts Keycloak (database {@code keycloak} on that server, the realm of
 * {@code --keycloak-realm}; see {@link KeycloakServer}) while its caller starts the services, and prints
 * {@code SSO-READY key=value ...} (adding the same to endpoints.properties) or {@code SSO-FAILED reason}. It stops
 * everything on SIGINT/SIGTERM and, with {@code --exit-on-stdin-eof}, when its parent goes away.
 *
 * <pre>
 * java -jar local-infra/target/local-infra.jar run --state-dir DIR [--kafka-port 9092] [--kafka-controller-port 0]
 *      [--pg-port 55432] [--databases a,b] [--fast] [--fresh] [--no-kafka] [--no-postgres] [--exit-on-stdin-eof]
 *      [--keycloak-port 8180 --keycloak-realm FILE [--keycloak-dist DIR]]
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
    public static final String SSO_READY = "SSO-READY";
    public static final String SSO_FAILED = "SSO-FAILED";
    public static final String KEYCLOAK_URL = "keycloak.url";
    public static final String KEYCLOAK_ISSUER = "keycloak.issuer";
    /** The demo users' file ({@link DemoUser#read}). */
    public static final String KEYCLOAK_USERS = "keycloak.users";
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
                    + "[--fast] [--fresh] [--no-kafka] [--no-postgres] [--exit-on-stdin-eof] "
                    + "[--keycloak-port N --keycloak-realm FILE [--keycloak-dist DIR]]");
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
        writeEndpoints(o.stateDir, endpoints);
        say(READY, endpoints);

        if (o.keycloakPort >= 0) {
            // on this thread: Keycloak's kc.sh dies with the thread that started it (setpriv --pdeathsig)
            startKeycloak(o, endpoints, started);
        }

        if (o.exitOnStdinEof) {
            while (System.in.read() >= 0) {
                // the parent keeps the pipe open for as long as it needs us
            }
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    /** Keycloak, after READY: its start overlaps with the services' starts. A failure leaves Kafka and PostgreSQL up. */
    private static void startKeycloak(Options o, Properties endpoints, List<AutoCloseable> started) throws IOException {
        long t0 = System.nanoTime();
        KeycloakServer keycloak = new KeycloakServer(o.stateDir.resolve("keycloak"),
                o.keycloakDist != null ? o.keycloakDist : o.stateDir.resolve("keycloak/dist"), o.keycloakRealm,
                port(o.keycloakPort), endpoints.getProperty(JDBC), endpoints.getProperty(DB_USER),
                endpoints.getProperty(DB_PASSWORD));
        started.add(keycloak);
        Properties sso = new Properties();
        try {
            String issuer = keycloak.start(Duration.ofMinutes(10));
            sso.setProperty(KEYCLOAK_URL, keycloak.url());
            sso.setProperty(KEYCLOAK_ISSUER, issuer);
            sso.setProperty(KEYCLOAK_USERS, keycloak.usersFile().toString());
            sso.setProperty("keycloak.ready-ms", String.valueOf((System.nanoTime() - t0) / 1_000_000));
        } catch (Exception e) {
            System.err.println("local-infra: Keycloak: " + e.getMessage());
            System.out.println(SSO_FAILED + " " + e.getMessage());
            System.out.flush();
            return;
        }
        endpoints.putAll(sso);
        writeEndpoints(o.stateDir, endpoints);
        say(SSO_READY, sso);
    }

    private static void writeEndpoints(Path stateDir, Properties endpoints) throws IOException {
        try (Writer w = Files.newBufferedWriter(stateDir.resolve("endpoints.properties"))) {
            endpoints.store(w, "local infrastructure endpoints");
        }
    }

    /** One line on stdout: {@code WORD key=value ...}, the keys sorted. */
    private static void say(String word, Properties values) {
        StringBuilder line = new StringBuilder(word);
        values.stringPropertyNames().stream().sorted()
                .forEach(k -> line.append(' ').append(k).append('=').append(values.getProperty(k)));
        System.out.println(line);
        System.out.flush();
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

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** {@code keycloakPort} -1: no Keycloak. */
    private record Options(Path stateDir, int kafkaPort, int controllerPort, int pgPort, List<String> databases, boolean fast,
                           boolean fresh, boolean kafka, boolean postgres, boolean exitOnStdinEof,
                           int keycloakPort, Path keycloakRealm, Path keycloakDist) {

        static Options parse(String[] args) {
            Path stateDir = null;
            int kafkaPort = 9092;
            int controllerPort = 0;
            int pgPort = 55432;
            List<String> databases = SERVICE_DATABASES;
            boolean fast = false, fresh = false, kafka = true, postgres = true, exitOnEof = false;
            int keycloakPort = -1;
            Path keycloakRealm = null, keycloakDist = null;
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
                    case "--keycloak-port" -> keycloakPort = Integer.parseInt(args[++i]);
                    case "--keycloak-realm" -> keycloakRealm = Paths.get(args[++i]);
                    case "--keycloak-dist" -> keycloakDist = Paths.get(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (stateDir == null) {
                throw new IllegalArgumentException("--state-dir is required");
            }
            if (keycloakPort >= 0 && (keycloakRealm == null || !postgres)) {
                throw new IllegalArgumentException("--keycloak-port needs --keycloak-realm, and PostgreSQL");
            }
            return new Options(stateDir, kafkaPort, controllerPort, pgPort, databases, fast, fresh, kafka, postgres, exitOnEof,
                    keycloakPort, keycloakRealm, keycloakDist);
        }
    }
}
