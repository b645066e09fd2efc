package org.landfall.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.landfall.infra.DevTokens;

/** The services as a client sees them: one HTTP client, development tokens, unique contracts. */
final class Http {

    static final String INTAKE = "http://127.0.0.1:8081";
    static final String STATUS = "http://127.0.0.1:8082";
    static final String REPORTING = "http://127.0.0.1:8083";
    /** The province of the benchmark's own contracts: apart from the synthetic log's 31. */
    static final String PROVINCE = "Benchmark";

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String officer = DevTokens.token("bench-officer", "intake-officer");
    final String analyst = DevTokens.token("bench-analyst", "analyst");
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sequence = new AtomicLong();
    final LocalDate signedOn = LocalDate.now(Benchmark.ZONE).minusDays(1);

    /**
     * A new contract no earlier request named: its city (in a province of the benchmark's own) is unique, so it makes
     * a report row of its own. Signed yesterday, as new contracts are: it then counts in one quarter, and its
     * project in that quarter's pipeline only, so reporting announces exactly one changed row for it.
     */
    Contract nextContract() {
        long n = sequence.incrementAndGet();
        String city = "BenchCity-" + run + "-" + n;
        String body = """
                {"name": "Benchmark project %d", "investor": "Benchmark Investor %s Co., Ltd.", "province": "%s",
                 "city": "%s", "district": "Bench District", "sector": "equipment-manufacturing", "signedOn": "%s",
                 "contractValue": 125000000.50, "plannedJobs": 40}
                """.formatted(n, run, PROVINCE, city, signedOn);
        return new Contract(city, HttpRequest.newBuilder(URI.create(INTAKE + "/api/projects"))
                .header("Authorization", "Bearer " + officer).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    record Contract(String city, HttpRequest request) {
    }

    HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    boolean ready(String service) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(service + "/q/health/ready")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The sum of every sample of a Prometheus counter or gauge on {@code service}'s /q/metrics, which the management
     * interface serves, at the service's port + 10000 in the local run.
     */
    double metric(String service, String name) throws IOException, InterruptedException {
        return metrics(service, name).get(name);
    }

    /** {@link #metric} of several names from one scrape, by name. */
    Map<String, Double> metrics(String service, String... names) throws IOException, InterruptedException {
        URI address = URI.create(service);
        URI metrics = URI.create("http://" + address.getHost() + ":" + (address.getPort() + 10000) + "/q/metrics");
        String body = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> sums = new HashMap<>();
        for (String name : names) {
            sums.put(name, 0.0);
        }
        for (String line : body.split("\n")) {
            for (String name : names) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    sums.merge(name, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
                }
            }
        }
        return sums;
    }
}
