package org.landfall.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.landfall.infra.DevTokens;

/** Input that tries to get around the rules is refused or stored inertly, and never gets a 5xx. */
class HostileInputIT {

    static RunningLandfall landfall;
    static final String ADMIN = DevTokens.token("admin-hostile", "admin");

    @BeforeAll
    static void services() throws Exception {
        landfall = RunningLandfall.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Robert'); DROP TABLE project;--",
            "x\",\"contractValue\":1,\"province\":\"Elsewhere",
            "<script>alert('x')</script>",
            "=HYPERLINK(\"http://evil.example\")"})
    void shouldStoreHostileTextInertly(String hostile) {
        String name = hostile + " " + UUID.randomUUID();
        Response created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(java.util.Map.of("name", name, "investor", hostile, "province", "Liaoning",
                        "city", "Dalian", "sector", "other", "signedOn", "2023-02-01", "contractValue", 1000))
                .post(landfall.intake.url("/api/projects"));
        assertEquals(201, created.statusCode(), created.asString());
        String id = created.path("id");
        Response read = given().auth().oauth2(ADMIN).get(landfall.intake.url("/api/projects/" + id));
        assertEquals(name, read.path("name"));
        assertEquals("Liaoning", read.path("province"));
        assertEquals(1000, (int) read.path("contractValue"));
    }

    @Test
    void shouldRefuseTextWithANulCharacterAsMalformed() {
        Response r = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\": \"a\\u0000b\", \"investor\": \"i\", \"province\": \"Liaoning\", \"city\": \"c\", "
                        + "\"sector\": \"other\", \"signedOn\": \"2023-01-01\", \"contractValue\": 1}")
                .post(landfall.intake.url("/api/projects"));
        assertEquals(400, r.statusCode(), r.asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR '1'='1", "%' OR 1=1 --", "\"; DROP TABLE project; --", "\\x00", "%%%%"})
    void shouldTreatInjectionInQueryParametersAsPlainText(String hostile) {
        Response search = given().auth().oauth2(ADMIN).queryParam("q", hostile + UUID.randomUUID())
                .get(landfall.intake.url("/api/projects"));
        assertEquals(200, search.statusCode(), search.asString());
        assertEquals(0, (int) search.path("total"));
        for (String param : List.of("province", "city", "district", "sector")) {
            Response report = given().auth().oauth2(ADMIN).queryParam(param, hostile)
                    .queryParam("from", "2023-Q1").queryParam("to", "2023-Q1").queryParam("groupBy", "province")
                    .get(landfall.reporting.url("/api/reports/quarterly"));
            assertEquals(200, report.statusCode(), report.asString());
            assertEquals(0, (int) report.path("rows.size()"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2F..%2Fetc%2Fpasswd", "not-a-uuid", "%00", "00000000-0000-0000-0000-000000000000",
            "1%20OR%201=1"})
    void shouldAnswerUnknownOrMalformedIdsWithA404(String id) {
        for (String url : List.of(landfall.intake.url("/api/projects/" + id),
                landfall.status.url("/api/projects/" + id + "/status"))) {
            int code = given().urlEncodingEnabled(false).auth().oauth2(ADMIN).get(url).statusCode();
            assertTrue(code == 404 || code == 400, url + " gave " + code);
        }
    }

    @Test
    void shouldRefuseAnOversizedBodyWithoutCreatingAnything() {
        int before = given().auth().oauth2(ADMIN).get(landfall.intake.url("/api/projects?size=1")).path("total");
        String huge = "x".repeat(2 * 1024 * 1024);
        Response r = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\": \"" + huge + "\", \"investor\": \"i\", \"province\": \"Liaoning\", \"city\": \"c\", "
                        + "\"sector\": \"other\", \"signedOn\": \"2023-01-01\", \"contractValue\": 1}")
                .post(landfall.intake.url("/api/projects"));
        assertEquals(413, r.statusCode());
        assertEquals("application/problem+json", r.contentType());
        assertEquals(413, (int) r.path("status"));
        assertEquals(before, (int) given().auth().oauth2(ADMIN).get(landfall.intake.url("/api/projects?size=1")).path("total"));
    }

    @Test
    void shouldRefuseOversizedHeaders() {
        for (ServiceProcess s : landfall.all()) {
            int code = given().header("X-Padding", "y".repeat(40 * 1024)).get(s.url("/q/health/live")).statusCode();
            assertEquals(431, code, s.name);
        }
    }
}
