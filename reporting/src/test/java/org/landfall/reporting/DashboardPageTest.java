package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DashboardPageTest {

    @Test
    void shouldServeTheDashboardAndEveryScriptAndStyleItNamesWithoutAToken() {
        String html = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        // The chart library is pinned in the pom and named in the page: a version bump must change both.
        Matcher assets = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(html);
        int found = 0;
        while (assets.find()) {
            given().get(assets.group(1)).then().statusCode(200);
            found++;
        }
        assertEquals(3, found, "the chart library, the shared style, the dashboard's script");
        // imported by the dashboard's script, and the map's provinces
        for (String path : List.of("/assets/landfall.js", "/map.js", "/quarters.js", "/map/china-provinces.json")) {
            given().get(path).then().statusCode(200);
        }
    }

    @Test
    void shouldOfferNoProviderSignInWhenNoneIsNamed() {
        given().get("/config/sign-in").then().statusCode(200).body("issuer", nullValue())
                .body("clientId", equalTo("landfall-pages")).body("development", equalTo(false));
    }

    @Test
    void shouldMintNoDevelopmentTokenWhenNoDevelopmentKeyIsNamed() {
        given().get("/dev/tokens").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{\"role\": \"admin\"}").post("/dev/tokens").then().statusCode(404);
    }
}
