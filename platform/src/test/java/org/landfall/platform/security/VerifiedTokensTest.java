package org.landfall.platform.security;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void shouldReuseAVerifiedTokenUntilItExpires() {
        JsonWebToken jwt = expiringAt(NOW.plusSeconds(60));
        VerifiedTokens.Cache cache = new VerifiedTokens.Cache(Clock.fixed(NOW, ZoneOffset.UTC), 10);
        cache.put("a.b.c", jwt);
        assertSame(jwt, cache.get("a.b.c"));
        assertNull(cache.get("a.b.d"), "another signature is another token");

        VerifiedTokens.Cache later = new VerifiedTokens.Cache(Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC), 10);
        later.put("a.b.c", jwt);
        assertNull(later.get("a.b.c"), "at its expiry the token must be verified again");
    }

    @Test
    void shouldStayWithinItsSize() {
        VerifiedTokens.Cache cache = new VerifiedTokens.Cache(Clock.fixed(NOW, ZoneOffset.UTC), 2);
        cache.put("t1", expiringAt(NOW.plusSeconds(60)));
        cache.put("t2", expiringAt(NOW.plusSeconds(60)));
        cache.put("t3", expiringAt(NOW.plusSeconds(60)));
        assertNull(cache.get("t1"));
        assertNull(cache.get("t2"));
    }

    private static JsonWebToken expiringAt(Instant exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) Long.valueOf(exp.getEpochSecond()) : null;
            }
        };
    }
}
