package org.landfall.intake;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Officers write only inside their jurisdiction (Jixi 230300 holds Jidong 230321, Heilongjiang 230000 holds both,
 * Lishui 320117 is elsewhere), and listings show only the jurisdiction's projects.
 */
@QuarkusTest
class JurisdictionTest {

    static final String JIDONG = "\"230321\"";
    static final String LISHUI = "\"320117\"";

    static RequestSpecification officerOf(String jurisdiction) {
        return Api.in(jurisdiction, "officer-of-" + jurisdiction, "intake-officer");
    }

    @Test
    void anOfficerSignsInsideTheJurisdictionAndItsChildrenButNotItsParent() {
        officerOf("230300").body(Api.contract(Api.unique("Child"), "regionCode", JIDONG)).post("/api/projects")
                .then().statusCode(201);
        officerOf("230000").body(Api.contract(Api.unique("Inside"), "regionCode", JIDONG)).post("/api/projects")
                .then().statusCode(201);
        String name = Api.unique("Parent");
        officerOf("230321").body(Api.contract(name, "regionCode", "\"230300\"")).post("/api/projects")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("jurisdiction", equalTo("230321")).body("requiredJurisdiction", equalTo("230300"));
        Api.analyst().queryParam("q", name).get("/api/projects").then().body("total", equalTo(0));
    }

    @Test
    void aContractOutsideIsA403NamingBothJurisdictionsInTheCallersLanguage() {
        String name = Api.unique("Outside");
        officerOf("230300").header("Accept-Language", "zh-CN").body(Api.contract(name, "province", "\"Jiangsu\"",
                        "city", "\"Nanjing\"", "regionCode", LISHUI)).post("/api/projects")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("320117 溧水区")).body("detail", containsString("230300 鸡西市"));
        officerOf("230300").body(Api.contract(Api.unique("Outside"), "province", "\"Jiangsu\"", "city", "\"Nanjing\"",
                        "regionCode", LISHUI)).post("/api/projects")
                .then().statusCode(403).body("detail", containsString("320117 Lishui"))
                .body("detail", containsString("230300 Jixi"));
        Api.analyst().queryParam("q", name).get("/api/projects").then().body("total", equalTo(0));
    }

    @Test
    void aCorrectionMovesNoProjectOutOfTheJurisdiction() {
        String id = officerOf("230300").body(Api.contract(Api.unique("Stays"), "regionCode", JIDONG)).post("/api/projects")
                .then().statusCode(201).extract().path("id");
        officerOf("230300").body("{\"reason\": \"moved\", \"changes\": {\"province\": \"Jiangsu\", \"city\": \"Nanjing\", "
                        + "\"district\": null, \"regionCode\": \"320117\"}}")
                .post("/api/projects/" + id + "/corrections").then().statusCode(403)
                .body("requiredJurisdiction", equalTo("320117"));
        officerOf("320117").body("{\"reason\": \"another's\", \"changes\": {\"contractValue\": 2000000000}}")
                .post("/api/projects/" + id + "/corrections").then().statusCode(403)
                .body("requiredJurisdiction", equalTo("230321"));
        officerOf("230321").body("{\"reason\": \"mine\", \"changes\": {\"contractValue\": 2000000000}}")
                .post("/api/projects/" + id + "/corrections").then().statusCode(200).body("revision", equalTo(2));
        Api.analyst().get("/api/projects/" + id).then().body("regionCode", equalTo("230321")).body("revision", equalTo(2));
    }

    @Test
    void aProjectWithoutACodeIsWrittenOnlyByTheWholeCountry() {
        String id = Api.sign(Api.contract(Api.unique("Nowhere"), "province", "\"Atlantis\"", "city", "\"Poseidonia\""));
        officerOf("230000").body("{\"reason\": \"r\", \"changes\": {\"contractValue\": 2000000000}}")
                .post("/api/projects/" + id + "/corrections").then().statusCode(403)
                .body("requiredJurisdiction", equalTo("000000"));
        officerOf("000000").body("{\"reason\": \"r\", \"changes\": {\"contractValue\": 2000000000}}")
                .post("/api/projects/" + id + "/corrections").then().statusCode(200);
        Api.as("admin-zhao", "admin").body("{\"reason\": \"r\", \"changes\": {\"contractValue\": 3000000000}}")
                .post("/api/projects/" + id + "/corrections").then().statusCode(200);
    }

    @Test
    void aPlanOfAProjectOutsideIsA403() {
        String id = Api.sign(Api.contract(Api.unique("Planned"), "regionCode", JIDONG));
        officerOf("320117").body("{\"plannedInvestment\": 100000000, \"startPlanned\": true}")
                .put("/api/projects/" + id + "/plans/2023").then().statusCode(403);
        officerOf("230300").body("{\"plannedInvestment\": 100000000, \"startPlanned\": true}")
                .put("/api/projects/" + id + "/plans/2023").then().statusCode(200);
    }

    @Test
    void listingsShowOnlyTheJurisdictionsProjects() {
        String tag = Api.unique("Listed");
        Api.sign(Api.contract(tag + " Jidong", "regionCode", JIDONG));
        Api.sign(Api.contract(tag + " Lishui", "province", "\"Jiangsu\"", "city", "\"Nanjing\"", "regionCode", LISHUI));
        Api.sign(Api.contract(tag + " Nowhere", "province", "\"Atlantis\"", "city", "\"Poseidonia\""));
        Api.in("230000", "analyst-hlj", "analyst").queryParam("q", tag).get("/api/projects").then().statusCode(200)
                .body("total", equalTo(1)).body("items.name", containsInAnyOrder(tag + " Jidong"));
        Api.in("320117", "analyst-lishui", "analyst").queryParam("q", tag).queryParam("regionCode", "230000")
                .get("/api/projects").then().statusCode(200).body("total", equalTo(0));
        Api.in("000000", "analyst-china", "analyst").queryParam("q", tag).get("/api/projects").then()
                .body("total", equalTo(3));
        String ledger = Api.in("320117", "analyst-lishui", "analyst").queryParam("q", tag).get("/api/projects.csv")
                .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(ledger.contains(tag + " Lishui") && !ledger.contains(tag + " Jidong"),
                ledger);
    }
}
