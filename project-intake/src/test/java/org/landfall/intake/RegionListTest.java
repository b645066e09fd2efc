package org.landfall.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegionListTest {

    @Test
    void shouldListTheProvincesWithoutAParent() {
        Api.as("inspector-zhao", "site-inspector").when().get("/api/regions")
                .then().statusCode(200)
                .body("", hasSize(34))
                .body("[0].code", equalTo("110000"))
                .body("find { it.code == '230000' }.name", equalTo("黑龙江省"))
                .body("find { it.code == '230000' }.nameEn", equalTo("Heilongjiang"))
                .body("find { it.code == '610000' }.nameEn", equalTo("Shaanxi"))
                .body("find { it.code == '810000' }.nameEn", equalTo("Hong Kong"))
                .body("code", everyItem(matchesPattern("\\d{2}0000")));
        Api.analyst().queryParam("parent", "").when().get("/api/regions").then().statusCode(200).body("", hasSize(34));
    }

    @Test
    void shouldListTheChildrenOfAProvinceACityAndACounty() {
        Api.analyst().queryParam("parent", "230000").when().get("/api/regions")
                .then().statusCode(200)
                .body("find { it.code == '230500' }.name", equalTo("双鸭山市"))
                .body("find { it.code == '230500' }.nameEn", equalTo("Shuangyashan"))
                .body("code", everyItem(matchesPattern("23\\d{2}00")));
        Api.officer().queryParam("parent", "230500").when().get("/api/regions")
                .then().statusCode(200)
                .body("code", hasItem("230523"))
                .body("find { it.code == '230523' }.name", equalTo("宝清县"))
                .body("find { it.code == '230523' }.nameEn", equalTo("Baoqing"))
                .body("", hasSize(8));
        Api.as("admin-zhou", "admin").queryParam("parent", "230523").when().get("/api/regions")
                .then().statusCode(200).body("", hasSize(0));
        Api.analyst().queryParam("parent", "110000").when().get("/api/regions")
                .then().statusCode(200)
                .body("find { it.code == '110105' }.nameEn", equalTo("Chaoyang"));
    }

    @Test
    void shouldAnswer404ForAnUnknownParentAnd400ForAMalformedOne() {
        Api.analyst().queryParam("parent", "999999").when().get("/api/regions")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("no region 999999"));
        for (String malformed : new String[] {"23000", "2300000", "23000a", "Heilongjiang", "２３００００", "230000;"}) {
            Api.analyst().queryParam("parent", malformed).when().get("/api/regions")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("parent"));
        }
    }

    @Test
    void shouldAskForAToken() {
        given().when().get("/api/regions").then().statusCode(401).contentType(startsWith("application/problem+json"));
    }
}
