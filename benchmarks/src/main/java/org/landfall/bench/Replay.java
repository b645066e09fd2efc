package org.landfall.bench;

import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * Reporting rebuilding its read model from the log, watched from outside every half second: its readiness, its own
 * count of applied events ({@code landfall_events_consumed_total}, counted once each batch has committed) and its
 * consumer group's committed offsets against the log's end offsets. The rebuild is done when it has applied as many
 * events as the log holds; the committed offsets confirm it (the consumers commit what they applied every 5 s, so they follow within about 10 s).
 * A time limit stops the watch: the figures then say how far it got.
 */
final class Replay {

    static final String GROUP = "reporting";

    record Result(long events, long applied, boolean complete, double readySeconds, double seconds, double offsetsSeconds,
                  long maxRssMb) {

        /** Events per second once reporting was up, the start excluded. */
        double perSecond() {
            return applied / (seconds - readySeconds);
        }

        double perSecondWithStart() {
            return applied / seconds;
        }
    }

    private Replay() {
    }

    static Result watch(KafkaLog log, Http http, Path pidFile, long startedAtMillis, double maxSeconds) throws Exception {
        Map<TopicPartition, Long> ends = log.ends();
        long events = KafkaLog.sum(ends);
        Benchmark.say("replay: %d events in the log, watching reporting for at most %.0f s", events, maxSeconds);
        Double ready = null;
        Double applied = null;
        long consumed = 0;
        long committed = 0;
        long maxRss = 0;
        double lastSay = 0;
        while (true) {
            double elapsed = (System.currentTimeMillis() - startedAtMillis) / 1000.0;
            if (ready == null && http.ready(Http.REPORTING)) {
                ready = elapsed;
                Benchmark.say("replay: reporting ready after %.1f s", elapsed);
            }
            if (ready != null) {
                consumed = (long) http.metric(Http.REPORTING, "landfall_events_consumed_total");
            }
            committed = log.committed(GROUP, ends);
            maxRss = Math.max(maxRss, Benchmark.rssMb(pidFile));
            if (applied == null && consumed >= events) {
                applied = elapsed;
            }
            if (committed >= events) {
                return new Result(events, events, true, ready, applied == null ? elapsed : applied, elapsed, maxRss);
            }
            if (elapsed >= maxSeconds) {
                // not the committed offsets: until it commits a partition the group holds the offset its previous
                // instance committed there, before the read model was dropped
                Benchmark.say("replay: time limit of %.0f s reached with %d of %d events applied", maxSeconds, consumed,
                        events);
                return new Result(events, applied == null ? consumed : events, applied != null,
                        ready == null ? elapsed : ready, applied == null ? elapsed : applied, Double.NaN, maxRss);
            }
            if (elapsed - lastSay >= 15) {
                lastSay = elapsed;
                Benchmark.say("replay: %.0f s, %d events applied, %d committed", elapsed, consumed, committed);
            }
            Thread.sleep(ready == null ? 100 : 500);
        }
    }
}
