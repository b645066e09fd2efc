package org.landfall.platform.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Mints development tokens for the pages' role picker in the local run. It mints only when the launcher names
 * the DEVELOPMENT-ONLY private key's file ({@code landfall.dev-tokens.private-key-location}) and the service trusts
 * the development key ({@link DevelopmentTrust}: a dev, test or local run listening on loopback alone); a service
 * given the key anywhere else refuses to start, so no service that a network reaches can mint a token. The tokens
 * are the development issuer's (verified beside the identity provider's, {@link Issuers}) for the audience this
 * service verifies, with a jurisdiction (the whole country unless asked).
 */
@ApplicationScoped
public class DevTokenMinter {

    static final List<String> ROLES = List.of(Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN);
    static final Duration TTL = Duration.ofHours(8);

    private static final Logger LOG = Logger.getLogger(DevTokenMinter.class);

    /** A minted token and what it is for. */
    public record Minted(String token, String role, String jurisdiction, String subject, Instant expiresAt) {
    }

    @ConfigProperty(name = "landfall.dev-tokens.private-key-location")
    Optional<String> keyLocation;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    List<String> audiences;

    @Inject
    DevelopmentTrust trust;

    private volatile PrivateKey key;

    void onStart(@Observes StartupEvent start) throws Exception {
        if (enabled(trust.trusted(), trust.where(), keyLocation)) {
            key = KeyUtils.decodePrivateKey(Files.readString(Path.of(keyLocation.get())));
            LOG.warnf("Minting DEVELOPMENT tokens at /dev/tokens (%s): never where a network reaches the service",
                    trust.where());
        }
    }

    /**
     * Whether to mint: only with a key, and a key only where the development key is trusted.
     *
     * @throws IllegalStateException a key named where the development key is not trusted (the service must not start)
     */
    static boolean enabled(boolean trusted, String where, Optional<String> keyLocation) {
        if (keyLocation.isEmpty() || keyLocation.get().isBlank()) {
            return false;
        }
        if (!trusted) {
            throw new IllegalStateException("landfall.dev-tokens.private-key-location is set (" + where + "): development "
                    + "tokens are minted only by a service that listens on loopback alone in a dev, test or local run; unset it");
        }
        return true;
    }

    public boolean available() {
        return key != null;
    }

    public List<String> roles() {
        return ROLES;
    }

    public Minted mint(String role, Jurisdiction jurisdiction) {
        String subject = "dev-" + role;
        Instant expiresAt = Instant.now().plus(TTL);
        String token = Jwt.issuer(DevelopmentTrust.DEV_ISSUER).audience(Set.copyOf(audiences)).subject(subject)
                .upn(subject).claim("preferred_username", subject).claim(Jurisdiction.CLAIM, jurisdiction.code())
                .groups(role).expiresAt(expiresAt).jws().keyId("landfall-dev").sign(key);
        return new Minted(token, role, jurisdiction.code(), subject, expiresAt);
    }
}
