package org.landfall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnchorsTest {

    /** What ConsumerPerformance of Kafka 4.1.2 printed on this machine, SLF4J's warnings included. */
    private static final String SUMMARY = """
            SLF4J(W): No SLF4J providers were found.
            SLF4J(W): Defaulting to no-operation (NOP) logger implementation
            start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
            2026-11-25 09:28:43:221, 2026-11-25 09:28:45:897, 8.5831, 3.2074, 20000, 7473.8416, 1704, 972, 8.8303, 20576.1317
            """;

    @Test
    void shouldReadTheConsumerRatesByTheirColumnNames() {
        assertEquals(20576.1317, Anchors.consumerColumn(SUMMARY, "fetch.nMsg.sec"));
        assertEquals(7473.8416, Anchors.consumerColumn(SUMMARY, "nMsg.sec"));
    }

    /** --show-detailed-stats (which takes no value) prints another header and, for a short run, no data line. */
    @Test
    void shouldSayNaNWhenThereIsNoSummary() {
        assertTrue(Double.isNaN(Anchors.consumerColumn("""
                time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                """, "fetch.nMsg.sec")));
    }
}
