package org.landfall.reporting;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.landfall.reporting.QuarterlyReportTest.T1;
import static org.landfall.reporting.QuarterlyReportTest.T2;
import static org.landfall.reporting.QuarterlyReportTest.T3;
import static org.landfall.reporting.QuarterlyReportTest.eventually;
import static org.landfall.reporting.QuarterlyReportTest.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;

/**
 * A correction far ahead of the revision held would outrank every genuine one to come and freeze the project's
 * figures (decision 44): it is dead-lettered with its reason and counted, and the genuine corrections are applied.
 */
@QuarkusTest
class ForgedEventsTest {

    @Test
    void shouldDeadLetterAForgedRevisionAndApplyTheGenuineCorrectionsAfterIt() {
        String province = QuarterlyReportTest.province();
        ProjectSnapshot p = Upstream.project(province, "Hegang", null, "new-energy", LocalDate.of(2023, 2, 1),
                "100000000", 10);
        double before = PoisonEventsTest.deadLettersCounted();
        Upstream.publish(Upstream.signed(p, T1),
                Upstream.corrected(Upstream.revise(p, Integer.MAX_VALUE, province, p.signedOn(), "1"), T2),
                Upstream.corrected(Upstream.revise(p, 2, province, p.signedOn(), "200000000"), T2));
        eventually(() -> report("from=2023-Q1&to=2023-Q1&province=" + province)
                .body("rows[0].signed.contractValue", equalTo(200000000)));
        List<String> reasons = PoisonEventsTest.deadLetterReasons(p.id().toString(), 1);
        assertTrue(reasons.get(0).startsWith("project.corrected at revision " + Integer.MAX_VALUE
                + " skips ahead of revision 1, the one held (expected 2)"), reasons.get(0));
        await().atMost(Duration.ofSeconds(15)).until(() -> PoisonEventsTest.deadLettersCounted() >= before + 1);

        Upstream.publish(Upstream.corrected(Upstream.revise(p, 3, province, p.signedOn(), "300000000"), T3));
        eventually(() -> report("from=2023-Q1&to=2023-Q1&province=" + province)
                .body("rows[0].signed.contractValue", equalTo(300000000)));
    }
}
