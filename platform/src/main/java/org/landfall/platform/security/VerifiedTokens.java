package org.landfall.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Verifies a bearer token against the issuer it names ({@link Issuers}: the identity provider's, and the development
 * issuer's where {@link DevelopmentTrust} trusts it), and each distinct token once in a while, not on every request. A client sends the same token for
 * hours, and an RSA signature check is one of the larger CPU costs of a request here (C1-compiled big-integer
 * arithmetic). The key is the whole token, signature included, so a token that differs by one character is verified
 * anew. A verified token is reused for {@link #MAX_AGE} at most (and never past its {@code exp}), so that a key the
 * provider withdraws stops opening the API within minutes; the cache forgets everything as soon as the configured
 * keys read differently, and when full it forgets the token used least recently.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    /** Enough for every token in use at once. */
    static final int MAX_ENTRIES = 10_000;
    /** How long a verification holds before the token is checked again against the keys of the moment. */
    static final Duration MAX_AGE = Duration.ofMinutes(2);
    /** How often the configured keys are read again to learn whether they changed. */
    static final Duration KEY_CHECK = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(VerifiedTokens.class);

    private final Cache cache = new Cache(Clock.systemUTC(), MAX_ENTRIES, MAX_AGE);
    private final AtomicLong nextKeyCheck = new AtomicLong();

    @Inject
    DevelopmentTrust trust;

    @Inject
    JWTAuthContextInfo provider;

    private Issuers issuers;

    @PostConstruct
    void issuers() {
        issuers = new Issuers(provider, trust.trusted());
        LOG.infof("Accepting the tokens of %s%s", provider.getIssuedBy(), issuers.developmentToo()
                ? " and, beside them, the development tokens (" + DevelopmentTrust.DEV_ISSUER + ")" : "");
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        checkKeysNowAndThen();
        JsonWebToken verified = cache.get(token);
        if (verified == null) {
            // Whatever keys the provider's address serves: a token anyone can sign is no credential here.
            if (!trust.trusted() && DevelopmentTrust.signedByDevelopmentKey(token)) {
                throw new ParseException("signed by the development key, which this service does not trust");
            }
            verified = issuers.verify(token);
            cache.put(token, verified);
        }
        return verified;
    }

    /** Reads the keys again, off the request's thread, at most once a {@link #KEY_CHECK}. */
    private void checkKeysNowAndThen() {
        long now = System.currentTimeMillis();
        long due = nextKeyCheck.get();
        if (now >= due && nextKeyCheck.compareAndSet(due, now + KEY_CHECK.toMillis())) {
            CompletableFuture.runAsync(() -> keys().ifPresent(cache::keysAre));
        }
    }

    /** The text of the configured verification keys as they read now (a JWKS address is fetched); empty if unread. */
    private static Optional<String> keys() {
        Config config = ConfigProvider.getConfig();
        try {
            String location = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).orElse(null);
            return Optional.of(config.getOptionalValue("mp.jwt.verify.publickey", String.class).orElse("") + "\n"
                    + (location == null ? "" : KeyUtils.readKeyContent(location)));
        } catch (IOException | RuntimeException unread) {
            // the provider may be away for a moment: the cache keeps what it has, for MAX_AGE at most
            LOG.debugf("cannot read the verification keys now: %s", unread.getMessage());
            return Optional.empty();
        }
    }

    /** Verified tokens by their text, least recently used first. */
    static final class Cache {

        private record Entry(JsonWebToken jwt, long verifiedAt) {
        }

        private final Clock clock;
        private final long maxAgeMillis;
        private final Map<String, Entry> tokens;
        private String keys;

        Cache(Clock clock, int maxEntries, Duration maxAge) {
            this.clock = clock;
            this.maxAgeMillis = maxAge.toMillis();
            this.tokens = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                    return size() > maxEntries;
                }
            };
        }

        synchronized JsonWebToken get(String token) {
            Entry entry = tokens.get(token);
            if (entry == null) {
                return null;
            }
            long now = clock.millis();
            if (now - entry.verifiedAt() >= maxAgeMillis || entry.jwt().getExpirationTime() * 1000 <= now) {
                tokens.remove(token);
                return null;
            }
            return entry.jwt();
        }

        synchronized void put(String token, JsonWebToken jwt) {
            tokens.put(token, new Entry(jwt, clock.millis()));
        }

        /** The keys as read now: if they are not those read before, no verification made with the old ones holds. */
        synchronized void keysAre(String now) {
            if (keys != null && !Objects.equals(keys, now)) {
                tokens.clear();
            }
            keys = now;
        }
    }
}
