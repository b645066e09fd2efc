package org.landfall.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.landfall.infra.DevTokens;

/** The services as a client sees them: one HTTP client, development tokens, unique contracts. */
final class Http {

    static final String INTAKE = "http://127.0.0.1:8081";
    static final String REPORTING = "http://127.0.0.1:8083";

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String officer = DevTokens.token("bench-officer", "intake-officer");
    final String analyst = DevTokens.token("bench-analyst", "analyst");
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sequence = new AtomicLong();

    /** A new contract no earlier request named: its city is unique, so it makes a report row of its own. */
    Contract nextContract() {
        long n = sequence.incrementAndGet();
        String city = "BenchCity-" + run + "-" + n;
        String body = """
                {"name": "Benchmark project %d", "investor": "Benchmark Investor %s Co., Ltd.", "province": "Benchmark",
                 "city": "%s", "district": "Bench District", "sector": "equipment-manufacturing", "signedOn": "2025-03-14",
                 "contractValue": 125000000.50, "plannedJobs": 40}
                """.formatted(n, run, city);
        return new Contract(city, HttpRequest.newBuilder(URI.create(INTAKE + "/api/projects"))
                .header("Authorization", "Bearer " + officer).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    record Contract(String city, HttpRequest request) {
    }

    HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
