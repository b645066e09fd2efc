package org.landfall.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.landfall.events.CloudEventHeaders;
import org.landfall.events.ProjectPlanSet;
import org.landfall.events.Topics;

/** A project's annual plans: set by officers and admins, kept with who and when, published on landfall.plans. */
@QuarkusTest
class PlanTest {

    @Inject
    EntityManager em;

    private static ValidatableResponse put(String id, Object year, String body) {
        return Api.officer().body(body).put("/api/projects/" + id + "/plans/" + year).then();
    }

    private int rows(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from project_plan where project_id = :id").setParameter("id", UUID.fromString(id))
                .getSingleResult()).intValue());
    }

    @Test
    void shouldSetAPlanAndListThePlansByYear() {
        String id = Api.sign(Api.contract(Api.unique("Planned")));
        put(id, 2024, "{\"plannedInvestment\": 1200000000, \"startPlanned\": true}").statusCode(200)
                .contentType(ContentType.JSON)
                .body("projectId", equalTo(id)).body("year", equalTo(2024))
                .body("plannedInvestment", equalTo(1200000000)).body("startPlanned", equalTo(true))
                .body("recordedBy", equalTo(Api.OFFICER)).body("recordedAt", matchesPattern("\\d{4}-.*Z"));
        Api.as("admin-zhou", "admin").body("{\"plannedInvestment\": 0.5}").put("/api/projects/" + id + "/plans/2023")
                .then().statusCode(200).body("startPlanned", equalTo(false)).body("recordedBy", equalTo("admin-zhou"));
        put(id, 2024, "{\"plannedInvestment\": 1300000000.25, \"startPlanned\": false}").statusCode(200);

        Api.as("inspector-zhou", "site-inspector").get("/api/projects/" + id + "/plans").then().statusCode(200)
                .body("year", contains(2023, 2024))
                .body("startPlanned", contains(false, false))
                .body("recordedBy", contains("admin-zhou", Api.OFFICER))
                .body(containsString("\"plannedInvestment\":0.5,"))
                .body(containsString("\"plannedInvestment\":1300000000.25,"));
        assertEquals(3, rows(id), "every accepted plan is kept");
        Api.analyst().get("/api/projects/" + Api.sign(Api.contract(Api.unique("Unplanned"))) + "/plans").then()
                .statusCode(200).body("", hasSize(0));
    }

    @Test
    void shouldAnswerThePlanAsItStandsToTheSamePlanAndRecordNothing() {
        String id = Api.sign(Api.contract(Api.unique("Same plan")));
        String first = put(id, 2024, "{\"plannedInvestment\": 1200000000, \"startPlanned\": true}").statusCode(200)
                .extract().asString();
        String again = put(id, 2024, "{\"plannedInvestment\": 1200000000.00, \"startPlanned\": true}").statusCode(200)
                .extract().asString();
        assertEquals(first, again);
        assertEquals(1, rows(id));
    }

    @Test
    void shouldPublishEachChangedPlanOnThePlansTopicKeyedByTheProjectAndNothingForTheSamePlan() {
        String id = Api.sign(Api.contract(Api.unique("Published plan")));
        put(id, 2024, "{\"plannedInvestment\": 1200000000, \"startPlanned\": true}").statusCode(200);
        put(id, 2024, "{\"plannedInvestment\": 1200000000, \"startPlanned\": true}").statusCode(200);
        put(id, 2024, "{\"plannedInvestment\": 0}").statusCode(200);
        put(id, 2024, "{\"plannedInvestment\": 1}").statusCode(200);
        put(id, 2025, "{\"plannedInvestment\": 1}").statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = EventPublishingTest.of(EventPublishingTest.readUntil(Topics.PLANS,
                seen -> EventPublishingTest.of(seen, id).size() >= 4), id);
        List<ProjectPlanSet> events = records.stream().map(r -> (ProjectPlanSet) EventPublishingTest.decode(r)).toList();
        assertEquals(4, events.size(), "the repeated plan published nothing");
        ProjectPlanSet first = events.get(0);
        assertEquals(UUID.fromString(id), first.projectId());
        assertEquals(2024, first.year());
        assertEquals(0, new BigDecimal("1200000000").compareTo(first.plannedInvestment()));
        assertEquals(true, first.startPlanned());
        assertEquals(Api.OFFICER, first.recordedBy());
        assertEquals("2024-01-01", first.occurredOn().toString());
        assertEquals(List.of(false, false, false), events.subList(1, 4).stream().map(ProjectPlanSet::startPlanned).toList());
        assertEquals(List.of(2024, 2024, 2025), events.subList(1, 4).stream().map(ProjectPlanSet::year).toList());
        var header = records.get(0).headers().lastHeader(CloudEventHeaders.TYPE);
        assertEquals("org.landfall.project.plan-set", new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "1999 | {\"plannedInvestment\": 1}                   | year",
            "2101 | {\"plannedInvestment\": 1}                   | year",
            "2024 | {\"plannedInvestment\": -0.01}               | plannedInvestment",
            "2024 | {\"plannedInvestment\": 10000000000000.01}   | plannedInvestment",
            "2024 | {\"plannedInvestment\": 1.005}               | plannedInvestment",
            "2024 | {\"plannedInvestment\": 1e999999999}         | plannedInvestment",
            "2024 | {\"startPlanned\": true}                     | plannedInvestment",
            "2024 | {\"plannedInvestment\": null}                | plannedInvestment",
            "2024 | {}                                           | plannedInvestment"})
    void shouldRefuseABrokenRuleWith422NamingTheFieldAndRecordNothing(String year, String body, String field) {
        String id = Api.sign(Api.contract(Api.unique("Refused plan")));
        put(id, year, body).statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
        assertEquals(0, rows(id));
        put(id, 2100, "{\"plannedInvestment\": 10000000000000}").statusCode(200);
        put(id, 2000, "{\"plannedInvestment\": 0, \"startPlanned\": false}").statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "42", "{", "{\"plannedInvestment\": \"lots\"}", "{\"plannedInvestment\": 1, "
            + "\"startPlanned\": \"yes\"}", "{\"plannedInvestment\": 1, \"colour\": 1}",
            "{\"plannedInvestment\": 1} {}", "{\"plannedInvestment\": [1]}", "{\"startPlanned\": 1}"})
    void shouldAnswer400ToABodyThatIsNotAPlan(String body) {
        String id = Api.sign(Api.contract(Api.unique("Malformed plan")));
        put(id, 2024, body).statusCode(400).contentType(startsWith("application/problem+json"));
        assertEquals(0, rows(id));
    }

    @Test
    void shouldAnswer400ToAYearThatIsNotANumberAnd404ToAnUnknownProject() {
        String id = Api.sign(Api.contract(Api.unique("Odd year")));
        for (String year : List.of("next", "2024.0", "99999999999", "%20")) {
            put(id, year, "{\"plannedInvestment\": 1}").statusCode(oneOf(400, 422))
                    .contentType(startsWith("application/problem+json"));
        }
        put(id, "next", "{\"plannedInvestment\": 1}").statusCode(400).body("errors[0].field", equalTo("year"));
        for (String unknown : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            put(unknown, 2024, "{\"plannedInvestment\": 1}").statusCode(404).contentType(startsWith("application/problem+json"));
            Api.analyst().get("/api/projects/" + unknown + "/plans").then().statusCode(404);
        }
        Api.officer().contentType(ContentType.TEXT).body("plannedInvestment=1").put("/api/projects/" + id + "/plans/2024")
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
        assertEquals(0, rows(id));
    }

    @Test
    void shouldLetOnlyOfficersAndAdminsSetAPlanAndEveryRoleReadThem() {
        String id = Api.sign(Api.contract(Api.unique("Guarded plan")));
        for (String role : List.of("site-inspector", "analyst")) {
            Api.as("someone", role).body("{\"plannedInvestment\": 1}").put("/api/projects/" + id + "/plans/2024")
                    .then().statusCode(403).contentType(startsWith("application/problem+json"));
        }
        given().contentType(ContentType.JSON).body("{\"plannedInvestment\": 1}").put("/api/projects/" + id + "/plans/2024")
                .then().statusCode(401);
        given().get("/api/projects/" + id + "/plans").then().statusCode(401);
        assertEquals(0, rows(id));
        for (String role : org.landfall.infra.DevTokens.ROLES) {
            Api.as("reader", role).get("/api/projects/" + id + "/plans").then().statusCode(200);
        }
    }
}
