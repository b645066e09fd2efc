package org.landfall.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.landfall.infra.SharedInfra;

/** One packaged service (target/quarkus-app/quarkus-run.jar) running as its own process, as in production. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path ROOT = Paths.get(System.getProperty("landfall.root", "..")).toAbsolutePath().normalize();

    private static volatile String otlpEndpoint;

    final String name;
    final int port;
    /** The port of the management interface: metrics, OpenAPI and Swagger UI (health stays on {@link #port}). */
    final int managementPort;
    final String database;
    final String consumerGroup;
    private final SharedInfra.Endpoints infra;
    private final Map<String, String> environment;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, int managementPort, String database, String consumerGroup,
                           SharedInfra.Endpoints infra, Map<String, String> environment, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.database = database;
        this.consumerGroup = consumerGroup;
        this.infra = infra;
        this.environment = environment;
        this.process = process;
        this.log = log;
    }

    /** Services started from now on export their spans to this OTLP/HTTP endpoint. */
    static void traceTo(String endpoint) {
        otlpEndpoint = endpoint;
    }

    /** Starts {@code module} on a free port with a fresh database and a consumer group of its own. */
    static ServiceProcess start(String module, String database) throws IOException {
        return start(module, database, Map.of());
    }

    /**
     * As {@link #start(String, String)}, with {@code environment} over the local run's (a null value removes a
     * variable): a service in production mode, for instance.
     */
    static ServiceProcess start(String module, String database, Map<String, String> environment) throws IOException {
        SharedInfra.recreateDatabase(database);
        return start(module, database, freePort(), freePort(), module + "-e2e-" + UUID.randomUUID(), SharedInfra.get(),
                environment);
    }

    /** Starts {@code module} on a free port on the given broker and (existing) database. */
    static ServiceProcess start(String module, String database, SharedInfra.Endpoints infra) throws IOException {
        return start(module, database, infra, Map.of());
    }

    /** As {@link #start(String, String, SharedInfra.Endpoints)}, with {@code environment} over the local run's. */
    static ServiceProcess start(String module, String database, SharedInfra.Endpoints infra,
                                Map<String, String> environment) throws IOException {
        return start(module, database, freePort(), freePort(), module + "-e2e-" + UUID.randomUUID(), infra, environment);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops this service, drops its database and starts it again on the same port, in the same consumer group. */
    ServiceProcess restartWithEmptyDatabase() throws IOException, InterruptedException {
        close();
        SharedInfra.recreateDatabase(database);
        return start(name, database, port, managementPort, consumerGroup, infra, environment);
    }

    /**
     * Another instance of this service beside it, as {@code ./landfall up --replicas 2} runs: ports of its own, the
     * same database and consumer group.
     */
    ServiceProcess another() throws IOException {
        return start(name, database, freePort(), freePort(), consumerGroup, infra, environment);
    }

    /** Starts this service again, as it was (same port, database and consumer group), once it has ended. */
    ServiceProcess restart() throws IOException, InterruptedException {
        process.waitFor();
        return start(name, database, port, managementPort, consumerGroup, infra, environment);
    }

    /** Whether the process ended within {@code timeout}, and then its exit code; null while it runs. */
    Integer exitCode(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** {@code kill -9}: no shutdown hook, no graceful close of anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private static ServiceProcess start(String module, String database, int port, int managementPort,
                                        String consumerGroup, SharedInfra.Endpoints infra,
                                        Map<String, String> environment) throws IOException {
        Path jar = ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the e2e tests run after `package` (./mvnw verify)");
        }
        Path log = ROOT.resolve("e2e-tests/target").resolve(module + "-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", infra.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", infra.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
        env.put("LANDFALL_CONSUMER_GROUP", consumerGroup);
        if (otlpEndpoint != null) {
            env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", otlpEndpoint);
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        }
        // As ./landfall up does: the pages' role picker mints development tokens.
        env.put("LANDFALL_DEV_TOKENS_PRIVATE_KEY_LOCATION", DEV_PRIVATE_KEY.toString());
        environment.forEach((variable, value) -> {
            if (value == null) {
                env.remove(variable);
            } else {
                env.put(variable, value);
            }
        });
        // (a null value removes a variable: Map.copyOf would refuse it)
        return new ServiceProcess(module, port, managementPort, database, consumerGroup, infra,
                Collections.unmodifiableMap(new HashMap<>(environment)), pb.start(), log);
    }

    static final Path DEV_PRIVATE_KEY = ROOT.resolve("local-infra/src/main/resources/dev-jwt/DEVELOPMENT-ONLY-private-key.pem");

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** An address of the management interface (metrics, OpenAPI, Swagger UI). */
    String managementUrl(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    /** What {@code /q/health/ready} answers now: true for a 200, false for anything else or no answer. */
    boolean ready() throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListening) {
            return false;
        }
    }

    Path log() {
        return log;
    }

    /**
     * How long a packaged service may take to be ready: seconds on a quiet machine, but more than 100 s were seen on
     * 2 cores while other builds ran beside the tests.
     */
    static final Duration START_BOUND = Duration.ofSeconds(240);

    void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited:\n" + Files.readString(log));
            }
            if (ready()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; log: " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
