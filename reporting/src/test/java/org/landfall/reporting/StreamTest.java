package org.landfall.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DevTokens;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.Place;
import org.landfall.reporting.messaging.RowNotices;
import org.landfall.reporting.service.ReadModel;

@QuarkusTest
class StreamTest {

    @TestHTTPResource("/api/reports/stream")
    URI stream;

    @Test
    void shouldSendAnEventWhenARowChanges() throws Exception {
        String province = "Streamed " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream)
                        .header("Authorization", "Bearer " + QuarterlyReportTest.ANALYST)
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> response.body()
                .filter(line -> line.startsWith("data:") && line.contains(province) && line.contains("2023-Q1"))
                .findFirst().orElse(""));
        Upstream.publish(Upstream.signed(Upstream.project(province, "Jixi", null, "other", LocalDate.of(2023, 2, 1),
                "77", 3), QuarterlyReportTest.T1));
        String data = event.get(15, TimeUnit.SECONDS);
        assertTrue(data.contains("\"quarter\":\"2023-Q1\""), data);
        assertTrue(data.contains("\"contractValue\":77"), data);
    }

    /**
     * Another reporting instance on the same database announces the rows it changed with a notice in its consuming
     * transaction: this instance's streams send those rows' latest figures, though it consumed nothing of them.
     */
    @Test
    void shouldSendTheRowsAnotherInstanceAnnounces() throws Exception {
        String province = "Announced " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<Stream<String>> response = open(QuarterlyReportTest.ANALYST);
        assertEquals(200, response.statusCode());
        Iterator<String> lines = response.body()
                .filter(line -> line.startsWith("data:") && line.contains(province) && line.contains("\"2023-Q1\"")).iterator();
        Upstream.publish(Upstream.signed(Upstream.project(province, "Jixi", null, "other", LocalDate.of(2023, 2, 1),
                "78", 3), QuarterlyReportTest.T1));
        assertTrue(CompletableFuture.supplyAsync(lines::next).get(15, TimeUnit.SECONDS).contains("\"contractValue\":78"));

        Place place = new Place(new Place.Part(province, ""), new Place.Part("Jixi", ""), Place.Part.NONE);
        List<String> notices = RowNotices.encode(List.of(new ReadModel.RowKey(2023 * 4, new Facts.Group(place, "other"))));
        Config config = ConfigProvider.getConfig();
        try (Connection other = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, RowNotices.CHANNEL);
            notify.setString(2, notices.get(0));
            notify.execute();
        }
        String again = CompletableFuture.supplyAsync(lines::next).get(15, TimeUnit.SECONDS);
        assertTrue(again.contains("\"contractValue\":78"), again);
    }

    @Test
    void shouldEndAStreamWhenItsTokenExpires() throws Exception {
        String shortLived = DevTokens.sign("analyst-leaving", List.of("analyst"), Duration.ofSeconds(3), DevTokens.ISSUER);
        HttpResponse<Stream<String>> response = open(shortLived);
        assertEquals(200, response.statusCode());
        CompletableFuture<Long> ended = CompletableFuture.supplyAsync(() -> response.body().count());
        // the lines end when the server ends the stream: soon after the token's expiry, not never
        assertTrue(ended.get(60, TimeUnit.SECONDS) >= 0);
    }

    @Test
    void shouldSendAHeartbeatCommentOnAQuietStream() throws Exception {
        HttpResponse<Stream<String>> response = open(DevTokens.token("analyst-quiet", "analyst"));
        try (Stream<String> lines = response.body()) {
            CompletableFuture<String> comment = CompletableFuture.supplyAsync(() -> lines.filter(l -> l.startsWith(":"))
                    .findFirst().orElse(""));
            assertEquals(":heartbeat", comment.get(30, TimeUnit.SECONDS).strip());
        }
    }

    @Test
    void shouldRefuseWithA429AStreamBeyondAPersonsShare() throws Exception {
        String token = DevTokens.token("analyst-many-tabs", "analyst");
        List<Stream<String>> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<Stream<String>> r = open(token);
                assertEquals(200, r.statusCode());
                open.add(r.body());
            }
            HttpResponse<String> fourth = HttpClient.newHttpClient().send(request(token), HttpResponse.BodyHandlers.ofString());
            assertEquals(429, fourth.statusCode(), fourth.body());
            assertTrue(fourth.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(fourth.body().contains("\"status\":429"), fourth.body());

            HttpResponse<Stream<String>> another = open(DevTokens.token("analyst-next-desk", "analyst"));
            assertEquals(200, another.statusCode(), "another person's share is their own");
            another.body().close();

            open.remove(0).close();
            // the server learns of the closed connection and frees its place
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                HttpResponse<Stream<String>> again = open(token);
                again.body().close();
                return again.statusCode() == 200;
            });
        } finally {
            open.forEach(Stream::close);
        }
    }

    private HttpRequest request(String token) {
        return HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
    }

    private HttpResponse<Stream<String>> open(String token) throws Exception {
        return HttpClient.newHttpClient().send(request(token), HttpResponse.BodyHandlers.ofLines());
    }

    @Test
    void shouldRefuseTheStreamWithoutAToken() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(401, response.statusCode());
    }
}
