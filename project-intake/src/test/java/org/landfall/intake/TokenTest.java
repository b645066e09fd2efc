package org.landfall.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DevTokens;

/** What a token must be beyond its signature, issuer and audience: not too long-lived, and someone's. */
@QuarkusTest
class TokenTest {

    @Test
    void shouldRefuseATokenThatLivesLongerThanTheMaximumLifetime() {
        String yearLong = DevTokens.sign("officer-long", List.of("intake-officer"), Duration.ofDays(365), DevTokens.ISSUER);
        given().auth().oauth2(yearLong).get("/api/sectors").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        String nineHours = DevTokens.sign("officer-long", List.of("intake-officer"), Duration.ofHours(9), DevTokens.ISSUER);
        given().auth().oauth2(nineHours).get("/api/sectors").then().statusCode(401);
    }

    @Test
    void shouldRefuseATokenWithoutASubjectWith401AndStoreNothing() {
        String nobodys = DevTokens.sign(null, List.of("intake-officer"), Duration.ofHours(1), DevTokens.ISSUER);
        String name = Api.unique("Nobody's");
        given().auth().oauth2(nobodys).contentType("application/json").body(Api.contract(name)).post("/api/projects")
                .then().statusCode(401).contentType("application/problem+json");
        Api.analyst().queryParam("q", name).get("/api/projects").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldAcceptATokenOfTheMaximumLifetime() {
        String workday = DevTokens.sign("officer-workday", List.of("intake-officer"), Duration.ofHours(8), DevTokens.ISSUER);
        given().auth().oauth2(workday).get("/api/sectors").then().statusCode(200);
    }
}
