package org.landfall.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Keycloak of the local run (local-infra's launcher, the repository's realm) signs the demo users in as
 * the pages do, and its access tokens say what the services read: the role in {@code groups}, the jurisdiction,
 * the audience {@code landfall} and the realm's issuer.
 */
class KeycloakSignInTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static TestKeycloak.Endpoints keycloak;

    @BeforeAll
    static void start() {
        keycloak = TestKeycloak.get();
    }

    @Test
    void shouldOfferTheDemoUsersOfTheContractEachWithAPasswordOfTheirOwn() {
        assertEquals(List.of(
                        "officer-shuangyashan intake-officer 230500", "inspector-shuangyashan site-inspector 230500",
                        "inspector-lishui site-inspector 320117", "analyst-heilongjiang analyst 230000",
                        "analyst-china analyst 000000", "admin admin 000000"),
                keycloak.users().stream().map(u -> u.username() + " " + u.role() + " " + u.jurisdiction()).toList());
        Set<String> passwords = keycloak.users().stream().map(DemoUser::password).collect(Collectors.toSet());
        assertEquals(keycloak.users().size(), passwords.size());
        passwords.forEach(p -> assertTrue(p.matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"), p));
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer-shuangyashan", "inspector-shuangyashan", "inspector-lishui", "analyst-heilongjiang",
            "analyst-china", "admin"})
    void shouldSignEachDemoUserInWithTheirRoleJurisdictionAndTheServicesAudience(String username) throws IOException {
        DemoUser user = keycloak.user(username);
        JsonNode claims = payload(KeycloakLogin.accessToken(keycloak.issuer(), user.username(), user.password()));

        assertEquals(keycloak.issuer(), claims.path("iss").asText());
        assertEquals(List.of("landfall"), texts(claims.path("aud")));
        assertEquals(List.of(user.role()), texts(claims.path("groups")), "only the Landfall role, no default roles");
        assertEquals(user.jurisdiction(), claims.path("jurisdiction").asText());
        assertEquals(username, claims.path("preferred_username").asText());
        assertEquals(KeycloakLogin.PAGES_CLIENT, claims.path("azp").asText());
        assertFalse(claims.path("sub").asText().isBlank());
        assertEquals(300, claims.path("exp").asLong() - claims.path("iat").asLong(), "five-minute access tokens");
    }

    @Test
    void shouldSignTokensWithAKeyItsJwksPublishes() throws Exception {
        DemoUser analyst = keycloak.user("analyst-china");
        String token = KeycloakLogin.accessToken(keycloak.issuer(), analyst.username(), analyst.password());
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        assertEquals("RS256", header.path("alg").asText());

        JsonNode discovery = JSON.readTree(get(keycloak.issuer() + "/.well-known/openid-configuration").body());
        assertEquals(keycloak.issuer(), discovery.path("issuer").asText());
        JsonNode jwks = JSON.readTree(get(discovery.path("jwks_uri").asText()).body());
        List<String> kids = new ArrayList<>();
        jwks.path("keys").forEach(k -> kids.add(k.path("kid").asText()));
        assertTrue(kids.contains(header.path("kid").asText()), kids + " lacks " + header);
    }

    @Test
    void shouldRefuseAWrongPasswordAndStillAcceptTheRightOne() {
        DemoUser inspector = keycloak.user("inspector-lishui");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> KeycloakLogin.pages(keycloak.issuer()).signIn(inspector.username(), inspector.password() + "x"));
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
        // a success clears the failure that brute-force protection counted
        assertFalse(KeycloakLogin.accessToken(keycloak.issuer(), inspector.username(), inspector.password()).isBlank());
    }

    @Test
    void shouldNotGiveTokensForAPasswordSentToTheTokenEndpoint() throws Exception {
        DemoUser admin = keycloak.user("admin");
        HttpResponse<String> answer = post(keycloak.issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", KeycloakLogin.PAGES_CLIENT,
                "username", admin.username(), "password", admin.password()));
        assertNotEquals(200, answer.statusCode());
        assertEquals("unauthorized_client", JSON.readTree(answer.body()).path("error").asText(), answer.body());
    }

    @Test
    void shouldRefuseASignInWithoutPkce() throws Exception {
        HttpResponse<String> answer = get(keycloak.issuer() + "/protocol/openid-connect/auth?" + KeycloakLogin.form(Map.of(
                "client_id", KeycloakLogin.PAGES_CLIENT, "response_type", "code", "scope", "openid",
                "redirect_uri", KeycloakLogin.PAGES_REDIRECT, "state", "s")));
        assertEquals(302, answer.statusCode());
        Map<String, String> redirect = KeycloakLogin.queryOf(answer.headers().firstValue("Location").orElseThrow());
        assertEquals("invalid_request", redirect.get("error"), redirect.toString());
        assertTrue(redirect.get("error_description").contains("code_challenge"), redirect.toString());
    }

    @Test
    void shouldRefuseARedirectToAnAddressOtherThanThePages() throws Exception {
        HttpResponse<String> answer = get(keycloak.issuer() + "/protocol/openid-connect/auth?" + KeycloakLogin.form(Map.of(
                "client_id", KeycloakLogin.PAGES_CLIENT, "response_type", "code", "scope", "openid",
                "redirect_uri", "http://evil.example/", "code_challenge", "x".repeat(43), "code_challenge_method", "S256")));
        assertEquals(400, answer.statusCode());
        assertTrue(answer.headers().firstValue("Location").isEmpty());
    }

    @Test
    void shouldRefreshASessionUntilItsHolderSignsOut() throws Exception {
        DemoUser officer = keycloak.user("officer-shuangyashan");
        JsonNode tokens = JSON.readTree(KeycloakLogin.pages(keycloak.issuer()).signIn(officer.username(), officer.password()));
        String refresh = tokens.path("refresh_token").asText();
        HttpResponse<String> refreshed = post(keycloak.issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "client_id", KeycloakLogin.PAGES_CLIENT, "refresh_token", refresh));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals(List.of("intake-officer"), texts(payload(JSON.readTree(refreshed.body()).path("access_token").asText()).path("groups")));

        HttpResponse<String> logout = post(keycloak.issuer() + "/protocol/openid-connect/logout", Map.of(
                "client_id", KeycloakLogin.PAGES_CLIENT, "refresh_token", JSON.readTree(refreshed.body()).path("refresh_token").asText()));
        assertEquals(204, logout.statusCode(), logout.body());
        HttpResponse<String> after = post(keycloak.issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "refresh_token", "client_id", KeycloakLogin.PAGES_CLIENT, "refresh_token", refresh));
        assertEquals(400, after.statusCode(), after.body());
        assertEquals("invalid_grant", JSON.readTree(after.body()).path("error").asText());
    }

    @Test
    void shouldKeepAPersonFromChangingTheirOwnJurisdiction() throws Exception {
        DemoUser analyst = keycloak.user("analyst-heilongjiang");
        String account = keycloak.issuer() + "/account/";
        String token = KeycloakLogin.accessTokenOf(new KeycloakLogin(keycloak.issuer(), "account-console", account)
                .signIn(analyst.username(), analyst.password()));
        HttpResponse<String> own = HTTP.send(HttpRequest.newBuilder(URI.create(account))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, own.statusCode(), "the account console works for its holder: " + own.body());

        HttpResponse<String> change = HTTP.send(HttpRequest.newBuilder(URI.create(account))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + analyst.username()
                        + "\",\"attributes\":{\"jurisdiction\":[\"000000\"]}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, change.statusCode(), change.body());
        JsonNode refusal = JSON.readTree(change.body());
        assertEquals("jurisdiction", refusal.path("field").asText(), change.body());
        assertEquals("error-user-attribute-read-only", refusal.path("errorMessage").asText(), change.body());

        JsonNode claims = payload(KeycloakLogin.accessToken(keycloak.issuer(), analyst.username(), analyst.password()));
        assertEquals("230000", claims.path("jurisdiction").asText());
    }

    static JsonNode payload(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** A claim that may be one string or an array of them. */
    static List<String> texts(JsonNode claim) {
        List<String> values = new ArrayList<>();
        if (claim.isArray()) {
            claim.forEach(v -> values.add(v.asText()));
        } else if (!claim.isMissingNode()) {
            values.add(claim.asText());
        }
        return values;
    }

    static HttpResponse<String> get(String address) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String address, Map<String, String> form) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(address))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakLogin.form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
