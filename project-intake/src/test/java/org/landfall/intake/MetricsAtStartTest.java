package org.landfall.intake;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The event counters are on /q/metrics from startup, so that an alert on them works before the first event. */
@QuarkusTest
class MetricsAtStartTest {

    @Test
    void shouldServeEveryEventCounterFromStartupTheDeadLettersIncluded() {
        List<String> lines = given().get("/q/metrics").then().statusCode(200).extract().asString().lines().toList();
        List<String> counters = lines.stream().filter(l -> l.startsWith("landfall_")).toList();
        // ForgedUpdatesTest may have dead-lettered records before: the counter's value is its business.
        for (String counter : List.of("landfall_dead_letters_total{topic=\"landfall.project-updates\"} ",
                "landfall_events_published_total{type=\"project.signed\"} ",
                "landfall_events_published_total{type=\"project.corrected\"} ",
                "landfall_events_consumed_total{duplicate=\"false\",type=\"project.update-recorded\"} ",
                "landfall_events_consumed_total{duplicate=\"true\",type=\"project.update-recorded\"} ")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(counter)), () -> counter + " in " + counters);
        }
    }
}
