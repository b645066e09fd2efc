package org.landfall.intake;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

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
    void shouldStoreTheYiweiContractAndReturnEveryFieldWithACode() {
        String location = Api.officer().body(YIWEI)
                .when().post("/api/projects")
                .then().statusCode(201)
                .body("code", matchesPattern("LN-2022-\\d{6}"))
                .body("stage", equalTo("SIGNED"))
                .body("revision", equalTo(1))
                .body("createdBy", equalTo(Api.OFFICER))
                .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"))
                .body("contractValue", equalTo(10000000000L))
                .body("plannedCapacity.value", equalTo(40))
                .body("phases[0].investment", equalTo(5000000000L))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        Api.analyst().when().get(location)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("Yiwei Lithium Energy Storage and Power Battery Project"))
                .body("investor", equalTo("Huizhou Yiwei Lithium Energy Co., Ltd."))
                .body("province", equalTo("Liaoning")).body("city", equalTo("Shenyang")).body("district", equalTo("Tiexi"))
                .body("sector", equalTo("new-energy"))
                .body("signedOn", equalTo("2022-09-27"))
                .body("contractValue", equalTo(10000000000L))
                .body("plannedJobs", equalTo(300))
                .body("plannedCapacity.unit", equalTo("GWh"))
                .body("phases[0].number", equalTo(1))
                .body("phases[0].capacity.value", equalTo(20))
                .body("plannedStartOn", equalTo("2023-01-01"))
                .body("plannedOperationalOn", equalTo("2025-12-31"))
                .body("source.url", equalTo("https://example.org/a"))
                .body("source.publishedOn", equalTo("2022-09-28"));
    }

    @Test
    void shouldAcceptAContractWithOnlyTheRequiredFields() {
        Api.officer().body(Api.contract(Api.unique("Minimal project")))
                .when().post("/api/projects")
                .then().statusCode(201)
                .body("code", matchesPattern("HL-2023-\\d{6}"))
                .body("district", nullValue())
                .body("phases", nullValue())
                .body("id", notNullValue());
    }

    @Test
    void shouldKeepCentsAndWriteAmountsWithoutTrailingZeros() {
        Api.officer().body(Api.contract(Api.unique("Cents"), "contractValue", "1050000000.50"))
                .when().post("/api/projects")
                .then().statusCode(201)
                .body(containsString("\"contractValue\":1050000000.5,"));
        Api.officer().body(Api.contract(Api.unique("Zeros"), "contractValue", "1050000000.00"))
                .when().post("/api/projects")
                .then().statusCode(201)
                .body(containsString("\"contractValue\":1050000000,"));
    }

    @Test
    void shouldAcceptTheLargestAllowedAmount() {
        Api.officer().body(Api.contract(Api.unique("Largest"), "contractValue", "10000000000000"))
                .when().post("/api/projects")
                .then().statusCode(201)
                .body("contractValue", equalTo(10000000000000L));
    }

    @Test
    void shouldListTheSectors() {
        Api.analyst().when().get("/api/sectors")
                .then().statusCode(200)
                .body("code", hasItems("new-energy", "new-materials", "equipment-manufacturing", "automobiles",
                        "biomedicine", "electronics-information", "chemicals", "agriculture-food", "logistics",
                        "tourism-culture", "real-estate-urban", "energy-power", "other"))
                .body("size()", equalTo(13))
                .body("find { it.code == 'new-energy' }.name", equalTo("New energy"));
    }
}
