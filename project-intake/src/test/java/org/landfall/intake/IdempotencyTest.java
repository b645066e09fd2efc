package org.landfall.intake;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    private static Response post(String key, String body) {
        return Api.officer().header("Idempotency-Key", key).body(body).when().post("/api/projects");
    }

    private static int count(String name) {
        return Api.analyst().queryParam("q", name).when().get("/api/projects").then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void shouldAnswerARetryWithTheSameBodyAndCreateNothing() {
        String key = UUID.randomUUID().toString();
        String name = Api.unique("Retried");
        Response first = post(key, Api.contract(name));
        Response again = post(key, Api.contract(name));

        assertEquals(201, first.statusCode());
        assertEquals(201, again.statusCode());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.asString(), again.asString());
        assertEquals("false", first.header("Idempotent-Replayed"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1, count(name));
    }

    @Test
    void shouldReplayTheFirstAnswerEvenAfterACorrection() {
        String key = UUID.randomUUID().toString();
        String name = Api.unique("Replayed");
        Response first = post(key, Api.contract(name));
        Api.officer().body("{\"reason\": \"typo\", \"changes\": {\"plannedJobs\": 12}}")
                .when().post(first.header("Location") + "/corrections").then().statusCode(200);

        Response again = post(key, Api.contract(name));
        assertEquals(201, again.statusCode());
        assertEquals(first.asString(), again.asString());
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        String name = Api.unique("Reused key");
        post(key, Api.contract(name)).then().statusCode(201);
        post(key, Api.contract(name, "plannedJobs", "5")).then().statusCode(409)
                .body("status", equalTo(409)).body("detail", containsString("Idempotency-Key"));
        assertEquals(1, count(name));
    }

    /** A key is its caller's own: another officer's request under it is theirs, neither refused nor answered as mine. */
    @Test
    void shouldKeepEachPersonsKeysTheirOwn() {
        String key = UUID.randomUUID().toString();
        String mine = Api.unique("My key");
        String theirs = Api.unique("Their key");
        Response first = post(key, Api.contract(mine));
        Response another = Api.as("officer-zhou", "intake-officer").header("Idempotency-Key", key).body(Api.contract(theirs))
                .when().post("/api/projects");
        assertEquals(201, another.statusCode(), another.asString());
        assertEquals("false", another.header("Idempotent-Replayed"));
        Response retried = Api.as("officer-zhou", "intake-officer").header("Idempotency-Key", key).body(Api.contract(theirs))
                .when().post("/api/projects");
        assertEquals("true", retried.header("Idempotent-Replayed"));
        assertEquals(another.header("Location"), retried.header("Location"));
        assertEquals(201, first.statusCode());
        assertEquals(1, count(mine));
        assertEquals(1, count(theirs));
    }

    @Test
    void shouldCreateOneProjectWhenRetriesRace() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = Api.unique("Racing retries");
        List<Response> answers = Parallel.run(8, i -> post(key, Api.contract(name)));

        for (Response r : answers) {
            assertEquals(201, r.statusCode(), r.asString());
            assertEquals(answers.get(0).asString(), r.asString());
        }
        assertEquals(1, count(name));
    }

    @Test
    void shouldRefuseAKeyThatIsTooLong() {
        post("k".repeat(201), Api.contract(Api.unique("Long key"))).then().statusCode(400);
    }
}
