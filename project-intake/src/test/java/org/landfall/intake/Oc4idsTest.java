package org.landfall.intake;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;

/**
 * The OC4IDS export, checked against the standard's published schemas (src/test/resources/oc4ids, OC4IDS 0.9.5),
 * and the lifecycle intake learns from project-status's events: status and actual milestones follow, exactly once.
 */
@QuarkusTest
class Oc4idsTest {

    private static final String OC4IDS = "https://standard.open-contracting.org/infrastructure/schema/0__9__5/";
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            b -> b.schemaMappers(m -> m.mapPrefix(OC4IDS, "classpath:oc4ids/")));
    private static final SchemaValidatorsConfig STRICT = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    static void assertValid(String schema, String body) throws Exception {
        JsonSchema s = SCHEMAS.getSchema(SchemaLocation.of(OC4IDS + schema), STRICT);
        Set<ValidationMessage> errors = s.validate(JSON.readTree(body));
        assertTrue(errors.isEmpty(), schema + ": " + errors + "\n" + body);
    }

    static String yiwei(String name) {
        return SigningTest.YIWEI.replace("Yiwei Lithium Energy Storage and Power Battery Project", name)
                .replace("\"Liaoning\", \"city\": \"Shenyang\", \"district\": \"Tiexi\"",
                        "\"Heilongjiang\", \"city\": \"Jixi\", \"district\": \"Mashan\"");
    }

    static JsonPath oc4ids(String id) {
        return Api.analyst().get("/api/projects/" + id + "/oc4ids").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldExportASignedProjectValidAgainstTheOc4idsProjectSchema() throws Exception {
        String name = Api.unique("OC4IDS battery project");
        String id = Api.sign(yiwei(name));

        String body = Api.analyst().get("/api/projects/" + id + "/oc4ids").then().statusCode(200).extract().asString();
        assertValid("project-schema.json", body);
        JsonPath p = JsonPath.from(body);
        assertEquals("oc4ids-landfall-" + id, p.getString("id"));
        assertEquals(name, p.getString("title"));
        assertEquals("preparation", p.getString("status"));
        assertEquals(List.of("energy"), p.getList("sector"));
        assertEquals("new-energy", p.getString("additionalClassifications[0].id"));
        assertEquals(10000000000L, p.getLong("budget.amount.amount"));
        assertEquals("CNY", p.getString("budget.amount.currency"));
        assertEquals("2023-01-01T00:00:00+08:00", p.getString("period.startDate"));
        assertEquals("2025-12-31T00:00:00+08:00", p.getString("period.endDate"));
        assertEquals(Map.of("locality", "Mashan, Jixi", "region", "Heilongjiang", "countryName", "China"),
                p.getMap("locations[0].address"));
        assertEquals(List.of("investor", "public-authority"), p.getList("parties.id"));
        assertEquals("Huizhou Yiwei Lithium Energy Co., Ltd.", p.getString("parties[0].name"));
        assertEquals("public-authority", p.getString("publicAuthority.id"));
        assertEquals(List.of("signing", "start", "operational"), p.getList("milestones.id"));
        assertEquals("2022-09-27T00:00:00+08:00", p.getString("milestones[0].dateMet"));
        assertEquals(List.of("met", "scheduled", "scheduled"), p.getList("milestones.status"));
        assertEquals("2023-01-01T00:00:00+08:00", p.getString("milestones[1].dueDate"));
        assertEquals("https://example.org/a", p.getString("documents[0].url"));

        Api.analyst().get("/api/projects/" + UUID.randomUUID() + "/oc4ids").then().statusCode(404);
        Api.analyst().get("/api/projects/not-a-uuid/oc4ids").then().statusCode(404);
    }

    @Test
    void shouldExportASourceWithoutAnAddressByItsTitleAndNoDocumentWithoutASource() throws Exception {
        String title = "Shuangyashan spring investment promotion (seed article, 2023-04-24); illustrative: investor, signedOn";
        String id = Api.sign(Api.contract(Api.unique("OC4IDS source without address"),
                "source", "{\"title\": \"" + title + "\", \"publishedOn\": \"2023-04-24\"}"));
        String body = Api.analyst().get("/api/projects/" + id + "/oc4ids").then().statusCode(200).extract().asString();
        assertValid("project-schema.json", body);
        JsonPath p = JsonPath.from(body);
        assertEquals(List.of(Map.of("id", "source", "title", title, "datePublished", "2023-04-24T00:00:00+08:00")),
                p.getList("documents"));

        JsonPath none = oc4ids(Api.sign(Api.contract(Api.unique("OC4IDS without source"))));
        assertNull(none.get("documents"));
    }

    @Test
    void shouldExportTheProjectsASearchFindsAsAPackageValidAgainstThePackageSchema() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = Api.sign(Api.contract("Package one " + tag));
        String second = Api.sign(Api.contract("Package two " + tag, "signedOn", "\"2023-03-01\"", "district", "null"));

        String body = Api.analyst().queryParam("q", tag).get("/api/projects/oc4ids").then().statusCode(200)
                .extract().asString();
        assertValid("project-package-schema.json", body);
        JsonPath pkg = JsonPath.from(body);
        assertEquals("0.9", pkg.getString("version"));
        assertEquals("Landfall", pkg.getString("publisher.name"));
        assertTrue(pkg.getString("uri").endsWith("/api/projects/oc4ids?q=" + tag), pkg.getString("uri"));
        // The order of the search: signedOn descending.
        assertEquals(List.of("oc4ids-landfall-" + second, "oc4ids-landfall-" + first), pkg.getList("projects.id"));

        Api.analyst().queryParam("q", tag).queryParam("size", 1).queryParam("page", 1).get("/api/projects/oc4ids")
                .then().statusCode(200).body("projects.id", equalTo(List.of("oc4ids-landfall-" + first)));
        Api.analyst().queryParam("q", "nothing " + tag).get("/api/projects/oc4ids").then().statusCode(404)
                .contentType("application/problem+json");
        Api.analyst().queryParam("size", 0).get("/api/projects/oc4ids").then().statusCode(422);
        Api.analyst().queryParam("signedFrom", "yesterday").get("/api/projects/oc4ids").then().statusCode(400);
    }

    @Test
    void shouldFollowTheStageChangesStatusPublishesExactlyOnce() throws Exception {
        String id = Api.sign(yiwei(Api.unique("Lifecycle project")));
        UUID project = UUID.fromString(id);

        ProjectUpdateRecorded started = StatusEvents.update(project, Stage.STARTED, Stage.SIGNED, "2023-04-07");
        StatusEvents.publish(started);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "STARTED".equals(Api.analyst().get("/api/projects/" + id).path("stage")));
        String afterStart = Api.analyst().get("/api/projects/" + id + "/oc4ids").then().statusCode(200).extract().asString();
        assertValid("project-schema.json", afterStart);
        JsonPath p = JsonPath.from(afterStart);
        assertEquals("implementation", p.getString("status"));
        assertEquals("2023-04-07T00:00:00+08:00", p.getString("milestones[1].dateMet"));
        assertEquals("met", p.getString("milestones[1].status"));
        // Status recorded the start after intake's signing: the project was last updated then.
        assertEquals(started.recordedAt().toString(), p.getString("updated"));

        // Redelivered, then a figures-only update behind it on the same partition: once that one is applied,
        // the redelivery has been too, and it changed nothing.
        StatusEvents.publish(started);
        ProjectUpdateRecorded figures = StatusEvents.update(project, null, null, "2023-05-01");
        StatusEvents.publish(figures);
        await().atMost(Duration.ofSeconds(20)).until(() -> StatusEvents.processed(em, figures.eventId()));
        assertEquals(afterStart, Api.analyst().get("/api/projects/" + id + "/oc4ids").asString());
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from project_stage_change where project_id = :id").setParameter("id", project)
                .getSingleResult()).intValue()));

        StatusEvents.publish(StatusEvents.update(project, Stage.SUSPENDED, Stage.STARTED, "2023-06-01"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "SUSPENDED".equals(Api.analyst().get("/api/projects/" + id).path("stage")));
        JsonPath suspended = oc4ids(id);
        assertEquals("implementation", suspended.getString("status"));
        assertEquals(List.of("signing", "start", "operational", "suspension-1"), suspended.getList("milestones.id"));
        assertEquals("2023-06-01T00:00:00+08:00", suspended.getString("milestones[3].dateMet"));

        StatusEvents.publish(StatusEvents.update(project, Stage.CANCELLED, Stage.SUSPENDED, "2023-07-01"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "cancelled".equals(oc4ids(id).getString("status")));
        assertValid("project-schema.json", Api.analyst().get("/api/projects/" + id + "/oc4ids").asString());
        assertEquals("notMet", oc4ids(id).getString("milestones[2].status"));
        Api.analyst().queryParam("q", "Lifecycle project").get("/api/projects").then()
                .body("items.find { it.id == '" + id + "' }.stage", equalTo("CANCELLED"));
    }

    @Test
    void shouldIgnoreStageChangesOfProjectsIntakeDoesNotHold() throws Exception {
        ProjectUpdateRecorded stranger = StatusEvents.update(UUID.randomUUID(), Stage.STARTED, Stage.SIGNED, "2023-04-07");
        StatusEvents.publish(stranger);
        await().atMost(Duration.ofSeconds(20)).until(() -> StatusEvents.processed(em, stranger.eventId()));
    }
}
