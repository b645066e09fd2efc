package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.landfall.status.IntakeEvents.INSPECTOR;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;
import org.landfall.infra.DevTokens;

/**
 * The watch list on the real broker and database: projects learnt from intake's events, updates and blockers posted
 * through the API, each test in a city of its own. Dates are relative to today and kept well inside each band, so
 * that no assertion depends on the hour it runs at (the bands' boundaries are WatchRulesTest's).
 */
@QuarkusTest
class WatchListTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final LocalDate SIGNED = TODAY.minusDays(400);

    static String city() {
        return "Watch-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A project of {@code city} entered by intake just now, with these planned dates. */
    static ProjectSnapshot project(String city, LocalDate plannedStart, LocalDate plannedOperation) {
        return IntakeEvents.known(IntakeEvents.contract(city, null, SIGNED, Instant.now(), plannedStart, plannedOperation,
                List.of()));
    }

    static ValidatableResponse watch(String city, String... query) {
        var request = given().auth().oauth2(DevTokens.token("analyst-wang", "analyst")).queryParam("city", city);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/api/watchlist").then().statusCode(200);
    }

    static void update(ProjectSnapshot p, String json) {
        UpdateRulesTest.post(p.id(), json).statusCode(201);
    }

    static String day(int daysFromToday) {
        return TODAY.plusDays(daysFromToday).toString();
    }

    static void raise(ProjectSnapshot p, int daysFromToday) {
        given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body("{\"kind\": \"power\", \"description\": \"waits for the power-supply plan\", \"owner\": \"State Grid\", "
                        + "\"raisedOn\": \"" + day(daysFromToday) + "\"}")
                .post("/api/projects/" + p.id() + "/blockers").then().statusCode(201);
    }

    @Test
    void shouldListASignedProjectPastItsPlannedStartYellowAndRedAfter90DaysAndNotOneStillOnTime() {
        String city = city();
        ProjectSnapshot late = project(city, TODAY.minusDays(45), null);
        ProjectSnapshot veryLate = project(city, TODAY.minusDays(120), null);
        project(city, TODAY.plusDays(10), null);
        project(city, TODAY, null);
        watch(city).body("total", equalTo(2))
                .body("items.projectId", contains(veryLate.id().toString(), late.id().toString()))
                .body("items.level", contains("red", "yellow"))
                .body("items[1].reasons", hasSize(1))
                .body("items[1].reasons[0].code", equalTo("NOT_STARTED_PAST_PLANNED_START"))
                .body("items[1].reasons[0].since", equalTo(day(-44)))
                .body("items[1].reasons[0].detail", containsString(day(-45)))
                .body("items[1].stage", equalTo("SIGNED")).body("items[1].code", equalTo(late.code()))
                .body("items[1].name", equalTo(late.name())).body("items[1].city", equalTo(city));
    }

    @Test
    void shouldListAStartedOrSuspendedProjectPastItsPlannedOperation() {
        String city = city();
        ProjectSnapshot started = project(city, SIGNED.plusDays(10), TODAY.minusDays(30));
        update(started, "{\"stage\": \"STARTED\", \"effectiveOn\": \"" + SIGNED.plusDays(20) + "\"}");
        ProjectSnapshot suspended = project(city, SIGNED.plusDays(10), TODAY.minusDays(100));
        update(suspended, "{\"stage\": \"STARTED\", \"effectiveOn\": \"" + SIGNED.plusDays(20) + "\"}");
        update(suspended, "{\"stage\": \"SUSPENDED\", \"effectiveOn\": \"" + day(-5) + "\"}");
        ProjectSnapshot operating = project(city, SIGNED.plusDays(10), TODAY.minusDays(100));
        update(operating, "{\"stage\": \"STARTED\", \"effectiveOn\": \"" + SIGNED.plusDays(20) + "\"}");
        update(operating, "{\"stage\": \"OPERATIONAL\", \"effectiveOn\": \"" + day(-1) + "\"}");
        watch(city).body("total", equalTo(2))
                .body("items.projectId", contains(suspended.id().toString(), started.id().toString()))
                .body("items.level", contains("red", "yellow"))
                .body("items.reasons.code.flatten()", contains("NOT_OPERATIONAL_PAST_PLANNED_OPERATION",
                        "NOT_OPERATIONAL_PAST_PLANNED_OPERATION"))
                .body("items[1].reasons[0].since", equalTo(day(-29)));
    }

    @Test
    void shouldListAProjectWithoutAnUpdateRecordedFor90DaysYellowAnd180Red() {
        String city = city();
        Instant now = Instant.now();
        ProjectSnapshot quiet = IntakeEvents.known(IntakeEvents.contract(city, null, SIGNED, now.minus(120, ChronoUnit.DAYS),
                null, null, List.of()));
        ProjectSnapshot silent = IntakeEvents.known(IntakeEvents.contract(city, null, SIGNED, now.minus(200, ChronoUnit.DAYS),
                null, null, List.of()));
        ProjectSnapshot visited = IntakeEvents.known(IntakeEvents.contract(city, null, SIGNED, now.minus(200, ChronoUnit.DAYS),
                null, null, List.of()));
        update(visited, "{\"note\": \"site visit\", \"effectiveOn\": \"" + day(-1) + "\"}");
        watch(city).body("total", equalTo(2))
                .body("items.projectId", contains(silent.id().toString(), quiet.id().toString()))
                .body("items.level", contains("red", "yellow"))
                .body("items.reasons.code.flatten()", contains("NO_RECENT_UPDATE", "NO_RECENT_UPDATE"))
                .body("items[1].reasons[0].detail", containsString("no update recorded since the contract was entered"));
    }

    @Test
    void shouldListASuspensionOf30DaysYellowAnd90Red() {
        String city = city();
        ProjectSnapshot paused = project(city, null, null);
        update(paused, "{\"stage\": \"SUSPENDED\", \"effectiveOn\": \"" + day(-45) + "\", \"note\": \"waiting for the power supply plan\"}");
        ProjectSnapshot stalled = project(city, null, null);
        update(stalled, "{\"stage\": \"SUSPENDED\", \"effectiveOn\": \"" + day(-100) + "\"}");
        ProjectSnapshot justPaused = project(city, null, null);
        update(justPaused, "{\"stage\": \"SUSPENDED\", \"effectiveOn\": \"" + day(-10) + "\"}");
        watch(city).body("total", equalTo(2))
                .body("items.projectId", contains(stalled.id().toString(), paused.id().toString()))
                .body("items.level", contains("red", "yellow"))
                .body("items[1].reasons[0].code", equalTo("SUSPENDED_TOO_LONG"))
                .body("items[1].reasons[0].since", equalTo(day(-15)));
        // resumed: off the list
        update(stalled, "{\"stage\": \"SIGNED\", \"effectiveOn\": \"" + day(0) + "\"}");
        watch(city).body("items.projectId", contains(paused.id().toString()));
    }

    @Test
    void shouldListProgressTrailingTheTimeElapsedByMoreThan20PointsYellowAndMoreThan40Red() {
        String city = city();
        // planned from 100 days ago to 100 days ahead: half the time has elapsed
        ProjectSnapshot behind = project(city, TODAY.minusDays(100), TODAY.plusDays(100));
        update(behind, "{\"stage\": \"STARTED\", \"effectiveOn\": \"" + day(-90) + "\", \"progressPercent\": 20}");
        ProjectSnapshot farBehind = project(city, TODAY.minusDays(100), TODAY.plusDays(100));
        update(farBehind, "{\"stage\": \"STARTED\", \"effectiveOn\": \"" + day(-90) + "\", \"progressPercent\": 0}");
        ProjectSnapshot onTrack = project(city, TODAY.minusDays(100), TODAY.plusDays(100));
        update(onTrack, "{\"stage\": \"STARTED\", \"effectiveOn\": \"" + day(-90) + "\", \"progressPercent\": 45}");
        watch(city).body("total", equalTo(2))
                .body("items.projectId", contains(farBehind.id().toString(), behind.id().toString()))
                .body("items.level", contains("red", "yellow"))
                .body("items.reasons.code.flatten()", contains("BEHIND_SCHEDULE", "BEHIND_SCHEDULE"))
                .body("items[1].reasons[0].detail", containsString("progress 20%"));
        // progress reported: back on schedule, off the list
        update(behind, "{\"effectiveOn\": \"" + day(0) + "\", \"progressPercent\": 50}");
        watch(city).body("items.projectId", contains(farBehind.id().toString()));
    }

    @Test
    void shouldListABlockerOpenFor30DaysYellowAnd90RedUntilItIsResolved() {
        String city = city();
        ProjectSnapshot waiting = project(city, null, null);
        raise(waiting, -40);
        ProjectSnapshot stuck = project(city, null, null);
        raise(stuck, -100);
        ProjectSnapshot fresh = project(city, null, null);
        raise(fresh, -3);
        watch(city).body("total", equalTo(2))
                .body("items.projectId", contains(stuck.id().toString(), waiting.id().toString()))
                .body("items.level", contains("red", "yellow"))
                .body("items[1].reasons[0].code", equalTo("OPEN_BLOCKER"))
                .body("items[1].reasons[0].since", equalTo(day(-10)))
                .body("items[1].reasons[0].detail", containsString("owner State Grid"));
        String blocker = given().auth().oauth2(INSPECTOR).get("/api/projects/" + stuck.id() + "/status").then()
                .extract().path("blockers[0].id");
        given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                .body("{\"resolvedOn\": \"" + day(0) + "\", \"note\": \"power-supply plan approved\"}")
                .post("/api/projects/" + stuck.id() + "/blockers/" + blocker + "/resolution").then().statusCode(200);
        watch(city).body("items.projectId", contains(waiting.id().toString()));
    }

    @Test
    void shouldGiveAProjectTheLevelOfItsWorstReasonWithTheWorstReasonFirst() {
        String city = city();
        ProjectSnapshot p = IntakeEvents.known(IntakeEvents.contract(city, null, SIGNED,
                Instant.now().minus(200, ChronoUnit.DAYS), TODAY.minusDays(10), null, List.of()));
        raise(p, -50);
        // raising a blocker is no update: the project still has none recorded for 200 days
        watch(city).body("items[0].level", equalTo("red"))
                .body("items[0].reasons.code", contains("NO_RECENT_UPDATE", "OPEN_BLOCKER", "NOT_STARTED_PAST_PLANNED_START"))
                .body("items[0].reasons.level", contains("red", "yellow", "yellow"));
    }

    @Test
    void shouldLeaveOutFinishedProjectsWhateverTheirPastReasons() {
        String city = city();
        ProjectSnapshot cancelled = project(city, TODAY.minusDays(200), TODAY.minusDays(100));
        raise(cancelled, -150);
        update(cancelled, "{\"stage\": \"CANCELLED\", \"effectiveOn\": \"" + day(-1) + "\"}");
        watch(city).body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void shouldFollowPlannedDatesThatIntakeCorrects() {
        String city = city();
        ProjectSnapshot p = project(city, TODAY.plusDays(30), null);
        watch(city).body("total", equalTo(0));
        ProjectSnapshot corrected = new ProjectSnapshot(p.id(), p.code(), 2, p.name(), p.investor(), p.province(), p.city(),
                p.district(), p.sector(), p.signedOn(), p.contractValue(), p.plannedJobs(), null, null, TODAY.minusDays(100),
                null, null, p.createdAt(), p.createdBy(), List.of("municipal-key"), null, null, null, null, null);
        IntakeEvents.publish(IntakeEvents.correction(corrected));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> watch(city, "designation", "municipal-key")
                .body("items.projectId", contains(p.id().toString())).body("items[0].level", equalTo("red")));
    }

    @Test
    void shouldFilterByPlaceSectorKeyProjectListReasonAndLevelAndPageWorstFirst() {
        String city = city();
        Instant now = Instant.now();
        LocalDate plannedLongAgo = TODAY.minusDays(150);
        // red since day -149 (planned start), yellow since day -29 (planned start), yellow since day -9 (blocker)
        ProjectSnapshot red = IntakeEvents.known(IntakeEvents.contract(city, "Jianshan", SIGNED, now, plannedLongAgo, null,
                List.of("provincial-key")));
        ProjectSnapshot olderYellow = IntakeEvents.known(IntakeEvents.contract(city, "Lingdong", SIGNED, now,
                TODAY.minusDays(30), null, List.of("municipal-key")));
        ProjectSnapshot newerYellow = IntakeEvents.known(IntakeEvents.contract(city, "Jianshan", SIGNED, now, null, null,
                List.of()));
        raise(newerYellow, -39);
        watch(city).body("total", equalTo(3)).body("items.projectId",
                contains(red.id().toString(), olderYellow.id().toString(), newerYellow.id().toString()));
        watch(city.toUpperCase(), "province", "heilongjiang", "sector", "NEW-ENERGY").body("total", equalTo(3));
        watch(city, "district", "jianshan").body("items.projectId",
                contains(red.id().toString(), newerYellow.id().toString()));
        watch(city, "designation", "provincial-key,municipal-key").body("items.projectId",
                contains(red.id().toString(), olderYellow.id().toString()));
        watch(city, "level", "yellow").body("total", equalTo(2)).body("items.projectId",
                contains(olderYellow.id().toString(), newerYellow.id().toString()));
        watch(city, "level", "RED").body("items.projectId", contains(red.id().toString()));
        watch(city, "reason", "open_blocker").body("items.projectId", contains(newerYellow.id().toString()));
        watch(city, "reason", "OPEN_BLOCKER,NOT_STARTED_PAST_PLANNED_START").body("total", equalTo(3));
        watch(city, "reason", "BEHIND_SCHEDULE").body("total", equalTo(0));
        watch(city, "size", "1", "page", "1").body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("items.projectId", contains(olderYellow.id().toString()));
        watch(city, "sector", "other").body("total", equalTo(0));
    }

    /** {@code s} placed at {@code regionCode}, as intake resolves a contract's place. */
    static ProjectSnapshot at(ProjectSnapshot s, String regionCode) {
        return new ProjectSnapshot(s.id(), s.code(), s.revision(), s.name(), s.investor(), s.province(), s.city(),
                s.district(), s.sector(), s.signedOn(), s.contractValue(), s.plannedJobs(), s.plannedCapacity(), s.phases(),
                s.plannedStartOn(), s.plannedOperationalOn(), s.source(), s.createdAt(), s.createdBy(), s.designations(),
                s.park(), s.expectedAnnualSales(), s.expectedAnnualProfit(), s.expectedAnnualTax(), regionCode);
    }

    @Test
    void shouldFilterByARegionCodeAndEverythingInsideItWhateverLanguageTheNamesAreIn() {
        String city = city();
        LocalDate late = TODAY.minusDays(30);
        Instant now = Instant.now();
        ProjectSnapshot jianshan = IntakeEvents.known(at(IntakeEvents.contract(city, "尖山区", SIGNED, now, late, null,
                List.of()), "230502"));
        ProjectSnapshot baoqing = IntakeEvents.known(at(IntakeEvents.contract(city, "Baoqing", SIGNED, now, late, null,
                List.of()), "230523"));
        ProjectSnapshot harbin = IntakeEvents.known(at(IntakeEvents.contract(city, null, SIGNED, now, late, null,
                List.of()), "230100"));
        // No code: placed by its finest names that resolve, the province, as reports place it (decision 37)
        ProjectSnapshot uncoded = IntakeEvents.known(IntakeEvents.contract(city, null, SIGNED, now, late, null, List.of()));
        watch(city).body("total", equalTo(4));
        watch(city, "regionCode", "230000").body("items.projectId", containsInAnyOrder(jianshan.id().toString(),
                baoqing.id().toString(), harbin.id().toString(), uncoded.id().toString()));
        watch(city, "regionCode", "230500").body("items.projectId", containsInAnyOrder(jianshan.id().toString(),
                baoqing.id().toString()));
        watch(city, "regionCode", "230502").body("items.projectId", contains(jianshan.id().toString()))
                .body("items[0].regionCode", equalTo("230502")).body("items[0].district", equalTo("尖山区"));
        watch(city, "regionCode", "230100").body("items.projectId", contains(harbin.id().toString()));
        watch(city, "regionCode", "110000").body("total", equalTo(0));
        // the quarterly round's list: the area's projects in any of the stages asked for
        update(baoqing, "{\"stage\": \"STARTED\", \"effectiveOn\": \"" + day(-1) + "\"}");
        given().auth().oauth2(INSPECTOR).queryParam("city", city).queryParam("regionCode", "230500")
                .queryParam("stage", "started,SUSPENDED").get("/api/projects").then().statusCode(200)
                .body("items.projectId", contains(baoqing.id().toString()));
        given().auth().oauth2(INSPECTOR).queryParam("city", city).queryParam("regionCode", "230500")
                .queryParam("stage", "SIGNED,STARTED").get("/api/projects").then().statusCode(200)
                .body("items.projectId", containsInAnyOrder(jianshan.id().toString(), baoqing.id().toString()));
        given().auth().oauth2(INSPECTOR).queryParam("city", city).queryParam("district", "BAOQING").get("/api/projects")
                .then().statusCode(200).body("items.projectId", contains(baoqing.id().toString()))
                .body("items[0].regionCode", equalTo("230523"));
    }

    @Test
    void shouldSayWhatEachReasonRestsOnInTheLanguageAsked() {
        String city = city();
        ProjectSnapshot p = project(city, TODAY.minusDays(45), null);
        raise(p, -40);
        watch(city).body("items[0].reasons.detail", contains("planned to start on " + day(-45) + "; not started",
                "power blocker raised on " + day(-40) + ", owner State Grid"));
        given().auth().oauth2(INSPECTOR).header("Accept-Language", "zh-CN,zh;q=0.9").queryParam("city", city)
                .get("/api/watchlist").then().statusCode(200).body("items[0].reasons.detail", contains(
                        "计划 " + day(-45) + " 开工，尚未开工", day(-40) + " 提出的电力问题，责任方：State Grid"));
    }

    @Test
    void shouldRefuseABadFilterNamingIt() {
        var analyst = given().auth().oauth2(DevTokens.token("analyst-wang", "analyst"));
        analyst.queryParam("level", "orange").get("/api/watchlist").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("level"));
        given().auth().oauth2(INSPECTOR).queryParam("reason", "LATE").get("/api/watchlist").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(INSPECTOR).queryParam("size", 0).get("/api/watchlist").then().statusCode(422)
                .body("errors[0].field", equalTo("size"));
        given().auth().oauth2(INSPECTOR).queryParam("regionCode", "23050").get("/api/watchlist").then().statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        given().auth().oauth2(INSPECTOR).queryParam("regionCode", "239900").get("/api/projects").then().statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        given().auth().oauth2(INSPECTOR).queryParam("stage", "STARTED,LATE").get("/api/projects").then().statusCode(400)
                .body("errors[0].field", equalTo("stage"));
        given().get("/api/watchlist").then().statusCode(401);
    }
}
