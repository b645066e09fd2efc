package org.landfall.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** What every answer carries, and what an endpoint that names no role gets: nothing. */
@QuarkusTest
class SecurityDefaultsTest {

    /** An endpoint someone forgot to give a role annotation (only in this test's application). */
    @Path("/api/forgotten")
    public static class Forgotten {
        @GET
        public String secret() {
            return "every project's investor";
        }
    }

    @Test
    void shouldRefuseAnEndpointThatNamesNoRole() {
        given().get("/api/forgotten").then().statusCode(401).contentType("application/problem+json");
        Api.as("admin-forgotten", "admin").get("/api/forgotten").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldSendTheSecurityHeadersWithEveryAnswer() {
        List<ValidatableResponse> answers = List.of(
                given().get("/").then().statusCode(200),
                given().get("/assets/landfall.js").then().statusCode(200),
                given().get("/q/health/live").then().statusCode(200),
                Api.analyst().get("/api/sectors").then().statusCode(200),
                given().get("/api/projects").then().statusCode(401),
                Api.analyst().body("{}").post("/api/projects").then().statusCode(403),
                Api.officer().body("{").post("/api/projects").then().statusCode(400),
                given().get("/no/such/page").then().statusCode(404));
        for (ValidatableResponse answer : answers) {
            answer.header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
    }
}
