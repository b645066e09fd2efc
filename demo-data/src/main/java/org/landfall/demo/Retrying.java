package org.landfall.demo;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls a service again, a bounded number of times with growing pauses, when it did not take a request: a
 * transport failure (refused or reset connection, timeout, an HTTP/2 GOAWAY) or an answer that says "not now"
 * (429, any 5xx: the services answer no input with a 5xx, so one means the server could not do it now). Any
 * other answer, a refusal included, is the server's word and is returned at once.
 */
final class Retrying {

    /** One HTTP exchange. */
    interface Call {
        Reply send() throws IOException, InterruptedException;
    }

    /** Asked before a request that is not idempotent is sent again: did the failed attempt take effect after all? */
    interface Check {
        boolean tookEffect() throws IOException, InterruptedException;
    }

    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    /** An answer: its status, body and headers. */
    record Reply(int status, String body, HttpHeaders headers) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** The attempts are spent and the service still did not take the request. */
    static final class GaveUp extends Exception {
        GaveUp(String message) {
            super(message);
        }
    }

    private final int attempts;
    private final Duration firstPause;
    private final Duration maxPause;
    private final Sleeper sleeper;

    Retrying(int attempts, Duration firstPause, Duration maxPause, Sleeper sleeper) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + attempts);
        }
        this.attempts = attempts;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
        this.sleeper = sleeper;
    }

    static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /**
     * The pause after the {@code attempt}-th failure: doubling from the first pause, never longer than the maximum;
     * a {@code Retry-After} in seconds is honoured up to the same maximum.
     */
    Duration pauseAfter(int attempt, Optional<String> retryAfter) {
        Duration doubling = firstPause.multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration pause = retryAfter.filter(s -> s.trim().matches("\\d{1,6}"))
                .map(s -> Duration.ofSeconds(Long.parseLong(s.trim()))).orElse(doubling);
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }

    /**
     * Sends until the service takes the request or the attempts are spent. Before each new attempt, {@code check}
     * says whether a failed one took effect after all (its answer was lost; always false for a request that is
     * idempotent anyway); then the answer is empty. A check that fails counts as a failed attempt, and nothing is
     * sent on it.
     */
    Optional<Reply> send(String what, Call call, Check check) throws GaveUp, InterruptedException {
        String failure;
        for (int attempt = 1; ; attempt++) {
            Optional<String> retryAfter = Optional.empty();
            try {
                if (attempt > 1 && check.tookEffect()) {
                    return Optional.empty();
                }
                Reply reply = call.send();
                if (!retryable(reply.status())) {
                    return Optional.of(reply);
                }
                failure = "answered " + reply.status() + " " + abbreviate(reply.body());
                retryAfter = reply.header("Retry-After");
            } catch (IOException e) {
                failure = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt == attempts) {
                throw new GaveUp(what + " failed " + attempts + (attempts == 1 ? " time" : " times") + ", last: " + failure);
            }
            sleeper.sleep(pauseAfter(attempt, retryAfter));
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
