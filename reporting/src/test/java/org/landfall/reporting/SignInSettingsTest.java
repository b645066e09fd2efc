package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A service names its identity provider to its pages, and its Content-Security-Policy lets the pages reach the
 * provider's origin (its discovery document and token endpoint), and nothing else of the provider's host.
 */
@QuarkusTest
@TestProfile(SignInSettingsTest.WithProvider.class)
class SignInSettingsTest {

    /** The service of an organisation whose provider is at another origin, on a port of its own. */
    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("landfall.sign-in.issuer", "https://sso.example.org:8443/realms/landfall");
        }
    }

    @Test
    void shouldTellThePagesTheProviderAndItsClientWithoutAToken() {
        given().get("/config/sign-in").then().statusCode(200).contentType("application/json")
                .body("issuer", equalTo("https://sso.example.org:8443/realms/landfall"))
                .body("clientId", equalTo("landfall-pages"))
                .body("development", equalTo(false));
    }

    @Test
    void shouldLetThePagesConnectToTheProvidersOrigin() {
        given().get("/").then().statusCode(200).header("Content-Security-Policy",
                containsString(" https://sso.example.org:8443; object-src"));
    }
}
