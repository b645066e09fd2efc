package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;
import org.landfall.infra.DevTokens;

/**
 * Inspectors write only the projects inside their jurisdiction (Hegang 230400 holds Xiangyang 230402; Heilongjiang
 * 230000 holds both; Lishui 320117 is elsewhere), and the lists show only the jurisdiction's projects.
 */
@QuarkusTest
class JurisdictionTest {

    static final LocalDate SIGNED = LocalDate.of(2023, 1, 18);
    static final String STARTED = "{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-04-07\"}";
    static final String BLOCKER = """
            {"kind": "power", "description": "Waits for the power-supply plan", "owner": "State Grid", "raisedOn": "2023-04-10"}""";

    static String inspectorOf(String jurisdiction) {
        return DevTokens.tokenIn(jurisdiction, "inspector-of-" + jurisdiction, "site-inspector");
    }

    static ValidatableResponse post(String token, UUID project, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/projects/" + project + path).then();
    }

    /** A project in Hegang: in Xiangyang district, or in the city itself ({@code district} null). */
    static ProjectSnapshot inHegang(String district) {
        return IntakeEvents.known(IntakeEvents.contract("Hegang", district, SIGNED, Instant.now(), null, null, List.of()));
    }

    @Test
    void anInspectorUpdatesInsideTheJurisdictionAndItsChildrenButNotItsParent() {
        post(inspectorOf("230400"), inHegang("Xiangyang").id(), "/updates", STARTED).statusCode(201);
        post(inspectorOf("230000"), inHegang("Xiangyang").id(), "/updates", STARTED).statusCode(201);
        post(inspectorOf("000000"), inHegang("Xiangyang").id(), "/updates", STARTED).statusCode(201);
        ProjectSnapshot city = inHegang(null);
        post(inspectorOf("230402"), city.id(), "/updates", STARTED).statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("jurisdiction", equalTo("230402")).body("requiredJurisdiction", equalTo("230400"));
        given().auth().oauth2(IntakeEvents.INSPECTOR).get("/api/projects/" + city.id() + "/status").then()
                .body("stage", equalTo("SIGNED")).body("history.size()", equalTo(0));
    }

    @Test
    void anUpdateBlockerOrPhotoOutsideIsA403NamingBothJurisdictions() {
        ProjectSnapshot p = inHegang("Xiangyang");
        String lishui = inspectorOf("320117");
        post(lishui, p.id(), "/updates", STARTED).statusCode(403)
                .body("detail", containsString("230402 Xiangyang")).body("detail", containsString("320117 Lishui"));
        given().auth().oauth2(lishui).header("Accept-Language", "zh").contentType(ContentType.JSON).body(STARTED)
                .post("/api/projects/" + p.id() + "/updates").then().statusCode(403)
                .body("detail", containsString("230402 向阳区")).body("detail", containsString("320117 溧水区"));
        post(lishui, p.id(), "/blockers", BLOCKER).statusCode(403);
        String blocker = post(inspectorOf("230400"), p.id(), "/blockers", BLOCKER).statusCode(201).extract().path("id");
        post(lishui, p.id(), "/blockers/" + blocker + "/resolution", "{\"resolvedOn\": \"2023-05-20\"}").statusCode(403);
        String update = post(inspectorOf("230400"), p.id(), "/updates", STARTED).statusCode(201).extract().path("id");
        given().auth().oauth2(lishui).contentType("image/jpeg").body(TestImages.jpeg())
                .post("/api/projects/" + p.id() + "/updates/" + update + "/evidence").then().statusCode(403);
        given().auth().oauth2(IntakeEvents.INSPECTOR).get("/api/projects/" + p.id() + "/status").then()
                .body("history.size()", equalTo(1)).body("history[0].evidence.size()", equalTo(0))
                .body("blockers[0].resolvedOn", equalTo(null));
    }

    @Test
    void listsShowOnlyTheJurisdictionsProjects() {
        ProjectSnapshot p = inHegang("Xiangyang");
        String code = p.code();
        list(DevTokens.tokenIn("230000", "analyst-hlj", "analyst"), code).body("total", equalTo(1));
        list(DevTokens.tokenIn("230402", "analyst-xiangyang", "analyst"), code).body("total", equalTo(1));
        list(DevTokens.tokenIn("320117", "analyst-lishui", "analyst"), code).body("total", equalTo(0));
        list(DevTokens.tokenIn("230100", "analyst-harbin", "analyst"), code).body("total", equalTo(0));
    }

    @Test
    void theWatchListShowsOnlyTheJurisdictionsProjects() {
        ProjectSnapshot late = IntakeEvents.known(IntakeEvents.contract("Hegang", "Suibin", SIGNED, Instant.now(),
                SIGNED.plusDays(30), null, List.of()));
        watch(DevTokens.tokenIn("230400", "analyst-hegang", "analyst")).body("items.code", hasItem(late.code()));
        watch(DevTokens.tokenIn("320117", "analyst-lishui", "analyst")).body("total", equalTo(0));
    }

    static ValidatableResponse list(String token, String q) {
        return given().auth().oauth2(token).queryParam("q", q).get("/api/projects").then().statusCode(200);
    }

    /** Suibin's watch list, which the tests of this class alone fill. */
    static ValidatableResponse watch(String token) {
        return given().auth().oauth2(token).queryParam("regionCode", "230422").queryParam("size", "200")
                .get("/api/watchlist").then().statusCode(200);
    }
}
