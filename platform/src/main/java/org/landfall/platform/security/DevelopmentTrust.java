package org.landfall.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Whether this service may trust the repository's development key. Only a service that listens on loopback alone
 * ({@code quarkus.http.host} 127.0.0.1, ::1 or localhost) in a dev, test or local run does: whoever reaches it is
 * on the machine already. The profile alone decides nothing, since anyone who starts a service can name one.
 * Everywhere else the service refuses to start when its configured verification key is the development key (by
 * fingerprint: the key's encoded form) or its issuer is the development issuer, and a token that the development
 * key signed is refused whatever key the service fetches ({@link VerifiedTokens}).
 */
@Singleton
public class DevelopmentTrust {

    static final Set<String> DEV_PROFILES = Set.of("dev", "test", "local");
    static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "[::1]", "localhost");
    /** The issuer of the development tokens ({@code ./landfall token}, {@code /dev/tokens}). */
    public static final String DEV_ISSUER = "https://landfall.local/dev-issuer";
    /** What the configuration says when LANDFALL_JWT_ISSUER is not set (microprofile-config.properties). */
    static final String NO_ISSUER = "LANDFALL_JWT_ISSUER-is-not-set";
    private static final String DEV_KEY = "/dev-jwt/DEVELOPMENT-ONLY-public-key.pem";
    private static final PublicKey DEVELOPMENT_KEY = readDevelopmentKey();

    private final boolean trusted;
    private final String where;

    DevelopmentTrust() {
        Config config = ConfigProvider.getConfig();
        List<String> profiles = config.unwrap(SmallRyeConfig.class).getProfiles();
        String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
        this.trusted = trusted(profiles, host);
        this.where = "profile " + profiles + ", quarkus.http.host " + host;
    }

    /** Whether a service of these profiles listening on {@code host} may trust the development key. */
    static boolean trusted(List<String> profiles, String host) {
        return developmentProfile(profiles)
                && host != null && LOOPBACK.contains(host.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether one of {@code profiles} is dev, test or local: a run on the machine of the person who started it. */
    public static boolean developmentProfile(List<String> profiles) {
        return profiles.stream().anyMatch(DEV_PROFILES::contains);
    }

    /** Whether this service may trust the development key and mint development tokens. */
    public boolean trusted() {
        return trusted;
    }

    /** The profile and host that decided, for the messages of a refusal. */
    String where() {
        return where;
    }

    void onStart(@Observes @Priority(1) StartupEvent start) {
        Config config = ConfigProvider.getConfig();
        check(trusted, where, config.getOptionalValue("mp.jwt.verify.issuer", String.class),
                config.getOptionalValue("mp.jwt.verify.publickey.location", String.class),
                config.getOptionalValue("mp.jwt.verify.publickey", String.class));
    }

    /**
     * Refuses (the service must not start) a development issuer or a verification key that holds the development
     * key, unless the development key is trusted here. A key at an http(s) address is not fetched at start-up (the
     * provider may be away): {@link #signedByDevelopmentKey} refuses its tokens instead. No issuer is refused everywhere.
     *
     * @throws IllegalStateException what is refused and why
     */
    static void check(boolean trusted, String where, Optional<String> issuer, Optional<String> keyLocation,
                      Optional<String> inlineKey) {
        if (issuer.filter(i -> !i.isBlank() && !NO_ISSUER.equals(i)).isEmpty()) {
            throw new IllegalStateException("no issuer of tokens: LANDFALL_JWT_ISSUER (mp.jwt.verify.issuer) must name the "
                    + "identity provider's, exactly as its tokens' iss says (docs/security.md)");
        }
        if (trusted) {
            return;
        }
        List<String> refused = new ArrayList<>();
        if (issuer.map(String::strip).filter(DEV_ISSUER::equals).isPresent()) {
            refused.add("mp.jwt.verify.issuer (LANDFALL_JWT_ISSUER) is the development issuer " + DEV_ISSUER);
        }
        if (keyLocation.filter(l -> !l.isBlank() && !l.matches("(?i)https?:.*")).map(DevelopmentTrust::read)
                .filter(DevelopmentTrust::holdsDevelopmentKey).isPresent()) {
            refused.add("mp.jwt.verify.publickey.location (LANDFALL_JWT_PUBLIC_KEY_LOCATION) " + keyLocation.get()
                    + " holds the development key");
        }
        if (inlineKey.filter(DevelopmentTrust::holdsDevelopmentKey).isPresent()) {
            refused.add("mp.jwt.verify.publickey holds the development key");
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException(String.join("; ", refused) + ": the development key and issuer are trusted "
                    + "only by a service that listens on loopback alone in a dev, test or local run, and this one does "
                    + "not (" + where + "). Name the organisation's identity provider (docs/security.md).");
        }
    }

    /** Whether this PEM key or certificate, JWK or JWK set is, or holds, the development key. */
    static boolean holdsDevelopmentKey(String content) {
        List<PublicKey> keys = new ArrayList<>();
        try {
            keys.add(KeyUtils.decodePublicKey(content));
        } catch (GeneralSecurityException | RuntimeException notAPemKey) {
            // another form, tried below
        }
        try {
            keys.add(KeyUtils.decodeCertificate(content));
        } catch (GeneralSecurityException | RuntimeException notACertificate) {
            // another form
        }
        List<JsonWebKey> jwks = KeyUtils.loadJsonWebKeys(content);
        for (JsonWebKey jwk : jwks == null ? List.<JsonWebKey>of() : jwks) {
            if (jwk instanceof PublicJsonWebKey p && p.getPublicKey() != null) {
                keys.add(p.getPublicKey());
            }
        }
        return keys.stream().anyMatch(DevelopmentTrust::isDevelopmentKey);
    }

    static boolean isDevelopmentKey(PublicKey key) {
        return Arrays.equals(key.getEncoded(), DEVELOPMENT_KEY.getEncoded());
    }

    /** Whether the development key's signature on this compact JWS holds (false for anything that is no JWS). */
    public static boolean signedByDevelopmentKey(String token) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.RSA_USING_SHA256));
            jws.setCompactSerialization(token);
            jws.setKey(DEVELOPMENT_KEY);
            return jws.verifySignature();
        } catch (JoseException | RuntimeException notVerifiable) {
            return false;
        }
    }

    private static String read(String location) {
        try {
            return KeyUtils.readKeyContent(location);
        } catch (IOException e) {
            // smallrye-jwt says that the key cannot be read: no key, nothing of the development key's
            return "";
        }
    }

    private static PublicKey readDevelopmentKey() {
        try (InputStream in = DevelopmentTrust.class.getResourceAsStream(DEV_KEY)) {
            return KeyUtils.decodePublicKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development public key " + DEV_KEY, e);
        }
    }
}
