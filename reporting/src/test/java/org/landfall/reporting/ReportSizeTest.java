package org.landfall.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.landfall.reporting.QuarterlyReportTest.ANALYST;
import static org.landfall.reporting.QuarterlyReportTest.T1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.landfall.events.LandfallEvent;

/** A report has at most landfall.report.max-rows rows (20,000): groups times quarters. */
@QuarkusTest
class ReportSizeTest {

    /** 101 districts over 200 quarters (2000-Q1..2049-Q4) would be 20,200 rows; over 198 quarters, 19,998. */
    @Test
    void shouldRefuseAReportOfMoreRowsThanTheMaximumBeforeBuildingIt() {
        String province = QuarterlyReportTest.province();
        List<LandfallEvent> signings = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            signings.add(Upstream.signed(Upstream.project(province, "Shuangyashan", "District " + i, "new-energy",
                    LocalDate.of(2023, 2, 1), "1000000", 1), T1));
        }
        Upstream.publish(signings.toArray(LandfallEvent[]::new));
        QuarterlyReportTest.eventually(() -> QuarterlyReportTest.report("from=2023-Q1&to=2023-Q1&groupBy=district&province="
                + province).body("rows.size()", equalTo(101)));

        for (String asOf : List.of("", "&asOf=" + Instant.now())) {
            String query = "groupBy=district&province=" + province + asOf;
            given().auth().oauth2(ANALYST).header("Accept-Language", "en")
                    .get("/api/reports/quarterly?from=2000-Q1&to=2049-Q4&" + query).then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("to"))
                    .body("errors[0].message", containsString("20200 rows (101 groups over 200 quarters)"));
            given().auth().oauth2(ANALYST).header("Accept-Language", "zh-CN")
                    .get("/api/reports/quarterly.csv?from=2000-Q1&to=2049-Q4&" + query).then().statusCode(422)
                    .body("errors[0].message", containsString("20200 行"));
            given().auth().oauth2(ANALYST).get("/api/reports/quarterly?from=2000-Q3&to=2049-Q4&" + query).then()
                    .statusCode(200).body("rows.size()", equalTo(19_998));
        }
    }
}
