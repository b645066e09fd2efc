package org.landfall.intake;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ListingTest {

    /** Three projects in a city of their own, so that filters and totals count only them. */
    private static String city() {
        String city = "City " + UUID.randomUUID().toString().substring(0, 8);
        Api.sign(Api.contract("Alpha Battery Plant " + city, "city", "\"" + city + "\"", "signedOn", "\"2022-09-27\"",
                "district", "\"Tiexi\""));
        Api.sign(Api.contract("Beta Wind Base " + city, "city", "\"" + city + "\"", "signedOn", "\"2023-04-13\"",
                "investor", "\"Zhongjia Minyuan Industrial Group\"", "sector", "\"energy-power\""));
        Api.sign(Api.contract("Gamma Logistics Park " + city, "city", "\"" + city + "\"", "signedOn", "\"2023-01-05\"",
                "sector", "\"logistics\""));
        return city;
    }

    @Test
    void shouldListInSigningOrderNewestFirstWithATotal() {
        String city = city();
        Api.analyst().queryParam("city", city).when().get("/api/projects")
                .then().statusCode(200)
                .body("items.name", contains("Beta Wind Base " + city, "Gamma Logistics Park " + city, "Alpha Battery Plant " + city))
                .body("page", equalTo(0)).body("size", equalTo(50)).body("total", equalTo(3));
    }

    @Test
    void shouldFilterByPlaceSectorDatesAndText() {
        String city = city();
        Api.analyst().queryParam("city", city.toUpperCase()).queryParam("sector", "logistics").when().get("/api/projects")
                .then().body("items.name", contains("Gamma Logistics Park " + city));
        Api.analyst().queryParam("city", city).queryParam("district", "tiexi").when().get("/api/projects")
                .then().body("items.name", contains("Alpha Battery Plant " + city));
        Api.analyst().queryParam("city", city).queryParam("province", "Heilongjiang")
                .queryParam("signedFrom", "2023-01-01").queryParam("signedTo", "2023-03-31").when().get("/api/projects")
                .then().body("items.name", contains("Gamma Logistics Park " + city));
        Api.analyst().queryParam("city", city).queryParam("q", "minyuan").when().get("/api/projects")
                .then().body("items.name", contains("Beta Wind Base " + city));
        Api.analyst().queryParam("city", city).queryParam("q", "BATTERY").when().get("/api/projects")
                .then().body("items.name", contains("Alpha Battery Plant " + city));
        Api.analyst().queryParam("city", city).queryParam("q", "%").when().get("/api/projects")
                .then().body("total", equalTo(0));
    }

    @Test
    void shouldPage() {
        String city = city();
        Api.analyst().queryParam("city", city).queryParam("page", 1).queryParam("size", 2).when().get("/api/projects")
                .then().statusCode(200)
                .body("items.name", contains("Alpha Battery Plant " + city))
                .body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(3));
        Api.analyst().queryParam("city", city).queryParam("page", 5).when().get("/api/projects")
                .then().body("items", hasSize(0)).body("total", equalTo(3));
    }

    @Test
    void shouldRefuseBadPagingWith422AndNonNumbersWith400() {
        Api.analyst().queryParam("page", -1).when().get("/api/projects")
                .then().statusCode(422).contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("page"));
        Api.analyst().queryParam("size", 0).when().get("/api/projects").then().statusCode(422);
        Api.analyst().queryParam("size", 201).when().get("/api/projects").then().statusCode(422);
        Api.analyst().queryParam("size", 200).when().get("/api/projects").then().statusCode(200);
        Api.analyst().queryParam("size", "ten").when().get("/api/projects")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("size"));
        Api.analyst().queryParam("page", "99999999999").when().get("/api/projects").then().statusCode(400);
        Api.analyst().queryParam("signedFrom", "2023-13-01").when().get("/api/projects").then().statusCode(400);
        Api.analyst().queryParam("q", "x\u0000").when().get("/api/projects").then().statusCode(422);
    }
}
