package org.landfall.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void shouldDescribeTheApiWithTheYiweiExampleWithoutAToken() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/projects/{id}/corrections"))
                .body(containsString("/api/sectors"))
                .body(containsString("/api/designations"))
                .body(containsString("/api/regions"))
                .body(containsString("/api/projects/{id}/plans/{year}"))
                .body(containsString("/api/targets/{year}"))
                .body(containsString("Yiwei Lithium Energy Storage and Power Battery Project"))
                .body(containsString("Idempotency-Key"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
