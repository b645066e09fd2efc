package org.landfall.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DemoUser;
import org.landfall.infra.DevTokens;
import org.landfall.infra.KeycloakLogin;
import org.landfall.infra.TestKeycloak;

/**
 * The real Keycloak of the repository's realm, and intake run as {@code ./landfall up} runs it beside Keycloak: the
 * access token a demo user gets by signing in through the login form (as the pages do) opens the API within the
 * user's jurisdiction, and the development tokens still open it beside. Keycloak starts once for this JVM
 * ({@link TestKeycloak}), from the state its earlier runs left.
 */
class KeycloakTokensIT {

    static TestKeycloak.Endpoints keycloak;
    static ServiceProcess intake;

    @BeforeAll
    static void intakeTrustingKeycloak() throws Exception {
        keycloak = TestKeycloak.get();
        Map<String, String> environment = new HashMap<>();
        environment.put("LANDFALL_JWT_ISSUER", keycloak.issuer());
        environment.put("LANDFALL_JWT_PUBLIC_KEY_LOCATION", keycloak.issuer() + "/protocol/openid-connect/certs");
        intake = ServiceProcess.start("project-intake", "e2e_sso_intake", environment);
        intake.awaitReady(Duration.ofSeconds(240));
    }

    @AfterAll
    static void stop() throws Exception {
        if (intake != null) {
            intake.close();
        }
    }

    static String signIn(String username) {
        DemoUser user = keycloak.user(username);
        return KeycloakLogin.accessToken(keycloak.issuer(), user.username(), user.password());
    }

    static String contract(String city, String regionCode) {
        return """
                {"name": "Keycloak contract %s", "investor": "SSO Investor", "province": "%s", "city": "%s",
                 "sector": "new-energy", "signedOn": "2023-02-15", "contractValue": 1000000, "regionCode": "%s"}
                """.formatted(UUID.randomUUID(), regionCode.startsWith("23") ? "Heilongjiang" : "Jiangsu", city, regionCode);
    }

    @Test
    void shouldAcceptAKeycloakAccessTokenWithinTheUsersJurisdiction() {
        String officer = signIn("officer-shuangyashan");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(contract("Shuangyashan", "230500"))
                .post(intake.url("/api/projects")).then().statusCode(201)
                .body("createdBy", equalTo(keycloakSubject(officer)));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(contract("Nanjing", "320117"))
                .post(intake.url("/api/projects")).then().statusCode(403)
                .body("jurisdiction", equalTo("230500")).body("requiredJurisdiction", equalTo("320117"));
    }

    @Test
    void shouldTakeTheRoleFromTheKeycloakGroupsClaim() {
        String analyst = signIn("analyst-heilongjiang");
        given().auth().oauth2(analyst).get(intake.url("/api/projects?regionCode=230500")).then().statusCode(200);
        given().auth().oauth2(analyst).contentType(ContentType.JSON).body(contract("Shuangyashan", "230500"))
                .post(intake.url("/api/projects")).then().statusCode(403);
    }

    @Test
    void shouldStillAcceptDevelopmentTokensBesideKeycloaksOnLoopback() {
        given().auth().oauth2(DevTokens.tokenIn("320117", "dev-officer", "intake-officer")).contentType(ContentType.JSON)
                .body(contract("Nanjing", "320117")).post(intake.url("/api/projects")).then().statusCode(201);
        given().auth().oauth2(DevTokens.sign("u", java.util.List.of("admin"), Duration.ofHours(1), keycloak.issuer()))
                .get(intake.url("/api/sectors")).then().statusCode(401);
    }

    /** The {@code sub} of a token, read without verifying it (the service did). */
    static String keycloakSubject(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }
}
