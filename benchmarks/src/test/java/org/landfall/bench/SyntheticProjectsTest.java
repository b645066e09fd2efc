package org.landfall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.landfall.events.EventCodec;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;

/** The synthetic log holds only what intake and status could have published. */
class SyntheticProjectsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    private static final LocalDate YESTERDAY = LocalDate.of(2026, 11, 24);
    private final SyntheticProjects generator = new SyntheticProjects(7, Benchmark.ZONE, NOW);

    @Test
    void shouldFollowTheStateMachineWithCumulativeFiguresAndOrderedDates() throws Exception {
        int projects = 20_000;
        long events = 0;
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < projects; i++) {
            List<LandfallEvent> list = generator.events(i);
            events += list.size();
            ProjectSigned signed = assertInstanceOf(ProjectSigned.class, list.get(0));
            LocalDate signedOn = signed.occurredOn();
            assertTrue(!signedOn.isBefore(SyntheticProjects.FIRST_SIGNING) && !signedOn.isAfter(YESTERDAY), signedOn::toString);
            assertTrue(Arrays.asList(Geography.SECTORS).contains(signed.project().sector()));
            assertEquals(2, signed.project().contractValue().scale());
            Stage stage = Stage.SIGNED;
            Stage suspendedFrom = null;
            LocalDate lastOn = signedOn;
            Instant lastAt = Instant.MIN;
            BigDecimal invested = BigDecimal.ZERO;
            long jobs = 0;
            int revision = 1;
            for (LandfallEvent e : list) {
                assertTrue(ids.add(e.eventId()), "event ids are unique");
                assertEquals(signed.key(), e.key());
                assertFalse(e.recordedAt().isBefore(lastAt), "recorded in order");
                assertFalse(e.recordedAt().isAfter(NOW), "not recorded in the future");
                assertFalse(e.recordedAt().isBefore(e.occurredOn().atStartOfDay(Benchmark.ZONE).toInstant()),
                        "recorded after it took effect");
                lastAt = e.recordedAt();
                assertEquals(e, EventCodec.decode(EventCodec.encode(e)), "readable by every consumer");
                if (e instanceof ProjectCorrected c) {
                    assertEquals(++revision, c.project().revision());
                    assertEquals(signedOn, c.occurredOn());
                } else if (e instanceof ProjectUpdateRecorded u) {
                    assertTrue(u.occurredOn().isAfter(lastOn) && !u.occurredOn().isAfter(YESTERDAY), "effective dates move on");
                    lastOn = u.occurredOn();
                    if (u.stage() != null) {
                        assertTrue(allowed(stage, suspendedFrom).contains(u.stage()), stage + " -> " + u.stage());
                        assertEquals(stage, u.previousStage());
                        suspendedFrom = u.stage() == Stage.SUSPENDED ? stage : null;
                        stage = u.stage();
                    }
                    if (u.investmentCompleted() != null) {
                        assertTrue(u.investmentCompleted().compareTo(invested) >= 0, "investment is cumulative");
                        invested = u.investmentCompleted();
                    }
                    if (u.jobsCreated() != null) {
                        assertTrue(u.jobsCreated() >= jobs, "jobs are cumulative");
                        jobs = u.jobsCreated();
                    }
                    assertTrue(u.stage() != null || u.investmentCompleted() != null || u.note() != null, "reports something");
                }
            }
        }
        double perProject = (double) events / projects;
        assertTrue(perProject > 4.5 && perProject < 5.5, "about five events per project: " + perProject);
    }

    @Test
    void shouldGiveTheSameProjectsForTheSameSeed() {
        for (int i = 0; i < 100; i++) {
            assertEquals(generator.events(i), new SyntheticProjects(7, Benchmark.ZONE, NOW).events(i));
        }
        assertNotNull(new SyntheticProjects(8, Benchmark.ZONE, NOW).events(0));
        assertFalse(generator.events(0).equals(new SyntheticProjects(8, Benchmark.ZONE, NOW).events(0)));
    }

    /** Lifecycle's rules, written out as the contract states them. */
    private static Set<Stage> allowed(Stage current, Stage suspendedFrom) {
        return switch (current) {
            case SIGNED -> EnumSet.of(Stage.STARTED, Stage.SUSPENDED, Stage.CANCELLED);
            case STARTED -> EnumSet.of(Stage.OPERATIONAL, Stage.SUSPENDED, Stage.CANCELLED);
            case SUSPENDED -> EnumSet.of(suspendedFrom, Stage.CANCELLED);
            case OPERATIONAL, CANCELLED -> EnumSet.noneOf(Stage.class);
        };
    }
}
