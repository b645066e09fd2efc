package org.landfall.platform.messaging;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while a broker answers now. Quarkus's own Kafka check asks a long-lived admin client, which went on
 * answering UP with the last known nodes for as long as the broker was gone (the fault campaign found it); this
 * one asks a fresh client each time, so it has nothing cached to answer from.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private static final int TIMEOUT_MS = 3_000;

    @Inject
    KafkaClients clients;

    @Override
    public HealthCheckResponse call() {
        try (Admin admin = clients.admin(Map.of("default.api.timeout.ms", TIMEOUT_MS, "request.timeout.ms", TIMEOUT_MS,
                "socket.connection.setup.timeout.max.ms", TIMEOUT_MS))) {
            String nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 500, TimeUnit.MILLISECONDS).stream()
                    .map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(","));
            return HealthCheckResponse.named("kafka").up().withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
