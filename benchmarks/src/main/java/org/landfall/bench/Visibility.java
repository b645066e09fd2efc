package org.landfall.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

/**
 * What an inspector or an analyst sees right after an officer saved a contract: the time from intake's 201 to
 * project-status answering 200 for the project, and to the quarterly report counting it (its city is unique, so
 * its row is its own). Open loop at a fixed rate; every {@code probeEvery}-th contract is watched by polling both
 * services every {@link #POLL_MS} ms (the others only make the load), so the figures are exact to that step.
 * Runs against the stack of {@code ./landfall up}: {@code ./landfall visibility}.
 */
final class Visibility {

    static final long POLL_MS = 5;
    private static final long GIVE_UP_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Per watched contract in the order written, -1 where not seen: status, report. */
    record Result(int contracts, double rate, long refused, Map<String, Long> reasons, List<long[]> lags, Histogram status, Histogram report, long missed) {
    }

    private record Probe(Future<Long> status, Future<Long> report) {
    }

    static Result run(Http http, int contracts, double rate, int probeEvery) throws Exception {
        ExecutorService pollers = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "visibility-poller");
            t.setDaemon(true);
            return t;
        });
        List<Future<Probe>> probes = new ArrayList<>();
        List<Future<?>> unwatched = new ArrayList<>();
        AtomicLong refused = new AtomicLong();
        Map<String, Long> reasons = new ConcurrentHashMap<>();
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < contracts; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Http.Contract c = http.nextContract();
            boolean probe = i % probeEvery == 0;
            var answer = http.client.sendAsync(c.request(), HttpResponse.BodyHandlers.ofString())
                    .handle((r, failure) -> {
                        if (r == null || r.statusCode() != 201) {
                            refused.incrementAndGet();
                            reasons.merge(r == null ? String.valueOf(failure.getCause() == null ? failure : failure.getCause())
                                    : "HTTP " + r.statusCode(), 1L, Long::sum);
                            return null;
                        }
                        return r;
                    });
            if (probe) {
                probes.add(answer.thenApply(r -> {
                    if (r == null) {
                        return null;
                    }
                    long acceptedAt = System.nanoTime();
                    String id = field(r.body(), "id");
                    return new Probe(pollers.submit(() -> until(acceptedAt, () -> statusKnows(http, id))),
                            pollers.submit(() -> until(acceptedAt, () -> reportCounts(http, c.city()))));
                }));
            } else {
                unwatched.add(answer);
            }
        }
        Histogram status = new Histogram(3);
        Histogram report = new Histogram(3);
        long missed = 0;
        List<long[]> lags = new ArrayList<>();
        for (Future<Probe> f : probes) {
            Probe p = f.get();
            if (p == null) {
                continue;
            }
            long s = p.status().get();
            long r = p.report().get();
            lags.add(new long[] {s, r});
            if (s < 0 || r < 0) {
                missed++;
            }
            if (s >= 0) {
                status.recordValue(s);
            }
            if (r >= 0) {
                report.recordValue(r);
            }
        }
        for (Future<?> f : unwatched) {
            f.get();
        }
        pollers.shutdown();
        return new Result(contracts, rate, refused.get(), reasons, lags, status, report, missed);
    }

    private interface Check {
        boolean ok() throws IOException, InterruptedException;
    }

    /** Milliseconds from {@code since} until {@code check} holds, or -1 if it did not within the give-up time. */
    private static long until(long since, Check check) throws Exception {
        long deadline = since + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            Thread.sleep(POLL_MS);
        }
        return -1;
    }

    private static boolean statusKnows(Http http, String id) throws IOException, InterruptedException {
        return send(http, Http.STATUS + "/api/projects/" + id + "/status", http.analyst).statusCode() == 200;
    }

    private static boolean reportCounts(Http http, String city) throws IOException, InterruptedException {
        String quarter = http.signedOn.getYear() + "-Q" + ((http.signedOn.getMonthValue() - 1) / 3 + 1);
        HttpResponse<String> r = send(http, Http.REPORTING + "/api/reports/quarterly?from=" + quarter + "&to=" + quarter
                + "&province=" + Http.PROVINCE + "&city=" + URLEncoder.encode(city, StandardCharsets.UTF_8), http.analyst);
        if (r.statusCode() != 200) {
            return false;
        }
        for (JsonNode row : JSON.readTree(r.body()).get("rows")) {
            if (row.path("signed").path("count").asLong() >= 1) {
                return true;
            }
        }
        return false;
    }

    private static HttpResponse<String> send(Http http, String url, String token) throws IOException, InterruptedException {
        return http.client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).get(name).asText();
        } catch (IOException e) {
            throw new IllegalStateException("intake's answer is not JSON: " + json, e);
        }
    }

    static String summary(Result r) {
        StringBuilder each = new StringBuilder();
        if (r.lags().size() <= 50) {
            each.append(String.format("%n  each (status/report ms):"));
            r.lags().forEach(l -> each.append(' ').append(l[0]).append('/').append(l[1]));
        }
        return String.format(Locale.ROOT, "%d contracts at %s writes/s (%d not accepted%s), %d watched (%d not seen within "
                + "%d s)%n%s%n%s%s", r.contracts(), rate(r.rate()), r.refused(),
                r.reasons().isEmpty() ? "" : ": " + r.reasons(), r.lags().size(), r.missed(), GIVE_UP_SECONDS,
                line("status 200 ", r.status()), line("report count", r.report()), each);
    }

    private static String rate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private static String line(String what, Histogram h) {
        return String.format(Locale.ROOT, "  %s  p50 %5d ms  p95 %5d ms  p99 %5d ms  max %5d ms  (n=%d)", what,
                h.getValueAtPercentile(50), h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getMaxValue(),
                h.getTotalCount());
    }
}
