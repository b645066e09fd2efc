package org.landfall.platform.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each distinct bearer token once, not on every request. A client sends the same token for hours, and
 * an RSA signature check is one of the larger CPU costs of a request here (C1-compiled big-integer arithmetic).
 * The key is the whole token, signature included, so a token that differs by one character is verified anew;
 * a verified token is reused only until its {@code exp}, after which it goes through the full check again.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    /** Enough for every token in use at once; when full, forgetting them all costs one verification each. */
    static final int MAX_ENTRIES = 10_000;

    private final Cache cache = new Cache(Clock.systemUTC(), MAX_ENTRIES);

    @Inject
    DevelopmentTrust trust;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken verified = cache.get(token);
        if (verified == null) {
            // Whatever keys the provider's address serves: a token anyone can sign is no credential here.
            if (!trust.trusted() && DevelopmentTrust.signedByDevelopmentKey(token)) {
                throw new ParseException("signed by the development key, which this service does not trust");
            }
            verified = super.parse(token);
            cache.put(token, verified);
        }
        return verified;
    }

    /** Verified tokens by their text, each until its expiry. */
    static final class Cache {
        private final Map<String, JsonWebToken> tokens = new ConcurrentHashMap<>();
        private final Clock clock;
        private final int maxEntries;

        Cache(Clock clock, int maxEntries) {
            this.clock = clock;
            this.maxEntries = maxEntries;
        }

        JsonWebToken get(String token) {
            JsonWebToken jwt = tokens.get(token);
            if (jwt != null && jwt.getExpirationTime() * 1000 <= clock.millis()) {
                tokens.remove(token);
                return null;
            }
            return jwt;
        }

        void put(String token, JsonWebToken jwt) {
            if (tokens.size() >= maxEntries) {
                tokens.clear();
            }
            tokens.put(token, jwt);
        }
    }
}
