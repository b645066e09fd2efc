package org.landfall.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.landfall.events.Topics;

/**
 * How many events status and reporting have yet to apply: those published to the topics they read, or still waiting
 * in the outbox of the service that publishes them, since a moment when both had applied everything, less what each
 * has applied since ({@code landfall_events_consumed_total}, counted once a batch has committed). Not the consumer
 * groups' committed offsets: the consumers commit them every 5 s, up to 10 s after the events are applied.
 */
final class ConsumerLag {

    static final String CONSUMED = "landfall_events_consumed_total";
    static final String BACKLOG = "landfall_outbox_backlog";
    static final double POLL_SECONDS = 0.1;

    /**
     * One look at the stack: events in each topic (end offsets summed), in intake's and status's outboxes, and applied
     * by status and by reporting.
     */
    record Sample(long projects, long updates, double intakeOutbox, double statusOutbox, double statusConsumed,
                  double reportingConsumed) {
    }

    /** Seconds from the step's end until each group's lag was 0, and its lag at the end; NaN if not within the limit. */
    record Result(Map<String, Double> seconds, Map<String, Long> atEnd) {
    }

    private ConsumerLag() {
    }

    /** The events {@code group} (project-status or reporting) has not applied at {@code now}, counted from {@code base}. */
    static long pending(String group, Sample base, Sample now) {
        double published = now.projects() - base.projects() + now.intakeOutbox() - base.intakeOutbox();
        double applied;
        if (group.equals("reporting")) {
            published += now.updates() - base.updates() + now.statusOutbox() - base.statusOutbox();
            applied = now.reportingConsumed() - base.reportingConsumed();
        } else {
            applied = now.statusConsumed() - base.statusConsumed();
        }
        return Math.max(0, Math.round(published - applied));
    }

    static Sample sample(Http http, KafkaLog log) throws Exception {
        long projects = 0;
        long updates = 0;
        for (Map.Entry<TopicPartition, Long> end : log.ends().entrySet()) {
            if (end.getKey().topic().equals(Topics.PROJECTS)) {
                projects += end.getValue();
            } else {
                updates += end.getValue();
            }
        }
        Map<String, Double> status = http.metrics(Http.STATUS, BACKLOG, CONSUMED);
        return new Sample(projects, updates, http.metric(Http.INTAKE, BACKLOG), status.get(BACKLOG), status.get(CONSUMED),
                http.metric(Http.REPORTING, CONSUMED));
    }

    /** Polls from the step's end ({@code endNanos}) until neither group lags, for at most {@code maxSeconds}. */
    static Result afterStep(Http http, KafkaLog log, Sample base, long endNanos, double maxSeconds) throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Long> atEnd = new LinkedHashMap<>();
        while (seconds.size() < Goals.CONSUMERS.size()) {
            Sample now = sample(http, log);
            double elapsed = (System.nanoTime() - endNanos) / 1e9;
            for (String group : Goals.CONSUMERS) {
                long pending = pending(group, base, now);
                atEnd.putIfAbsent(group, pending);
                if (pending == 0) {
                    seconds.putIfAbsent(group, elapsed);
                }
            }
            if (elapsed > maxSeconds) {
                Goals.CONSUMERS.forEach(group -> seconds.putIfAbsent(group, Double.NaN));
                break;
            }
            Thread.sleep((long) (POLL_SECONDS * 1000));
        }
        return new Result(seconds, atEnd);
    }
}
