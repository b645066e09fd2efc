package org.landfall.platform.jdbc;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.landfall.platform.security.DevelopmentTrust;

/**
 * Production names its database password (QUARKUS_DATASOURCE_PASSWORD): a service without one refuses to start with
 * a message that says so, rather than connect with none, which a server trusting local connections lets in. The dev,
 * test and local profiles (the local run's own PostgreSQL) need none.
 */
@ApplicationScoped
public class DatabasePassword {

    void onStart(@Observes @Priority(1) StartupEvent start) {
        Config config = ConfigProvider.getConfig();
        check(config.unwrap(SmallRyeConfig.class).getProfiles(),
                config.getOptionalValue("quarkus.datasource.password", String.class));
    }

    /** @throws IllegalStateException in a profile other than dev, test and local without a password */
    static void check(List<String> profiles, Optional<String> password) {
        if (!DevelopmentTrust.developmentProfile(profiles) && password.filter(p -> !p.isBlank()).isEmpty()) {
            throw new IllegalStateException("no database password: QUARKUS_DATASOURCE_PASSWORD must name it "
                    + "(docs/security.md)");
        }
    }
}
