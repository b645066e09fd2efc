package org.landfall.platform.security;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    static final Duration MAX_AGE = Duration.ofMinutes(2);

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void shouldReuseAVerifiedTokenUntilItExpires() {
        Moving clock = new Moving();
        JsonWebToken jwt = expiringAt(NOW.plusSeconds(60));
        VerifiedTokens.Cache cache = new VerifiedTokens.Cache(clock, 10, MAX_AGE);
        cache.put("a.b.c", jwt);
        assertSame(jwt, cache.get("a.b.c"));
        assertNull(cache.get("a.b.d"), "another signature is another token");

        clock.now = NOW.plusSeconds(60);
        assertNull(cache.get("a.b.c"), "at its expiry the token must be verified again");
    }

    @Test
    void shouldVerifyALongLivedTokenAgainAfterTheMaximumAge() {
        Moving clock = new Moving();
        JsonWebToken jwt = expiringAt(NOW.plus(Duration.ofHours(8)));
        VerifiedTokens.Cache cache = new VerifiedTokens.Cache(clock, 10, MAX_AGE);
        cache.put("a.b.c", jwt);
        clock.now = NOW.plus(MAX_AGE).minusSeconds(1);
        assertSame(jwt, cache.get("a.b.c"));
        clock.now = NOW.plus(MAX_AGE);
        assertNull(cache.get("a.b.c"), "a verification holds for the maximum age, however long the token lives");
    }

    @Test
    void shouldForgetTheTokenUsedLeastRecentlyWhenFull() {
        VerifiedTokens.Cache cache = new VerifiedTokens.Cache(new Moving(), 2, MAX_AGE);
        JsonWebToken t1 = expiringAt(NOW.plusSeconds(60));
        cache.put("t1", t1);
        cache.put("t2", expiringAt(NOW.plusSeconds(60)));
        assertSame(t1, cache.get("t1"));
        cache.put("t3", expiringAt(NOW.plusSeconds(60)));
        assertNull(cache.get("t2"), "the least recently used goes");
        assertSame(t1, cache.get("t1"), "a token in use stays");
    }

    @Test
    void shouldForgetEveryVerificationWhenTheKeysChange() {
        VerifiedTokens.Cache cache = new VerifiedTokens.Cache(new Moving(), 10, MAX_AGE);
        JsonWebToken jwt = expiringAt(NOW.plusSeconds(60));
        cache.keysAre("{\"keys\": [\"one\"]}");
        cache.put("a.b.c", jwt);
        cache.keysAre("{\"keys\": [\"one\"]}");
        assertSame(jwt, cache.get("a.b.c"), "the same keys read again change nothing");
        cache.keysAre("{\"keys\": [\"two\"]}");
        assertNull(cache.get("a.b.c"), "a token verified with keys no longer served must be verified again");
    }

    private static JsonWebToken expiringAt(Instant exp) {
        return new ClaimsToken(java.util.Map.of("exp", exp.getEpochSecond()));
    }
}
