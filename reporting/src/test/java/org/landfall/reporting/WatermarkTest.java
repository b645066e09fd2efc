package org.landfall.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.landfall.reporting.domain.Watermark;

class WatermarkTest {

    static final Watermark.Partition P0 = new Watermark.Partition("landfall.projects", 0);
    static final Watermark.Partition P1 = new Watermark.Partition("landfall.projects", 1);
    static final Watermark.Partition U0 = new Watermark.Partition("landfall.project-updates", 0);
    static final Instant W = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2024-01-02T00:00:00Z");
    static final Instant T2 = Instant.parse("2024-01-03T00:00:00Z");

    @Test
    void shouldMoveToTheLatestMomentAppliedWhenEveryPartitionIsReadToItsEnd() {
        Instant next = Watermark.next(W, List.of(new Watermark.Consumed(P0, 5, T1), new Watermark.Consumed(U0, 3, T2)),
                Map.of(P0, 5L, P1, 0L, U0, 3L));
        assertEquals(T2, next, "an empty partition hides nothing");
    }

    @Test
    void shouldStopAtTheLatestMomentAppliedFromAPartitionStillBeingRead() {
        Instant next = Watermark.next(W, List.of(new Watermark.Consumed(P0, 5, T1), new Watermark.Consumed(U0, 3, T2)),
                Map.of(P0, 9L, U0, 3L));
        assertEquals(T1, next, "what P0 still holds was recorded at T1 or later");
    }

    @Test
    void shouldNotMoveWhileAPartitionWithRecordsHasNotBeenReadAtAll() {
        Instant next = Watermark.next(W, List.of(new Watermark.Consumed(U0, 3, T2)), Map.of(P0, 2L, U0, 3L));
        assertEquals(W, next);
    }

    @Test
    void shouldNeverGoBack() {
        Instant next = Watermark.next(T2, List.of(new Watermark.Consumed(P0, 5, T1)), Map.of(P0, 9L));
        assertEquals(T2, next);
    }

    @Test
    void shouldNotMoveBeforeAnythingWasApplied() {
        assertEquals(Watermark.NOTHING, Watermark.next(Watermark.NOTHING, List.of(), Map.of(P0, 0L)));
    }
}
