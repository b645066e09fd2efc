package org.landfall.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.landfall.infra.DevTokens;

/** No input, however malformed, gets a 5xx: a 400 for what cannot be read, as problem+json. */
@QuarkusTest
class MalformedRequestTest {

    @Test
    void shouldRefuseAnUnknownFieldNamingIt() {
        Api.officer().body(Api.contract(Api.unique("Unknown"), "color", "\"red\""))
                .when().post("/api/projects")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("color"))
                .body("detail", containsString("color"));
    }

    @Test
    void shouldRefuseAWrongTypeNamingTheField() {
        Api.officer().body(Api.contract(Api.unique("Types"), "contractValue", "\"ten billion\""))
                .when().post("/api/projects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("contractValue"));
        Api.officer().body(Api.contract(Api.unique("Types"), "signedOn", "\"27/09/2022\""))
                .when().post("/api/projects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("signedOn"));
        Api.officer().body(Api.contract(Api.unique("Types"), "plannedJobs", "3.5"))
                .when().post("/api/projects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("plannedJobs"));
        Api.officer().body(Api.contract(Api.unique("Types"), "phases", "[{\"number\": \"one\"}]"))
                .when().post("/api/projects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("phases[0].number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "[{}]", "42", "\"text\"", "{", "{\"name\": }", "{} {}", "nonsense",
            "{\"contractValue\": 1e999999999}", "{\"plannedJobs\": 99999999999999999999}",
            "{\"contractValue\": 100000000000000000000000000000000000000000000000000000000000000000000000000}",
            "{\"name\": \"\\ud800\"}", "{\"phases\": {\"number\": 1}}", "{\"name\": [\"a\"]}"})
    void shouldAnswer400ToABodyThatIsNotAContract(String body) {
        int status = Api.officer().body(body).when().post("/api/projects")
                .then().contentType(startsWith("application/problem+json"))
                .extract().statusCode();
        org.junit.jupiter.api.Assertions.assertTrue(List.of(400, 422).contains(status), body + " got " + status);
    }

    @Test
    void shouldAnswer400ToAnEmptyOrNullBody() {
        for (String body : List.of("", "null", "[]")) {
            Api.officer().body(body).when().post("/api/projects")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"));
        }
    }

    @Test
    void shouldRefuseAHugeStringWithoutA5xx() {
        Api.officer().body(Api.contract("x".repeat(900_000)))
                .when().post("/api/projects")
                .then().statusCode(422).body("errors[0].field", equalTo("name"));
        Api.officer().body(Api.contract("x".repeat(2_000_000)))
                .when().post("/api/projects")
                .then().statusCode(lessThan(500));
    }

    @Test
    void shouldRefuseAnotherMediaTypeWithAProblem() {
        Api.officer().contentType(ContentType.TEXT).body("name=x")
                .when().post("/api/projects")
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
    }

    @Test
    void shouldAnswer404ToAnUnknownOrMalformedId() {
        for (String id : List.of("6f1d2c3b-0000-4000-8000-000000000000", "not-a-uuid", "123", "%20")) {
            Api.analyst().when().get("/api/projects/" + id)
                    .then().statusCode(404).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(404));
            Api.analyst().when().get("/api/projects/" + id + "/corrections").then().statusCode(404);
            Api.officer().body("{\"reason\": \"r\", \"changes\": {\"plannedJobs\": 1}}")
                    .when().post("/api/projects/" + id + "/corrections").then().statusCode(404);
        }
    }

    @Test
    void shouldAnswer401WithoutOrWithAnInvalidToken() {
        given().contentType(ContentType.JSON).body(Api.contract(Api.unique("Anonymous")))
                .when().post("/api/projects")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().when().get("/api/projects").then().statusCode(401).contentType(startsWith("application/problem+json"));
        for (String token : List.of("garbage", DevTokens.sign("x", List.of("admin"), Duration.ofSeconds(-60), DevTokens.ISSUER),
                DevTokens.sign("x", List.of("admin"), Duration.ofHours(1), "https://elsewhere.example"))) {
            given().auth().oauth2(token).when().get("/api/projects")
                    .then().statusCode(401).contentType(startsWith("application/problem+json"));
        }
    }

    @Test
    void shouldAnswer403ToARoleThatMayNotWrite() {
        for (String role : List.of("analyst", "site-inspector")) {
            Api.as("someone", role).body(Api.contract(Api.unique("Forbidden")))
                    .when().post("/api/projects")
                    .then().statusCode(403).contentType(startsWith("application/problem+json"));
        }
        given().auth().oauth2(DevTokens.token("nobody", "visitor")).when().get("/api/projects")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    void shouldLetAnAdminWriteAndEveryRoleRead() {
        String id = Api.as("admin-zhou", "admin").body(Api.contract(Api.unique("By admin")))
                .when().post("/api/projects")
                .then().statusCode(201).body("createdBy", equalTo("admin-zhou")).extract().path("id");
        for (String role : DevTokens.ROLES) {
            Api.as("reader", role).when().get("/api/projects/" + id).then().statusCode(200);
        }
    }
}
