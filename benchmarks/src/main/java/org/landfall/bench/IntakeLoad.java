package org.landfall.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Closed-loop load: {@code concurrency} clients each POST a contract, wait for the answer, and POST again. */
final class IntakeLoad {

    record Result(int concurrency, long accepted, long failed, double perSecond, Histogram latencyMicros) {
    }

    static Result run(Http http, int concurrency, long seconds) throws Exception {
        return run(http, concurrency, seconds, List.of(Http.INTAKE));
    }

    /** As above, client i posting to {@code intakes[i % n]}: the instances of intake (Replicas). */
    static Result run(Http http, int concurrency, long seconds, List<String> intakes) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            URI intake = URI.create(intakes.get(i % intakes.size()) + "/api/projects");
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpRequest contract = HttpRequest.newBuilder(http.nextContract().request(), (name, value) -> true)
                                .uri(intake).build();
                        HttpResponse<Void> r = http.client.send(contract, HttpResponse.BodyHandlers.discarding());
                        recorder.recordValue((System.nanoTime() - t0) / 1_000);
                        (r.statusCode() == 201 ? accepted : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> c : clients) {
            c.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(concurrency, accepted.get(), failed.get(), accepted.get() / elapsed,
                recorder.getIntervalHistogram());
    }
}
