package org.landfall.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

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

    @Test
    void shouldRefuseTheStreamWithoutAToken() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(401, response.statusCode());
    }
}
