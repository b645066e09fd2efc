package org.landfall.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;
import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.Languages;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.Text;
import org.landfall.status.domain.Report;
import org.landfall.status.domain.StatusUpdate;
import org.landfall.status.domain.TrackedProject;

/** The rules a project applies to an inspector's report, without a database or a broker. */
class TrackedProjectTest {

    static final LocalDate SIGNED = LocalDate.of(2023, 1, 18);
    static final LocalDate TODAY = LocalDate.of(2023, 12, 31);
    static final Instant NOW = Instant.parse("2023-12-31T02:00:00Z");

    final ProjectSnapshot snapshot = IntakeEvents.snapshot(SIGNED, 1);
    final TrackedProject project = TrackedProject.of(snapshot);
    final List<StatusUpdate> history = new ArrayList<>();
    private long arrivals;

    /** Records like the service: the history grows by every accepted update, each arriving after the last. */
    TrackedProject.Recorded record(Report report) {
        TrackedProject.Recorded r = project.record(report, history, TODAY, NOW.plusSeconds(arrivals++), "inspector-zhao");
        history.add(r.update());
        return r;
    }

    static Report stage(Stage stage, String on) {
        return new Report(stage, LocalDate.parse(on), null, null, null, null, null, List.of());
    }

    static Report figures(String on, String investment, Long jobs, Integer progress) {
        return new Report(null, LocalDate.parse(on), investment == null ? null : new BigDecimal(investment), jobs,
                progress, null, null, List.of());
    }

    static Problem refused(int status, Runnable attempt) {
        Problem problem = assertThrows(ProblemException.class, attempt::run).problem();
        assertEquals(status, problem.getStatus(), () -> english(problem.getDetail()));
        return problem;
    }

    static String english(Text text) {
        return text.in(Languages.ENGLISH);
    }

    static List<String> messages(Problem problem) {
        return problem.getErrors().stream().map(e -> e.field() + ": " + english(e.message())).toList();
    }

    @Test
    void shouldStartSignedSinceTheSigningDate() {
        assertEquals(Stage.SIGNED, project.stage());
        assertEquals(SIGNED, project.stageSince());
        assertEquals(Set.of(Stage.STARTED, Stage.SUSPENDED, Stage.CANCELLED), project.allowedStages());
    }

    @Test
    void shouldFollowACorrectedSigningDateWhileStillSignedAndIgnoreAnOlderRevision() {
        project.learn(IntakeEvents.revised(snapshot, 3, LocalDate.of(2023, 1, 10)));
        project.learn(IntakeEvents.revised(snapshot, 2, LocalDate.of(2023, 1, 5)));
        assertEquals(LocalDate.of(2023, 1, 10), project.signedOn());
        assertEquals(LocalDate.of(2023, 1, 10), project.stageSince());
    }

    @Test
    void shouldKeepTheDateOfAStageReachedWhenTheSigningDateIsCorrected() {
        record(stage(Stage.STARTED, "2023-04-07"));
        project.learn(IntakeEvents.revised(snapshot, 2, LocalDate.of(2023, 1, 10)));
        assertEquals(Stage.STARTED, project.stage());
        assertEquals(LocalDate.of(2023, 4, 7), project.stageSince());
    }

    @Test
    void shouldMoveToTheReportedStageAndTellInTheEventWhichStageItLeft() {
        TrackedProject.Recorded r = record(new Report(Stage.STARTED, LocalDate.of(2023, 4, 7),
                new BigDecimal("200000000"), 120L, 35, "Foundation work under way", new BigDecimal("350000000"),
                List.of("land-acquired", "approval-obtained", "land-acquired")));
        assertEquals(Stage.STARTED, project.stage());
        assertEquals(LocalDate.of(2023, 4, 7), project.stageSince());
        ProjectUpdateRecorded e = r.event();
        assertEquals(new ProjectUpdateRecorded(e.eventId(), ProjectUpdateRecorded.VERSION, snapshot.id(),
                LocalDate.of(2023, 4, 7), NOW, "inspector-zhao", r.update().id(), Stage.STARTED, Stage.SIGNED,
                new BigDecimal("200000000"), 120L, 35, "Foundation work under way", new BigDecimal("350000000"),
                List.of("approval-obtained", "land-acquired")), e);
    }

    @Test
    void shouldRecordANoteWithoutAStageChange() {
        TrackedProject.Recorded r = record(new Report(null, LocalDate.of(2023, 2, 1), null, null, null, "site visit", null, List.of()));
        assertNull(r.event().stage());
        assertNull(r.event().previousStage());
        assertEquals(Stage.SIGNED, project.stage());
    }

    @Test
    void shouldRefuseADateBeforeTheSigningAndOneAfterTodayWith422() {
        Problem before = refused(422, () -> record(stage(Stage.STARTED, "2023-01-17")));
        assertEquals(List.of("effectiveOn: must not be before the signing date 2023-01-18"), messages(before));
        Problem future = refused(422, () -> record(stage(Stage.STARTED, "2024-01-01")));
        assertEquals(List.of("effectiveOn: must not be in the future"), messages(future));
        assertEquals(Stage.SIGNED, project.stage());
    }

    @Test
    void shouldAcceptAnUpdateDatedToday() {
        record(stage(Stage.STARTED, TODAY.toString()));
        assertEquals(Stage.STARTED, project.stage());
    }

    @Test
    void shouldRefuseAReportOfNothingEvenWithABlankNote() {
        Problem p = refused(422, () -> record(new Report(null, LocalDate.of(2023, 2, 1), null, null, null, "  ", null, List.of())));
        assertEquals("stage", p.getErrors().get(0).field());
    }

    @Test
    void shouldNameEveryBrokenRuleAtOnce() {
        record(figures("2023-03-01", "500", 10L, null));
        Problem p = refused(422, () -> record(figures("2023-04-01", "400", 9L, null)));
        assertEquals("2 fields break the rules", english(p.getDetail()));
        assertEquals(List.of("investmentCompleted", "jobsCreated"), p.getErrors().stream().map(FieldError::field).toList());
    }

    @Test
    void shouldRefuseAFigureHigherThanOneOfALaterDate() {
        record(figures("2023-06-01", "500", null, null));
        Problem p = refused(422, () -> record(figures("2023-03-01", "600", null, null)));
        assertEquals("investmentCompleted: is cumulative: 600 is higher than 500 reported for the later date 2023-06-01",
                english(p.getDetail()));
    }

    @Test
    void shouldRefuseATransitionTheLifecycleForbidsNamingTheAllowedStagesAndChangeNothing() {
        Problem p = refused(409, () -> record(stage(Stage.OPERATIONAL, "2023-03-01")));
        assertEquals(Set.of(Stage.STARTED, Stage.SUSPENDED, Stage.CANCELLED), p.getExtensions().get("allowedStages"));
        assertEquals(Stage.SIGNED, p.getExtensions().get("currentStage"));
        assertEquals(Stage.SIGNED, project.stage());
        assertEquals(SIGNED, project.stageSince());
    }

    @Test
    void shouldCallAFinalStageFinal() {
        record(stage(Stage.CANCELLED, "2023-02-01"));
        Problem p = refused(409, () -> record(stage(Stage.STARTED, "2023-03-01")));
        assertEquals("CANCELLED cannot become STARTED: CANCELLED is final", english(p.getDetail()));
        assertEquals("不允许从 已取消 变更为 已开工：已取消 是最终阶段", p.getDetail().in(Languages.CHINESE));
    }

    @Test
    void shouldNameTheAllowedStagesInTheLanguageOfTheAnswer() {
        record(stage(Stage.STARTED, "2023-03-20"));
        record(stage(Stage.SUSPENDED, "2023-04-10"));
        Problem p = refused(409, () -> record(stage(Stage.SIGNED, "2023-04-20")));
        assertEquals("SUSPENDED cannot become SIGNED; allowed next stages: STARTED, CANCELLED", english(p.getDetail()));
        assertEquals("不允许从 已暂停 变更为 已签约；允许的下一阶段：已开工、已取消", p.getDetail().in(Languages.CHINESE));
    }

    @Test
    void shouldRefuseAStageChangeDatedBeforeTheCurrentStage() {
        record(stage(Stage.STARTED, "2023-04-07"));
        Problem p = refused(409, () -> record(stage(Stage.OPERATIONAL, "2023-04-06")));
        assertEquals(LocalDate.of(2023, 4, 7), p.getExtensions().get("stageSince"));
        assertEquals(Stage.STARTED, project.stage());
    }

    @Test
    void shouldResumeASuspensionOnlyToTheStageItWasSuspendedFrom() {
        record(stage(Stage.STARTED, "2023-03-20"));
        record(stage(Stage.SUSPENDED, "2023-04-10"));
        assertEquals(Set.of(Stage.STARTED, Stage.CANCELLED), project.allowedStages());
        refused(409, () -> record(stage(Stage.SIGNED, "2023-04-20")));
        TrackedProject.Recorded resumed = record(stage(Stage.STARTED, "2023-04-21"));
        assertEquals(Stage.SUSPENDED, resumed.event().previousStage());
        assertEquals(Set.of(Stage.OPERATIONAL, Stage.SUSPENDED, Stage.CANCELLED), project.allowedStages());
    }

    @Test
    void shouldShowTheFiguresOfTheLatestEffectiveDateNotOfTheLatestArrival() {
        record(figures("2023-06-01", "500", 50L, 60));
        record(figures("2023-03-01", "300", null, 30));
        assertEquals(new BigDecimal("500"), project.investmentCompleted());
        assertEquals(50L, project.jobsCreated());
        assertEquals(60, project.progressPercent());
    }

    @Test
    void shouldLetTheLaterArrivalOfOneDateCorrectTheEarlierAndKeepOtherFigures() {
        record(figures("2023-06-01", "500", 50L, 60));
        record(figures("2023-06-01", "450", null, null));
        assertEquals(new BigDecimal("450"), project.investmentCompleted());
        assertEquals(50L, project.jobsCreated());
        assertEquals(60, project.progressPercent());
    }

    @Test
    void shouldAcceptAnUpdateThatReportsOnlyMilestonesOrOnlyFundsInPlace() {
        record(new Report(null, LocalDate.of(2023, 5, 1), null, null, null, null, null, List.of("first-product")));
        record(new Report(null, LocalDate.of(2023, 6, 1), null, null, null, null, new BigDecimal("1000"), List.of()));
        assertEquals(new BigDecimal("1000"), project.fundsInPlace());
        assertEquals(List.of("first-product"), history.get(0).milestones());
    }

    @Test
    void shouldRefuseAnUnknownMilestoneNamingItsIndex() {
        Problem p = refused(422, () -> record(new Report(null, LocalDate.of(2023, 5, 1), null, null, null, null, null,
                java.util.Arrays.asList("first-product", "ribbon-cut", null))));
        assertEquals(List.of("milestones[1]", "milestones[2]"), p.getErrors().stream().map(FieldError::field).toList());
    }

    @Test
    void shouldKeepFundsInPlaceCumulativeLikeInvestment() {
        record(new Report(null, LocalDate.of(2023, 3, 1), null, null, null, null, new BigDecimal("500"), List.of()));
        record(new Report(null, LocalDate.of(2023, 9, 1), null, null, null, null, new BigDecimal("900"), List.of()));
        Problem lower = refused(422, () -> record(new Report(null, LocalDate.of(2023, 4, 1), null, null, null, null,
                new BigDecimal("499.99"), List.of())));
        assertEquals("fundsInPlace: is cumulative: 499.99 is lower than 500 reported for 2023-03-01", english(lower.getDetail()));
        Problem higher = refused(422, () -> record(new Report(null, LocalDate.of(2023, 4, 1), null, null, null, null,
                new BigDecimal("900.01"), List.of())));
        assertEquals("fundsInPlace", higher.getErrors().get(0).field());
        record(new Report(null, LocalDate.of(2023, 4, 1), null, null, null, null, new BigDecimal("900"), List.of()));
        assertEquals(new BigDecimal("900"), project.fundsInPlace());
    }
}
