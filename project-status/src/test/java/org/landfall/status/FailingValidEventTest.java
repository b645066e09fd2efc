package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Topics;
import org.landfall.infra.testing.DeadLetterReader;
import org.landfall.infra.testing.DeadLetterReader.DeadLetter;

/**
 * A valid event whose handling fails by a fault of ours (decision 18) is never dead-lettered: the consumer stalls on
 * it and says so (readiness DOWN naming the event, {@code landfall_consumer_stalled} at 1), and applies it once the
 * fault is gone. The fault is put into the database, as the numeric overflow that dead-lettered a valid
 * {@code project.signed} was: a trigger that refuses this project's row with SQLSTATE 22003.
 */
@QuarkusTest
class FailingValidEventTest {

    @Inject
    DataSource database;

    @Test
    void shouldStallOnAValidEventWhoseHandlingFailsAndApplyItOnceTheFaultIsGoneNeverDeadLetteringIt() throws Exception {
        ProjectSnapshot project = IntakeEvents.snapshot(LocalDate.of(2023, 2, 1), 1);
        ProjectSigned signed = ProjectSigned.of(project);
        String fault = "fail_" + project.id().toString().replace("-", "");
        sql("create function " + fault + "() returns trigger language plpgsql as $$ begin"
                + " if new.id = '" + project.id() + "' then"
                + " raise exception 'numeric field overflow (injected by FailingValidEventTest)' using errcode = '22003';"
                + " end if; return new; end $$");
        try {
            sql("create trigger " + fault + " before insert or update on project for each row execute function " + fault + "()");
            IntakeEvents.publish(signed);

            // A new consumer group reads the shared topic from its beginning first, other modules' events included.
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(503).body("checks.find { it.name == 'consumer' }.status", equalTo("DOWN")));
            JsonPath readiness = given().get("/q/health/ready").then().extract().jsonPath();
            Map<String, String> stalledAt = readiness.getMap("checks.find { it.name == 'consumer' }.data");
            assertTrue(stalledAt.values().stream().anyMatch(at -> at.contains(signed.eventId().toString())), stalledAt.toString());
            assertEquals(1.0, stalledGauge());
            given().auth().oauth2(IntakeEvents.INSPECTOR).get("/api/projects/" + project.id() + "/status").then()
                    .statusCode(404);
        } finally {
            sql("drop trigger if exists " + fault + " on project");
            sql("drop function " + fault + "()");
        }

        // The back-off is still short: the fault was removed seconds after the event met it.
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(IntakeEvents.INSPECTOR)
                .get("/api/projects/" + project.id() + "/status").statusCode() == 200);
        given().get("/q/health/ready").then()
                .body("checks.name", hasItem("consumer"))
                .body("checks.find { it.name == 'consumer' }.status", equalTo("UP"));
        assertEquals(0.0, stalledGauge());
        assertEquals(List.of(), deadLettersOf(project.id().toString()));
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The highest landfall_consumer_stalled of the projects topic's partitions, as Prometheus scrapes it. */
    private static double stalledGauge() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("landfall_consumer_stalled{") && l.contains("topic=\"" + Topics.PROJECTS + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).max().orElse(-1);
    }

    /** The reasons of every dead letter status wrote with {@code key}, reading the topic to its end. */
    private static List<String> deadLettersOf(String key) {
        return DeadLetterReader.all(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "project-status", key).stream().map(DeadLetter::reason).toList();
    }
}
