package org.landfall.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

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
            Map<String, String> ready = Launcher.start(Files.createTempDirectory("landfall-test-infra"), Map.of(),
                    "--kafka-port", "0", "--pg-port", "0", "--databases", "postgres", "--fast")
                    .await(LocalInfra.READY, LocalInfra.SSO_FAILED);
            return new Endpoints(ready.get(LocalInfra.KAFKA), ready.get(LocalInfra.JDBC),
                    ready.get(LocalInfra.DB_USER), ready.get(LocalInfra.DB_PASSWORD));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local infrastructure", e);
        }
    }
}
