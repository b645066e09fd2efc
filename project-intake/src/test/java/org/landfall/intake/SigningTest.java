package org.landfall.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DevTokens;

@QuarkusTest
class SigningTest {

    static final String YIWEI = """
            {"name": "Yiwei Lithium Energy Storage and Power Battery Project",
             "investor": "Huizhou Yiwei Lithium Energy Co., Ltd.",
             "province": "Liaoning", "city": "Shenyang", "district": "Tiexi",
             "sector": "new-energy", "signedOn": "2022-09-27", "contractValue": 10000000000,
             "plannedJobs": 300, "plannedCapacity": {"value": 40, "unit": "GWh"},
             "phases": [{"number": 1, "investment": 5000000000, "capacity": {"value": 20, "unit": "GWh"}}],
             "plannedStartOn": "2023-01-01", "plannedOperationalOn": "2025-12-31",
             "source": {"title": "Yiwei project signed in Tiexi", "url": "https://example.org/a", "publishedOn": "2022-09-28"}}
            """;

    @Test
    void shouldStoreASignedContractAndReturnItWithACode() {
        String location = given().auth().oauth2(DevTokens.token("officer-li", "intake-officer"))
                .contentType(ContentType.JSON).body(YIWEI)
                .when().post("/api/projects")
                .then().statusCode(201)
                .body("code", matchesPattern("LN-2022-\\d{6}"))
                .body("stage", equalTo("SIGNED"))
                .body("createdBy", equalTo("officer-li"))
                .extract().header("Location");

        given().auth().oauth2(DevTokens.token("analyst-wang", "analyst"))
                .when().get(location)
                .then().statusCode(200)
                .body("name", equalTo("Yiwei Lithium Energy Storage and Power Battery Project"))
                .body("contractValue", equalTo(10000000000L))
                .body("phases[0].investment", equalTo(5000000000L));
    }
}
