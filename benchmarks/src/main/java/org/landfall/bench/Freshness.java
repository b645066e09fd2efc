package org.landfall.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * Open-loop writes at a fixed rate, each a contract in a city of its own; reporting's live stream announces the
 * new row of that city once the quarterly report shows it. Freshness is the time from the write's acceptance
 * (its 201) to that announcement, so it covers the outbox, Kafka, the consumer and the read model.
 */
final class Freshness {

    record Result(int rate, long sent, long accepted, long seen, Histogram millis) {
    }

    private static final Pattern CITY = Pattern.compile("\"city\":\"(BenchCity-[^\"]+)\"");

    static Result run(Http http, int rate, long seconds) throws Exception {
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        HttpRequest stream = HttpRequest.newBuilder(URI.create(Http.REPORTING + "/api/reports/stream"))
                .header("Authorization", "Bearer " + http.analyst).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Void>> sse = http.client.sendAsync(stream, HttpResponse.BodyHandlers.ofLines())
                .thenApply(r -> {
                    r.body().forEach(line -> {
                        Matcher m = CITY.matcher(line);
                        if (m.find()) {
                            seenAt.putIfAbsent(m.group(1), System.nanoTime());
                        }
                    });
                    return null;
                });
        Thread.sleep(1_000); // the subscription is open before the first write

        AtomicLong sent = new AtomicLong();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long total = rate * seconds;
        pacer.scheduleAtFixedRate(() -> {
            if (sent.get() >= total) {
                return;
            }
            sent.incrementAndGet();
            Http.Contract c = http.nextContract();
            http.client.sendAsync(c.request(), HttpResponse.BodyHandlers.discarding()).thenAccept(r -> {
                if (r.statusCode() == 201) {
                    acceptedAt.put(c.city(), System.nanoTime());
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        pacer.shutdown();
        // Stragglers: give the pipeline time to show every accepted write.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !seenAt.keySet().containsAll(acceptedAt.keySet())) {
            Thread.sleep(100);
        }
        sse.cancel(true);

        Histogram millis = new Histogram(3);
        acceptedAt.forEach((city, accepted) -> {
            Long seen = seenAt.get(city);
            if (seen != null) {
                millis.recordValue(Math.max(0, (seen - accepted) / 1_000_000));
            }
        });
        return new Result(rate, sent.get(), acceptedAt.size(), millis.getTotalCount(), millis);
    }
}
