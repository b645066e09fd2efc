package org.landfall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    private static final ConsumerLag.Sample BASE = new ConsumerLag.Sample(1_000, 400, 0, 0, 1_000, 1_400);

    @Test
    void shouldCountWhatIsStillInTheOutboxesAsLag() {
        // 100 signings published, 20 more in intake's outbox; status published 50 updates, 10 more wait in its outbox
        ConsumerLag.Sample now = new ConsumerLag.Sample(1_100, 450, 20, 10, 1_090, 1_520);
        assertEquals(30, ConsumerLag.pending("project-status", BASE, now));
        assertEquals(60, ConsumerLag.pending("reporting", BASE, now));
    }

    @Test
    void shouldSayNoLagOnceEveryEventIsApplied() {
        ConsumerLag.Sample now = new ConsumerLag.Sample(1_100, 450, 0, 0, 1_100, 1_550);
        assertEquals(0, ConsumerLag.pending("project-status", BASE, now));
        assertEquals(0, ConsumerLag.pending("reporting", BASE, now));
    }

    @Test
    void shouldNotCountStatusesUpdatesAgainstStatus() {
        // status consumes intake's topic alone: updates it has yet to publish are reporting's lag, not its own
        ConsumerLag.Sample now = new ConsumerLag.Sample(1_100, 400, 0, 50, 1_100, 1_500);
        assertEquals(0, ConsumerLag.pending("project-status", BASE, now));
        assertEquals(50, ConsumerLag.pending("reporting", BASE, now));
    }
}
