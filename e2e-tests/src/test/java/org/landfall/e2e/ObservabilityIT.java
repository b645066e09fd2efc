package org.landfall.e2e;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DevTokens;

/** What operations sees of the running services: one trace across them, health checks and metrics. */
class ObservabilityIT {

    static RunningLandfall landfall;

    @BeforeAll
    static void services() throws Exception {
        landfall = RunningLandfall.get();
    }

    @Test
    void shouldFollowOneContractInOneTraceFromIntakeThroughStatusToReporting() {
        String traceId = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        String projectId = given().auth().oauth2(DevTokens.token("officer-trace", "intake-officer"))
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8)) + "-01")
                .contentType(ContentType.JSON)
                .body(contract("Traced " + UUID.randomUUID()))
                .post(landfall.intake.url("/api/projects"))
                .then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(
                Set.of("project-intake", "project-status", "reporting"),
                landfall.spans.spans().stream().filter(s -> s.traceId().equals(traceId))
                        .map(SpanCollector.ReceivedSpan::service).collect(Collectors.toSet()),
                "services with a span in trace " + traceId + " (project " + projectId + ")"));
        assertEquals(Set.of("landfall.projects process"),
                landfall.spans.spans().stream().filter(s -> s.traceId().equals(traceId) && !s.service().equals("project-intake"))
                        .map(SpanCollector.ReceivedSpan::name).collect(Collectors.toSet()));
    }

    @Test
    void shouldReportReadyWithTheDatabaseKafkaAndTheOutboxChecked() {
        for (ServiceProcess s : landfall.all()) {
            get(s.url("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
            get(s.url("/q/health/ready")).then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.name", hasItems("Database connections health check", "kafka"));
        }
        for (ServiceProcess s : new ServiceProcess[] {landfall.intake, landfall.status}) {
            get(s.url("/q/health/ready")).then().body("checks.find { it.name == 'outbox' }.data.backlog", equalTo(0))
                    .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"));
        }
    }

    @Test
    void shouldExposeRequestEventOutboxLagAndReportMetrics() {
        String province = "Metrics Province " + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(DevTokens.token("officer-metrics", "intake-officer")).contentType(ContentType.JSON)
                .body(contract("Metered " + UUID.randomUUID()).replace("\"Liaoning\"", "\"" + province + "\""))
                .post(landfall.intake.url("/api/projects")).then().statusCode(201);
        String analyst = DevTokens.token("analyst-metrics", "analyst");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(analyst)
                .queryParam("from", "2024-Q1").queryParam("to", "2024-Q1").queryParam("province", province)
                .get(landfall.reporting.url("/api/reports/quarterly"))
                .then().statusCode(200).body("rows[0].signed.count", equalTo(1)));

        get(landfall.intake.managementUrl("/q/metrics")).then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("landfall_events_published_total{type=\"project.signed\""))
                .body(containsString("landfall_outbox_backlog "))
                .body(containsString("landfall_outbox_oldest_age_seconds "));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> get(landfall.reporting.managementUrl("/q/metrics")).then()
                .statusCode(200)
                .body(containsString("landfall_events_consumed_total{duplicate=\"false\",type=\"project.signed\""))
                .body(containsString("kafka_consumer_fetch_manager_records_lag"))
                .body(containsString("landfall_report_query_seconds_count{groupBy=\"none\",vintage=\"latest\"")));
    }

    private static String contract(String name) {
        return """
                {"name": "%s", "investor": "Observability Test Co., Ltd.", "province": "Liaoning", "city": "Shenyang",
                 "sector": "new-energy", "signedOn": "2024-02-15", "contractValue": 1000000, "plannedJobs": 10}
                """.formatted(name);
    }
}
