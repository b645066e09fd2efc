package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.landfall.events.EventCodec;
import org.landfall.events.ProjectSnapshot;

/**
 * A well-formed event that no intake of ours could have published changes nothing (decision 44): a correction far
 * ahead of the revision held would have frozen the project, a date of seven digits would have stalled the partition.
 * Each is dead-lettered with its reason and counted, and the genuine correction behind them is applied.
 */
@QuarkusTest
class ForgedEventsTest {

    @Test
    void shouldDeadLetterAForgedRevisionAndAnImpossibleDateAndApplyTheGenuineCorrectionAfterThem() {
        ProjectSnapshot p = IntakeEvents.known(LocalDate.of(2023, 2, 1));
        String key = p.id().toString();
        double before = PoisonEventsTest.deadLettersCounted();

        ProjectSnapshot forged = IntakeEvents.revised(p, Integer.MAX_VALUE, LocalDate.of(2023, 1, 1));
        IntakeEvents.publish(IntakeEvents.correction(forged));
        String farFuture = new String(EventCodec.encode(IntakeEvents.correction(IntakeEvents.revised(p, 2,
                LocalDate.of(2023, 1, 2)))), StandardCharsets.UTF_8).replace("\"2023-01-02\"", "\"+6000000-01-01\"");
        assertTrue(farFuture.contains("+6000000-01-01"), farFuture);
        IntakeEvents.publishRaw(key, farFuture);
        IntakeEvents.publish(IntakeEvents.correction(IntakeEvents.revised(p, 2, LocalDate.of(2023, 3, 15))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(IntakeEvents.INSPECTOR)
                .get("/api/projects/" + key + "/status").then().statusCode(200).body("signedOn", equalTo("2023-03-15")));
        List<String> reasons = PoisonEventsTest.deadLetterReasons(key, 2);
        assertTrue(reasons.get(0).startsWith("project.corrected at revision " + Integer.MAX_VALUE
                + " skips ahead of revision 1, the one held (expected 2)"), reasons.get(0));
        assertTrue(reasons.get(1).contains("outside the years 1000..9999"), reasons.get(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> PoisonEventsTest.deadLettersCounted() >= before + 2);

        // The genuine revision 2 is held: the next correction follows it.
        IntakeEvents.publish(IntakeEvents.correction(IntakeEvents.revised(p, 3, LocalDate.of(2023, 3, 20))));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(IntakeEvents.INSPECTOR)
                .get("/api/projects/" + key + "/status").then().statusCode(200).body("signedOn", equalTo("2023-03-20")));
    }
}
