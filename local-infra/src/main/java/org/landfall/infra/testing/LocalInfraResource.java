package org.landfall.infra.testing;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.landfall.infra.SharedInfra;

/**
 * Points a service's {@code @QuarkusTest}s at the run's shared broker and database server. Each test JVM gets a
 * fresh database of its own (named by the {@code database} init argument) and a consumer group of its own, so
 * a module's tests never see another module's rows or committed offsets.
 */
public class LocalInfraResource implements QuarkusTestResourceLifecycleManager {

    private String database = "landfall_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        SharedInfra.Endpoints infra = SharedInfra.get();
        SharedInfra.recreateDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
                "quarkus.datasource.username", infra.username(),
                "quarkus.datasource.password", infra.password(),
                "landfall.consumer-group", database + "-" + UUID.randomUUID());
    }

    @Override
    public void stop() {
        // The shared infrastructure outlives a single application start; it ends with the run or the JVM.
    }
}
