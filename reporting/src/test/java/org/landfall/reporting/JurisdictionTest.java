package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DevTokens;
import org.landfall.reporting.domain.PlaceFilter;

/**
 * An analyst reads reports only inside the jurisdiction (Heilongjiang 230000 holds Shuangyashan 230500): a report of
 * a place beyond it, or of the whole country (no place), is a 403 that names both.
 */
@QuarkusTest
class JurisdictionTest {

    static final String QUARTERS = "/api/reports/quarterly?from=2023-Q1&to=2023-Q2";

    static ValidatableResponse report(String jurisdiction, String query) {
        return given().auth().oauth2(DevTokens.tokenIn(jurisdiction, "analyst-of-" + jurisdiction, "analyst"))
                .get(QUARTERS + query).then();
    }

    @Test
    void anAnalystReadsTheJurisdictionAndThePlacesInsideIt() {
        report("230000", "&province=Heilongjiang").statusCode(200);
        report("230000", "&province=黑龙江省&city=Shuangyashan").statusCode(200);
        report("230000", "&regionCode=230523").statusCode(200);
        report("230500", "&regionCode=230500&groupBy=district").statusCode(200);
    }

    @Test
    void aReportBeyondTheJurisdictionIsA403NamingBoth() {
        report("230500", "&province=Heilongjiang").statusCode(403).contentType(startsWith("application/problem+json"))
                .body("jurisdiction", equalTo("230500")).body("requiredJurisdiction", equalTo("230000"))
                .body("detail", containsString("230000 Heilongjiang")).body("detail", containsString("230500 Shuangyashan"));
        report("230000", "&regionCode=320117").statusCode(403).body("requiredJurisdiction", equalTo("320117"));
        given().auth().oauth2(DevTokens.tokenIn("230000", "analyst-hlj", "analyst")).header("Accept-Language", "zh")
                .get(QUARTERS + "&province=Jiangsu").then().statusCode(403)
                .body("detail", containsString("320000 江苏省")).body("detail", containsString("230000 黑龙江省"));
        given().auth().oauth2(DevTokens.tokenIn("230000", "analyst-hlj", "analyst"))
                .get("/api/reports/quarterly.csv?from=2023-Q1&to=2023-Q1&regionCode=320117").then().statusCode(403);
    }

    @Test
    void theWholeCountryIsTheWholeCountrysAndTheAdminsAlone() {
        report("230000", "").statusCode(403).body("requiredJurisdiction", equalTo("000000"))
                .body("detail", containsString("000000 the whole country"));
        report("230000", "&province=Atlantis").statusCode(403);
        report("000000", "").statusCode(200);
        given().auth().oauth2(DevTokens.token("analyst-no-claim", "analyst")).get(QUARTERS).then().statusCode(200);
        given().auth().oauth2(DevTokens.tokenIn("230500", "admin-zhao", "admin")).get(QUARTERS).then().statusCode(200);
        given().auth().oauth2(DevTokens.tokenIn("230000", "analyst-hlj", "analyst")).get("/api/reports/stream")
                .then().statusCode(403);
    }

    @Test
    void theAreaOfAFilterIsTheSmallestCodedPlaceThatHoldsIt() {
        assertEquals("230500", PlaceFilter.of(Map.of("province", "Heilongjiang", "city", "Shuangyashan"), null).areaCode());
        assertEquals("230523", PlaceFilter.of(Map.of("province", "Heilongjiang"), "230523").areaCode());
        assertEquals("230000", PlaceFilter.of(Map.of("province", "Heilongjiang", "city", "Nowhere City"), null).areaCode());
        assertNull(PlaceFilter.of(Map.of("province", "Atlantis"), null).areaCode());
        assertNull(PlaceFilter.NONE.areaCode());
    }
}
