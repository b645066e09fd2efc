package org.landfall.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

/**
 * Open-loop writes at a fixed rate, each a contract in a city of its own; reporting's live stream announces the
 * new row of that city once the quarterly report shows it. Freshness is the time from the write's acceptance
 * (its 201) to that announcement, so it covers the outbox, Kafka, the consumer and the read model. The stream is
 * opened again whenever reporting ends it (announcements made meanwhile are lost, and counted as not seen); at the
 * end one report query says how many of the writes the report shows, announced or not.
 */
final class Freshness {

    record Result(int rate, long sent, long accepted, long seen, long inReport, int streamBreaks, Histogram millis) {
    }

    private static final Pattern CITY = Pattern.compile("\"city\":\"(BenchCity-[^\"]+)\"");

    static Result run(Http http, int rate, long seconds) throws Exception {
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        Stream stream = new Stream(http);
        stream.open();
        if (!stream.opened.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("reporting's live stream did not open");
        }
        Thread.sleep(1_000); // the subscription is in place before the first write

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
        // Stragglers: give the pipeline time to show every accepted write, unless the quarterly report shows them all
        // and the stream has been silent for 3 s: then what the stream did not announce was lost, not late. The
        // report, not the consumers' offsets, says whether a write arrived: a write's event can still be on its way
        // (in the outbox, in the relay's batch) when the offsets say there is nothing left to consume.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("bench.freshness.grace-seconds", 30));
        int announced = -1;
        long silentSince = System.nanoTime();
        Set<String> inReport = Set.of();
        while (System.nanoTime() < deadline && !stream.seenAt.keySet().containsAll(acceptedAt.keySet())) {
            if (stream.seenAt.size() != announced) {
                announced = stream.seenAt.size();
                silentSince = System.nanoTime();
            } else if (System.nanoTime() - silentSince > TimeUnit.SECONDS.toNanos(3)
                    && (inReport = citiesInReport(http)).containsAll(acceptedAt.keySet())) {
                break;
            }
            Thread.sleep(500);
        }
        stream.close();

        Histogram millis = new Histogram(3);
        acceptedAt.forEach((city, accepted) -> {
            Long seen = stream.seenAt.get(city);
            if (seen != null) {
                millis.recordValue(Math.max(0, (seen - accepted) / 1_000_000));
            }
        });
        inReport = citiesInReport(http);
        inReport.retainAll(acceptedAt.keySet());
        return new Result(rate, sent.get(), acceptedAt.size(), millis.getTotalCount(), inReport.size(),
                stream.breaks.get(), millis);
    }

    /** The benchmark's cities in the quarterly report of the quarter its contracts are signed in. */
    private static Set<String> citiesInReport(Http http) throws Exception {
        String quarter = http.signedOn.getYear() + "-Q" + ((http.signedOn.getMonthValue() - 1) / 3 + 1);
        HttpResponse<String> r = http.get(Http.REPORTING + "/api/reports/quarterly?from=" + quarter + "&to=" + quarter
                + "&groupBy=city&province=" + URLEncoder.encode(Http.PROVINCE, StandardCharsets.UTF_8), http.analyst);
        Set<String> cities = new HashSet<>();
        for (JsonNode row : new ObjectMapper().readTree(r.body()).get("rows")) {
            cities.add(row.get("group").get("city").asText());
        }
        return cities;
    }

    /** Reporting's live stream, read line by line; opened again each time it ends while the run goes on. */
    private static final class Stream {

        final Map<String, Long> seenAt = new ConcurrentHashMap<>();
        final AtomicInteger breaks = new AtomicInteger();
        final CountDownLatch opened = new CountDownLatch(1);
        private final Http http;
        private final HttpRequest request;
        private volatile boolean closed;
        private volatile Flow.Subscription subscription;

        Stream(Http http) {
            this.http = http;
            this.request = HttpRequest.newBuilder(URI.create(Http.REPORTING + "/api/reports/stream"))
                    .header("Authorization", "Bearer " + http.analyst).header("Accept", "text/event-stream").build();
        }

        void open() {
            AtomicBoolean ended = new AtomicBoolean(); // one reopening per attempt, however it ends
            Runnable end = () -> {
                if (ended.compareAndSet(false, true) && !closed) {
                    breaks.incrementAndGet();
                    CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(this::open);
                }
            };
            http.client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    subscription = s;
                    s.request(Long.MAX_VALUE);
                    opened.countDown();
                }

                @Override
                public void onNext(String line) {
                    Matcher m = CITY.matcher(line);
                    if (m.find()) {
                        seenAt.putIfAbsent(m.group(1), System.nanoTime());
                    }
                }

                @Override
                public void onError(Throwable t) {
                    end.run();
                }

                @Override
                public void onComplete() {
                    end.run();
                }
            })).whenComplete((r, t) -> end.run());
        }

        void close() {
            closed = true;
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
