package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landfall.reporting.QuarterlyReportTest.ANALYST;
import static org.landfall.reporting.QuarterlyReportTest.eventually;
import static org.landfall.reporting.QuarterlyReportTest.province;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;

/**
 * Where the data is. Other tests' projects share the read model, so the answers are checked as bounds that hold
 * whatever else is there: before 1900, where intake takes no contract and no other test signs one, this test's
 * signing is the only data, and after 2100 this test's update is.
 */
@QuarkusTest
class DataQuartersTest {

    static JsonPath quarters() {
        return given().auth().oauth2(ANALYST).get("/api/reports/quarters").then().statusCode(200).extract().jsonPath();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void shouldAnswerTheFirstAndLastQuartersWithAnyFigureAndForgetAQuarterWhoseFiguresCameBackToZero() {
        ProjectSnapshot p = Upstream.project(province(), "Early", null, "new-energy", LocalDate.of(1800, 2, 1),
                "1000000", 10);
        Upstream.publish(Upstream.signed(p, now()));
        // null while nothing has been applied yet (a fresh read model replaying): an assertion to retry, not an error
        eventually(() -> {
            String first = quarters().getString("first");
            assertTrue(first != null && first.compareTo("1800-Q1") <= 0, first);
        });

        // Moved to 1900 by a correction: 1800-Q1's figures are zero again, and it is no longer where data is.
        Upstream.publish(Upstream.corrected(Upstream.revise(p, 2, p.province(), LocalDate.of(1900, 2, 1), "1000000"), now()));
        eventually(() -> {
            String first = quarters().getString("first");
            assertTrue(first != null && first.compareTo("1800-Q1") > 0 && first.compareTo("1900-Q1") <= 0, first);
        });

        // Investment reported in 2100 (nothing checks dates on this side of the topics): the last quarter with data.
        Upstream.publish(Upstream.update(p, LocalDate.of(2100, 5, 1), null, "500000", null, now()));
        eventually(() -> {
            String last = quarters().getString("last");
            assertTrue(last != null && last.compareTo("2100-Q2") >= 0, last);
        });
    }
}
