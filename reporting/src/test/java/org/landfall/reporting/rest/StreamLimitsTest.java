package org.landfall.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.landfall.platform.problem.ProblemException;

class StreamLimitsTest {

    @Test
    void shouldRefuseAPersonsStreamBeyondTheirShareWith429() {
        StreamLimits limits = new StreamLimits(2, 10);
        limits.open("li");
        Runnable second = limits.open("li");
        assertEquals(429, assertThrows(ProblemException.class, () -> limits.open("li")).problem().getStatus());
        limits.open("wang"); // another person's share is their own
        second.run();
        limits.open("li"); // a closed stream frees its place
    }

    @Test
    void shouldRefuseAnyStreamBeyondTheServicesWith429() {
        StreamLimits limits = new StreamLimits(2, 3);
        Runnable first = limits.open("li");
        limits.open("wang");
        limits.open("zhao");
        assertEquals(429, assertThrows(ProblemException.class, () -> limits.open("sun")).problem().getStatus());
        first.run();
        first.run(); // closing twice frees one place, not two
        limits.open("sun");
        assertEquals(429, assertThrows(ProblemException.class, () -> limits.open("qian")).problem().getStatus());
    }
}
