package org.landfall.platform.security;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives {@code landfall.sign-in.origin}, the origin of the sign-in provider's issuer, for the pages'
 * Content-Security-Policy: the browser fetches the provider's discovery document and exchanges the code at its token
 * endpoint, so {@code connect-src} must name the provider. Derived rather than configured beside the issuer, so that
 * the two cannot disagree.
 */
public class SignInOrigin implements ConfigSourceFactory {

    static final String ISSUER = "landfall.sign-in.issuer";
    static final String ORIGIN = "landfall.sign-in.origin";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue issuer = context.getValue(ISSUER);
        String origin = issuer == null || issuer.getValue() == null ? "" : originOf(issuer.getValue());
        return List.of(new PropertiesConfigSource(Map.of(ORIGIN, origin), "landfall-sign-in-origin", 100));
    }

    /** {@code https://sso.example.org:8443} of {@code https://sso.example.org:8443/realms/landfall}; "" when blank. */
    static String originOf(String issuer) {
        if (issuer.isBlank()) {
            return "";
        }
        URI uri = URI.create(issuer.trim());
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
            throw new IllegalArgumentException(ISSUER + " is no http(s) address: " + issuer);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
