package org.landfall.reporting.rest;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.landfall.platform.problem.ProblemException;
import org.landfall.reporting.domain.ReportText;

/**
 * How many report streams may be open at once: each holds a connection and a buffer for as long as it lasts, so
 * one person (a script, a page opened in many tabs) must not take them all, nor all of them the heap. One more is
 * a 429.
 */
@Singleton
public class StreamLimits {

    private final int perPerson;
    private final int inAll;
    private final Map<String, Integer> open = new HashMap<>();
    private int total;

    @Inject
    StreamLimits(@ConfigProperty(name = "landfall.stream.max-per-person") int perPerson,
                 @ConfigProperty(name = "landfall.stream.max-in-all") int inAll) {
        this.perPerson = perPerson;
        this.inAll = inAll;
    }

    /**
     * Counts a stream of {@code person}'s, or refuses it (429).
     *
     * @return what closes it, once, however many times it is called
     */
    synchronized Runnable open(String person) {
        if (total >= inAll) {
            throw ProblemException.of(429, ReportText.STREAMS_IN_ALL.with(inAll));
        }
        if (open.getOrDefault(person, 0) >= perPerson) {
            throw ProblemException.of(429, ReportText.STREAMS_PER_PERSON.with(perPerson));
        }
        open.merge(person, 1, Integer::sum);
        total++;
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                close(person);
            }
        };
    }

    private synchronized void close(String person) {
        open.computeIfPresent(person, (p, n) -> n == 1 ? null : n - 1);
        total--;
    }
}
