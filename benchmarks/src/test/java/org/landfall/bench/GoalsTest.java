package org.landfall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class GoalsTest {

    private static Properties results(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    private static Goals.Goal named(Properties p, String figure) {
        return Goals.of(p).stream().filter(g -> g.figure().startsWith(figure)).findFirst().orElseThrow();
    }

    @Test
    void shouldHoldTheSumOfEveryProcessToTheCpuPerSigning() {
        Properties p = results("cpu.per-signing.ms.project-intake", "1.20", "cpu.per-signing.ms.postgres", "1.00",
                "cpu.per-signing.ms.kafka", "0.50", "pgbench.cpu.ms", "0.05");
        Goals.Goal g = named(p, "CPU per signing");
        assertEquals("2.70 ms", g.measured());
        assertTrue(g.met());
        p.setProperty("cpu.per-signing.ms.reporting", "0.31");
        assertFalse(named(p, "CPU per signing").met());
    }

    @Test
    void shouldMeetTheIntakeGoalOnlyWhenBothConsumersCaughtUpWithinTwoSeconds() {
        Properties p = results("intake.32.per-second", "650", "intake.32.p99.ms", "80", "intake.32.failed", "0",
                "intake.32.lag.seconds.project-status", "0.4", "intake.32.lag.seconds.reporting", "1.9",
                "pgbench.32.per-second", "6500");
        assertTrue(named(p, "intake at concurrency 32").met());
        assertEquals("0.10 x pgbench's 6500 inserts/s", named(p, "intake at concurrency 32").anchor());
        p.setProperty("intake.32.lag.seconds.reporting", "2.1");
        assertFalse(named(p, "intake at concurrency 32").met());
        p.setProperty("intake.32.lag.seconds.reporting", "NaN");
        assertFalse(named(p, "intake at concurrency 32").met(), "a lag that never reached 0");
    }

    @Test
    void shouldNotMeetAFigureTheRunDidNotMeasure() {
        Goals.of(new Properties()).forEach(g -> assertFalse(g.met(), g.figure()));
    }

    @Test
    void shouldHoldAsOfAndLatestToTheirOwnGoalsAndSayWhenTheReadModelHeldFewerProjects() {
        Properties p = results("report.queries", "2", "report.projects", "1000200",
                "report.0.vintage", "latest", "report.0.p99.ms", "15.5",
                "report.1.vintage", "asOf", "report.1.p99.ms", "90.0");
        assertTrue(named(p, "latest report").met());
        assertTrue(named(p, "asOf report").met());
        p.setProperty("report.0.p99.ms", "21");
        assertFalse(named(p, "latest report").met());
        assertTrue(named(p, "asOf report").met());
        p.setProperty("report.projects", "240000");
        Goals.Goal asOf = named(p, "asOf report");
        assertFalse(asOf.met());
        assertTrue(asOf.measured().contains("fewer than 1M"), asOf.measured());
    }

    @Test
    void shouldMeetTheReplayGoalOnlyWhenTheWholeLogWasApplied() {
        Properties p = results("replay.complete", "true", "replay.per-second", "60000", "replay.events", "5000000",
                "kafka.consumer.per-second", "300000");
        assertTrue(named(p, "replay").met());
        p.setProperty("replay.complete", "false");
        assertFalse(named(p, "replay").met());
    }

    @Test
    void shouldHoldReportingsMemoryDuringTheReplayToo() {
        Properties p = results("start.alone.seconds.reporting", "1.5", "rss.rest.mb.reporting", "150",
                "rss.load.mb.reporting", "200", "rss.replay.mb.reporting", "240");
        assertTrue(named(p, "reporting").met());
        p.setProperty("rss.replay.mb.reporting", "454");
        assertFalse(named(p, "reporting").met());
    }

    @Test
    void shouldSumTheStackAtRestAndRequireTheFreshnessGoal() {
        Properties p = results("rest.seconds", "30", "rest.cpu.percent.kafka", "1.0", "rest.cpu.percent.reporting", "0.5",
                "freshness.300.p99.ms", "200", "freshness.300.seen", "4500", "freshness.300.accepted", "4500");
        Goals.Goal rest = named(p, "the whole stack at rest");
        assertTrue(rest.met());
        assertEquals("1.50 % in all, kafka 1.00 %, reporting 0.50 %", rest.measured());
        p.setProperty("freshness.300.p99.ms", "300");
        assertFalse(named(p, "the whole stack at rest").met());
    }

    @Test
    void shouldCountCpuAsAShareOfOneCore() {
        assertEquals(2.0, CpuUse.percentOfOneCore(600, 30), 1e-9);
    }
}
