package org.landfall.platform.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness includes the outbox: a backlog is normal while Kafka is away, but events older than
 * {@code landfall.outbox.max-age-seconds} mean the relay is stuck, and the service says so.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "landfall.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxHealth implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "landfall.outbox.max-age-seconds", defaultValue = "300")
    long maxAgeSeconds;

    @Override
    public HealthCheckResponse call() {
        try {
            OutboxRelay.Backlog backlog = relay.backlog();
            return HealthCheckResponse.named("outbox")
                    .status(backlog.oldestAgeSeconds() <= maxAgeSeconds)
                    .withData("backlog", backlog.events())
                    .withData("oldestAgeSeconds", backlog.oldestAgeSeconds())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("outbox").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
