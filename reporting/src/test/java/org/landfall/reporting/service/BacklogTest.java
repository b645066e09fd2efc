package org.landfall.reporting.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.landfall.reporting.domain.Watermark;

class BacklogTest {

    private static final Watermark.Partition PROJECTS_0 = new Watermark.Partition("landfall.projects", 0);
    private static final Watermark.Partition UPDATES_3 = new Watermark.Partition("landfall.project-updates", 3);

    @Test
    void consumersFarFromTheEndOfTheLogAreReplaying() {
        Backlog backlog = new Backlog();
        backlog.read(List.of(new Watermark.Consumed(PROJECTS_0, 5_000, null)),
                Map.of(PROJECTS_0, 5_000 + Backlog.REPLAY_RECORDS + 1));
        assertTrue(backlog.replaying());
    }

    @Test
    void theBacklogIsWhatEachPartitionsLastBatchLeftSoCatchingUpEndsTheReplay() {
        Backlog backlog = new Backlog();
        backlog.read(List.of(new Watermark.Consumed(PROJECTS_0, 10, null), new Watermark.Consumed(UPDATES_3, 10, null)),
                Map.of(PROJECTS_0, Backlog.REPLAY_RECORDS / 2 + 10, UPDATES_3, Backlog.REPLAY_RECORDS / 2 + 11));
        assertTrue(backlog.replaying(), "the partitions' backlogs add up");
        backlog.read(List.of(new Watermark.Consumed(UPDATES_3, Backlog.REPLAY_RECORDS / 2 + 11, null)),
                Map.of(PROJECTS_0, Backlog.REPLAY_RECORDS / 2 + 10, UPDATES_3, Backlog.REPLAY_RECORDS / 2 + 11));
        assertFalse(backlog.replaying(), "a partition read to its end leaves nothing of its own");
    }

    @Test
    void liveConsumptionAndAFreshStartAreNoReplay() {
        Backlog backlog = new Backlog();
        assertFalse(backlog.replaying());
        backlog.read(List.of(new Watermark.Consumed(PROJECTS_0, 100, null)), Map.of(PROJECTS_0, 140L));
        assertFalse(backlog.replaying());
    }
}
