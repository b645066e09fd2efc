package org.landfall.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.landfall.events.Stage;
import org.landfall.platform.problem.Languages;
import org.landfall.status.domain.watch.BehindSchedule;
import org.landfall.status.domain.watch.Level;
import org.landfall.status.domain.watch.NoRecentUpdate;
import org.landfall.status.domain.watch.NotOperationalPastPlannedOperation;
import org.landfall.status.domain.watch.NotStartedPastPlannedStart;
import org.landfall.status.domain.watch.OpenBlocker;
import org.landfall.status.domain.watch.ReasonCode;
import org.landfall.status.domain.watch.SuspendedTooLong;
import org.landfall.status.domain.watch.WatchFacts;
import org.landfall.status.domain.watch.WatchRule;
import org.landfall.status.domain.watch.WatchRules;
import org.landfall.status.domain.watch.Window;

/** Each reason of the watch list at the boundaries of its thresholds, without a database. */
class WatchRulesTest {

    static final LocalDate SIGNED = LocalDate.of(2023, 1, 10);
    static final LocalDate D = LocalDate.of(2023, 3, 1);

    /** A project at {@code stage} since {@code D}, with nothing else known. */
    static WatchFacts facts(Stage stage) {
        return new WatchFacts(stage, D, SIGNED, SIGNED, null, null, null, null, List.of());
    }

    static WatchFacts planned(Stage stage, LocalDate start, LocalDate operational, Integer progress) {
        return new WatchFacts(stage, D, SIGNED, SIGNED, null, start, operational, progress, List.of());
    }

    static String level(WatchRule rule, WatchFacts facts, LocalDate today) {
        return rule.levelOn(facts, today).map(Level::code).orElse("none");
    }

    @ParameterizedTest(name = "{0} days after the planned start: {1}")
    @CsvSource({"-1, none", "0, none", "1, yellow", "89, yellow", "90, yellow", "91, red", "400, red"})
    void shouldFlagASignedProjectPastItsPlannedStartYellowThenRedAfter90Days(int days, String level) {
        WatchRule rule = new NotStartedPastPlannedStart();
        assertEquals(level, level(rule, planned(Stage.SIGNED, D, null, null), D.plusDays(days)));
        assertEquals(D.plusDays(1), rule.window(planned(Stage.SIGNED, D, null, null)).orElseThrow().since());
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = "SIGNED", mode = EnumSource.Mode.EXCLUDE)
    void shouldNotFlagAProjectPastItsPlannedStartOnceItLeftSigned(Stage stage) {
        assertEquals("none", level(new NotStartedPastPlannedStart(), planned(stage, D, null, null), D.plusDays(200)));
    }

    @ParameterizedTest(name = "{0} days after the planned operation: {1}")
    @CsvSource({"0, none", "1, yellow", "89, yellow", "90, yellow", "91, red"})
    void shouldFlagAStartedOrSuspendedProjectPastItsPlannedOperationYellowThenRedAfter90Days(int days, String level) {
        WatchRule rule = new NotOperationalPastPlannedOperation();
        assertEquals(level, level(rule, planned(Stage.STARTED, null, D, null), D.plusDays(days)));
        assertEquals(level, level(rule, planned(Stage.SUSPENDED, null, D, null), D.plusDays(days)));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"SIGNED", "OPERATIONAL", "CANCELLED"})
    void shouldFlagPastPlannedOperationOnlyWhileStartedOrSuspended(Stage stage) {
        assertEquals("none", level(new NotOperationalPastPlannedOperation(), planned(stage, null, D, null), D.plusDays(200)));
    }

    @ParameterizedTest(name = "{0} days after the last update was recorded: {1}")
    @CsvSource({"89, none", "90, yellow", "91, yellow", "179, yellow", "180, red", "181, red"})
    void shouldFlagNoUpdateRecordedFor90DaysYellowAnd180Red(int days, String level) {
        WatchFacts f = new WatchFacts(Stage.STARTED, SIGNED, SIGNED, SIGNED, D, null, null, null, List.of());
        assertEquals(level, level(new NoRecentUpdate(), f, D.plusDays(days)));
    }

    @Test
    void shouldCountFromTheDayTheContractWasRecordedBeforeTheFirstUpdate() {
        LocalDate entered = SIGNED.plusDays(300);
        WatchFacts f = new WatchFacts(Stage.SIGNED, SIGNED, SIGNED, entered, null, null, null, null, List.of());
        Window w = new NoRecentUpdate().window(f).orElseThrow();
        assertEquals(entered.plusDays(90), w.since());
        assertEquals(entered.plusDays(180), w.redFrom());
        assertEquals("no update recorded since the contract was entered on " + entered, w.detail().in(Languages.ENGLISH));
        // a project learnt before status kept that date counts from its signing
        WatchFacts old = new WatchFacts(Stage.SIGNED, SIGNED, SIGNED, null, null, null, null, null, List.of());
        assertEquals(SIGNED.plusDays(90), new NoRecentUpdate().window(old).orElseThrow().since());
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"OPERATIONAL", "CANCELLED"})
    void shouldNotAskForUpdatesOfAFinishedProject(Stage stage) {
        assertEquals("none", level(new NoRecentUpdate(), facts(stage), D.plusDays(1000)));
    }

    @ParameterizedTest(name = "suspended {0} days: {1}")
    @CsvSource({"29, none", "30, yellow", "31, yellow", "89, yellow", "90, red", "91, red"})
    void shouldFlagASuspensionOf30DaysYellowAnd90Red(int days, String level) {
        assertEquals(level, level(new SuspendedTooLong(), facts(Stage.SUSPENDED), D.plusDays(days)));
        assertEquals("none", level(new SuspendedTooLong(), facts(Stage.STARTED), D.plusDays(days)));
    }

    @ParameterizedTest(name = "open {0} days: {1}")
    @CsvSource({"29, none", "30, yellow", "31, yellow", "89, yellow", "90, red", "91, red"})
    void shouldFlagABlockerOpenFor30DaysYellowAnd90Red(int days, String level) {
        WatchFacts f = new WatchFacts(Stage.STARTED, SIGNED, SIGNED, SIGNED, null, null, null, null,
                List.of(new WatchFacts.OpenBlocker("power", "State Grid", D)));
        assertEquals(level, level(new OpenBlocker(), f, D.plusDays(days)));
    }

    @Test
    void shouldGiveOneReasonForTheOldestOpenBlockerAndCountTheOthers() {
        WatchFacts f = new WatchFacts(Stage.SIGNED, SIGNED, SIGNED, SIGNED, null, null, null, null, List.of(
                new WatchFacts.OpenBlocker("land", "Land bureau", D.plusDays(10)),
                new WatchFacts.OpenBlocker("power", "State Grid", D),
                new WatchFacts.OpenBlocker("financing", "Bank", D.plusDays(20))));
        Window w = new OpenBlocker().window(f).orElseThrow();
        assertEquals(D.plusDays(30), w.since());
        assertEquals("power blocker raised on 2023-03-01, owner State Grid; 2 other blockers open", w.detail().in(Languages.ENGLISH));
        assertEquals("2023-03-01 提出的电力问题，责任方：State Grid；另有 2 个问题未解决", w.detail().in(Languages.CHINESE));
        assertEquals("none", level(new OpenBlocker(), new WatchFacts(Stage.OPERATIONAL, SIGNED, SIGNED, SIGNED, null,
                null, null, null, f.openBlockers()), D.plusDays(100)));
    }

    /** Planned over 100 days with 30% progress: the gap is (days elapsed) - 30 points. */
    @ParameterizedTest(name = "day {0} of 100 at 30% progress: {1}")
    @CsvSource({"0, none", "49, none", "50, none", "51, yellow", "69, yellow", "70, yellow", "71, red", "100, red", "300, red"})
    void shouldFlagProgressTrailingTheTimeElapsedByMoreThan20PointsYellowAndMoreThan40Red(int day, String level) {
        WatchFacts f = planned(Stage.STARTED, D, D.plusDays(100), 30);
        assertEquals(level, level(new BehindSchedule(), f, D.plusDays(day)));
    }

    @Test
    void shouldCompareTheExactShareOfAPlannedDurationThatIsNoRoundNumberOfDays() {
        // 7 days planned, 0% progress: 20 points of 7 days is 1.4 days, so day 1 (14.3%) is on time, day 2 (28.6%) late
        WatchFacts f = planned(Stage.STARTED, D, D.plusDays(7), 0);
        assertEquals("none", level(new BehindSchedule(), f, D.plusDays(1)));
        assertEquals("yellow", level(new BehindSchedule(), f, D.plusDays(2)));
        // 40 points is 2.8 days: day 3 (42.9%) is red
        assertEquals("red", level(new BehindSchedule(), f, D.plusDays(3)));
    }

    @Test
    void shouldNeverFlagProgressThatTheTimeElapsedCannotOutrunByTheThreshold() {
        assertEquals(Optional.empty(), new BehindSchedule().window(planned(Stage.STARTED, D, D.plusDays(100), 80)));
        Window w = new BehindSchedule().window(planned(Stage.STARTED, D, D.plusDays(100), 60)).orElseThrow();
        assertEquals(null, w.redFrom());
        assertEquals("yellow", w.levelOn(D.plusDays(5000)).orElseThrow().code());
    }

    @Test
    void shouldTakeAPlanStartingAndEndingOnOneDayAsAllTimeElapsedFromThatDay() {
        WatchFacts f = planned(Stage.STARTED, D, D, 50);
        assertEquals("none", level(new BehindSchedule(), f, D.minusDays(1)));
        assertEquals("red", level(new BehindSchedule(), f, D));
    }

    @Test
    void shouldNotJudgeProgressWithoutBothPlannedDatesAProgressFigureOrAStart() {
        BehindSchedule rule = new BehindSchedule();
        LocalDate late = D.plusDays(1000);
        assertEquals("none", level(rule, planned(Stage.STARTED, null, D.plusDays(100), 0), late));
        assertEquals("none", level(rule, planned(Stage.STARTED, D, null, 0), late));
        assertEquals("none", level(rule, planned(Stage.STARTED, D, D.plusDays(100), null), late));
        assertEquals("none", level(rule, planned(Stage.SUSPENDED, D, D.plusDays(100), 0), late));
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"OPERATIONAL", "CANCELLED"})
    void shouldGiveAFinishedProjectNoReasonAtAll(Stage stage) {
        WatchFacts f = new WatchFacts(stage, D, SIGNED, SIGNED, null, D, D.plusDays(10), 0,
                List.of(new WatchFacts.OpenBlocker("power", "State Grid", D)));
        assertEquals(List.of(), WatchRules.windows(f));
    }

    @Test
    void shouldGiveEveryReasonThatHoldsForAProject() {
        WatchFacts f = new WatchFacts(Stage.SUSPENDED, D, SIGNED, SIGNED, null, SIGNED.plusDays(5), D, 10,
                List.of(new WatchFacts.OpenBlocker("power", "State Grid", D)));
        assertEquals(List.of(ReasonCode.NOT_OPERATIONAL_PAST_PLANNED_OPERATION, ReasonCode.NO_RECENT_UPDATE,
                ReasonCode.SUSPENDED_TOO_LONG, ReasonCode.OPEN_BLOCKER), WatchRules.windows(f).stream().map(Window::code).toList());
    }
}
