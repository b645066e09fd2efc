package org.landfall.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * One service as the loader calls it, with a token of one role. HTTP/1.1, one request at a time: the JDK client
 * otherwise upgrades to HTTP/2, and a GOAWAY from the server then failed the requests in flight (issue 17).
 * Requests are retried as {@link Retrying} says; once one gave up, the service is taken for gone and the rest of
 * the load is not tried against it, so a load with a service away ends in bounded time and says what it left out.
 */
final class Api {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    final String name;
    private final String base;
    private final String token;
    private final HttpClient http;
    private final Retrying retrying;
    private String gone;

    Api(String name, String base, String token, HttpClient http, Retrying retrying) {
        this.name = name;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.http = http;
        this.retrying = retrying;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Retrying.Reply get(String path) throws Retrying.GaveUp, InterruptedException {
        return call("GET " + path, () -> exchange(request(path).GET().build()), () -> false).orElseThrow();
    }

    /** A POST that the service makes idempotent itself (an {@code Idempotency-Key}): sent again as it is. */
    Retrying.Reply post(String path, String json, String idempotencyKey) throws Retrying.GaveUp, InterruptedException {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return call("POST " + path, () -> exchange(request), () -> false).orElseThrow();
    }

    /** A PUT, which sets the same state however often it is sent: sent again as it is. */
    Retrying.Reply put(String path, String json) throws Retrying.GaveUp, InterruptedException {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        return call("PUT " + path, () -> exchange(request), () -> false).orElseThrow();
    }

    /** A POST that must not take effect twice: sent again only while {@code check} finds that it did not. */
    Optional<Retrying.Reply> post(String path, String json, Retrying.Check check) throws Retrying.GaveUp, InterruptedException {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return call("POST " + path, () -> exchange(request), check);
    }

    /** One GET without retries, for a {@link Retrying.Check}: anything but a 200 is an {@link IOException}. */
    String getOnce(String path) throws IOException, InterruptedException {
        Retrying.Reply reply = exchange(request(path).GET().build());
        if (reply.status() != 200) {
            throw new IOException("GET " + path + " answered " + reply.status());
        }
        return reply.body();
    }

    private Optional<Retrying.Reply> call(String what, Retrying.Call call, Retrying.Check check)
            throws Retrying.GaveUp, InterruptedException {
        if (gone != null) {
            throw new Retrying.GaveUp("not tried: " + gone);
        }
        try {
            return retrying.send(name + ": " + what, call, check);
        } catch (Retrying.GaveUp e) {
            gone = name + " stopped answering (" + e.getMessage() + ")";
            throw e;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token);
    }

    private Retrying.Reply exchange(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Retrying.Reply(r.statusCode(), r.body(), r.headers());
    }
}
