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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.landfall.infra.SharedInfra;

/** One packaged service (target/quarkus-app/quarkus-run.jar) running as its own process, as in production. */
final class ServiceProcess implements AutoCloseable {

    private static final Path ROOT = Paths.get(System.getProperty("landfall.root", "..")).toAbsolutePath().normalize();

    private static volatile String otlpEndpoint;

    final String name;
    final int port;
    private final String database;
    private final String consumerGroup;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, String database, String consumerGroup, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.database = database;
        this.consumerGroup = consumerGroup;
        this.process = process;
        this.log = log;
    }

    /** Services started from now on export their spans to this OTLP/HTTP endpoint. */
    static void traceTo(String endpoint) {
        otlpEndpoint = endpoint;
    }

    /** Starts {@code module} on a free port with a fresh database and a consumer group of its own. */
    static ServiceProcess start(String module, String database) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return start(module, database, s.getLocalPort(), module + "-e2e-" + UUID.randomUUID());
        }
    }

    /** Stops this service, drops its database and starts it again on the same port, in the same consumer group. */
    ServiceProcess restartWithEmptyDatabase() throws IOException, InterruptedException {
        close();
        return start(name, database, port, consumerGroup);
    }

    private static ServiceProcess start(String module, String database, int port, String consumerGroup) throws IOException {
        SharedInfra.Endpoints infra = SharedInfra.get();
        SharedInfra.recreateDatabase(database);
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
        env.put("LANDFALL_DEV_TOKENS_PRIVATE_KEY_LOCATION",
                ROOT.resolve("local-infra/src/main/resources/dev-jwt/DEVELOPMENT-ONLY-private-key.pem").toString());
        return new ServiceProcess(module, port, database, consumerGroup, pb.start(), log);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
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
