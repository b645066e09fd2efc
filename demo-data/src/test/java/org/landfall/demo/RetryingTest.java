package org.landfall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What the loader sends again, how long it pauses, and when it stops. */
class RetryingTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final Retrying retrying = new Retrying(4, Duration.ofMillis(250), Duration.ofSeconds(10), pauses::add);

    @Test
    void shouldRetryTooManyRequestsAndEveryServerError() {
        for (int status : new int[] {429, 500, 502, 503, 504}) {
            assertTrue(Retrying.retryable(status), String.valueOf(status));
        }
    }

    @Test
    void shouldTakeEveryOtherAnswerAsTheServersWord() {
        for (int status : new int[] {200, 201, 400, 401, 403, 404, 409, 413, 415, 422}) {
            assertFalse(Retrying.retryable(status), String.valueOf(status));
        }
    }

    @Test
    void shouldSendAgainAfterAGoawayAConnectionFailureAndA503UntilTheServerTakesIt() throws Exception {
        Script script = new Script(new IOException("GOAWAY received"), new ConnectException("Connection refused"),
                reply(503), reply(201));
        assertEquals(201, retrying.send("POST /api/projects", script, () -> false).orElseThrow().status());
        assertEquals(4, script.calls);
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)), pauses);
    }

    @Test
    void shouldReturnARefusalAtOnce() throws Exception {
        Script script = new Script(reply(422), reply(201));
        assertEquals(422, retrying.send("POST /api/projects", script, () -> false).orElseThrow().status());
        assertEquals(1, script.calls);
        assertTrue(pauses.isEmpty());
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptNamingTheLastFailure() {
        Script script = new Script(reply(503), new HttpTimeoutException("request timed out"), reply(502),
                new IOException("GOAWAY received"), reply(201));
        Retrying.GaveUp e = assertThrows(Retrying.GaveUp.class, () -> retrying.send("POST /api/projects", script, () -> false));
        assertEquals(4, script.calls);
        assertEquals(3, pauses.size());
        assertTrue(e.getMessage().contains("POST /api/projects failed 4 times"), e.getMessage());
        assertTrue(e.getMessage().contains("GOAWAY received"), e.getMessage());
    }

    @Test
    void shouldNotSendAgainWhatTookEffectAlthoughItsAnswerWasLost() throws Exception {
        Script script = new Script(new IOException("Connection reset"), reply(201));
        assertEquals(Optional.empty(), retrying.send("POST /api/projects/x/updates", script, () -> true));
        assertEquals(1, script.calls);
    }

    @Test
    void shouldCountAFailedCheckAsAFailedAttemptAndSendNothingOnIt() throws Exception {
        Script script = new Script(reply(503), reply(201));
        Deque<Object> checks = new ArrayDeque<>(List.of(new IOException("Connection refused"), false));
        Optional<Retrying.Reply> r = retrying.send("POST /api/projects/x/updates", script, () -> {
            Object next = checks.pop();
            if (next instanceof IOException e) {
                throw e;
            }
            return (Boolean) next;
        });
        assertEquals(201, r.orElseThrow().status());
        assertEquals(2, script.calls);
        assertEquals(2, pauses.size());
    }

    @Test
    void shouldDoubleThePauseUpToTheMaximumAndHonourRetryAfterWithinIt() {
        assertEquals(Duration.ofMillis(250), retrying.pauseAfter(1, Optional.empty()));
        assertEquals(Duration.ofSeconds(4), retrying.pauseAfter(5, Optional.empty()));
        assertEquals(Duration.ofSeconds(10), retrying.pauseAfter(7, Optional.empty()));
        assertEquals(Duration.ofSeconds(10), retrying.pauseAfter(60, Optional.empty()));
        assertEquals(Duration.ofSeconds(3), retrying.pauseAfter(1, Optional.of("3")));
        assertEquals(Duration.ofSeconds(10), retrying.pauseAfter(1, Optional.of("3600")));
        assertEquals(Duration.ofMillis(500), retrying.pauseAfter(2, Optional.of("Wed, 21 Oct 2015 07:28:00 GMT")));
    }

    private static Retrying.Reply reply(int status) {
        return new Retrying.Reply(status, "{}", HttpHeaders.of(Map.of(), (name, value) -> true));
    }

    /** Answers with the given replies or throws the given failures, in turn. */
    private static final class Script implements Retrying.Call {
        private final Deque<Object> outcomes;
        int calls;

        Script(Object... outcomes) {
            this.outcomes = new ArrayDeque<>(List.of(outcomes));
        }

        @Override
        public Retrying.Reply send() throws IOException {
            calls++;
            Object next = outcomes.pop();
            if (next instanceof IOException e) {
                throw e;
            }
            return (Retrying.Reply) next;
        }
    }
}
