package org.landfall.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The broker and database server that every test of a run shares. {@code ./landfall test} starts them once and
 * hands them over in {@code LANDFALL_TEST_KAFKA} and {@code LANDFALL_TEST_JDBC}; a test JVM started any other way
 * (an IDE, {@code ./mvnw verify -pl reporting}) launches its own, which ends with the JVM, even a killed one:
 * the launcher exits when its stdin pipe closes.
 */
public final class SharedInfra {

    public record Endpoints(String kafkaBootstrapServers, String jdbcBaseUrl, String username, String password) {

        public String jdbcUrl(String database) {
            return jdbcBaseUrl + database;
        }
    }

    private static Endpoints endpoints;
    private static Process launcher;

    private SharedInfra() {
    }

    public static synchronized Endpoints get() {
        if (endpoints == null) {
            String kafka = System.getenv("LANDFALL_TEST_KAFKA");
            String jdbc = System.getenv("LANDFALL_TEST_JDBC");
            if (kafka != null && jdbc != null) {
                endpoints = new Endpoints(kafka, jdbc,
                        System.getenv().getOrDefault("LANDFALL_TEST_JDBC_USERNAME", PostgresCluster.SUPERUSER),
                        System.getenv().getOrDefault("LANDFALL_TEST_JDBC_PASSWORD", ""));
            } else {
                endpoints = launch();
            }
        }
        return endpoints;
    }

    /** Drops and recreates a database, so that a test JVM starts from an empty schema. */
    public static void recreateDatabase(String name) {
        Endpoints e = get();
        try {
            LocalInfra.recreateDatabase(e.jdbcBaseUrl(), e.username(), e.password(), name);
        } catch (java.sql.SQLException ex) {
            throw new IllegalStateException("cannot recreate database " + name, ex);
        }
    }

    private static Endpoints launch() {
        try {
            Path state = Files.createTempDirectory("landfall-test-infra");
            List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", launcherClasspath(), LocalInfra.class.getName(), "run",
                    "--state-dir", state.toString(), "--kafka-port", "0", "--pg-port", "0",
                    "--databases", "postgres", "--fast", "--exit-on-stdin-eof");
            launcher = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(state.resolve("local-infra.log").toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(SharedInfra::stop, "shared-infra-stop"));
            BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(LocalInfra.READY + " ")) {
                    Map<String, String> kv = new HashMap<>();
                    Arrays.stream(line.substring(LocalInfra.READY.length() + 1).split(" "))
                            .map(p -> p.split("=", 2)).forEach(p -> kv.put(p[0], p.length > 1 ? p[1] : ""));
                    return new Endpoints(kv.get(LocalInfra.KAFKA), kv.get(LocalInfra.JDBC),
                            kv.get(LocalInfra.DB_USER), kv.get(LocalInfra.DB_PASSWORD));
                }
            }
            throw new IllegalStateException("local infrastructure exited before it was ready; see "
                    + state.resolve("local-infra.log") + ":\n" + Files.readString(state.resolve("local-infra.log")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local infrastructure", e);
        }
    }

    private static void stop() {
        if (launcher != null && launcher.isAlive()) {
            try {
                launcher.getOutputStream().close();
                if (!launcher.waitFor(30, TimeUnit.SECONDS)) {
                    launcher.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                launcher.destroyForcibly();
            }
        }
    }

    /** target/classes (or the jar) of this module plus the broker's libraries in target/lib. */
    private static String launcherClasspath() {
        try {
            Path self = Paths.get(SharedInfra.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path lib = self.getParent().resolve("lib");
            if (!Files.isDirectory(lib)) {
                throw new IllegalStateException("missing " + lib + ": build local-infra first (./mvnw -pl local-infra package)");
            }
            return self + java.io.File.pathSeparator + lib + "/*";
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
