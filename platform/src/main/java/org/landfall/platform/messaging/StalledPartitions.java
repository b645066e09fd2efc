package org.landfall.platform.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The partitions a consumer cannot get past because applying a valid event keeps failing (decision 18): the gauge
 * {@code landfall_consumer_stalled{topic,partition}} is 1 for them (0 once a partition has been seen and moves),
 * and readiness is DOWN, naming the event, until it is applied.
 */
@Readiness
@ApplicationScoped
public class StalledPartitions implements HealthCheck {

    @Inject
    MeterRegistry metrics;

    private final Map<TopicPartition, AtomicInteger> gauges = new ConcurrentHashMap<>();
    private final Map<TopicPartition, String> stalled = new ConcurrentHashMap<>();

    /** Makes the partition's gauge exist (at 0) from its first record, so an alert on it works before an incident. */
    void seen(TopicPartition partition) {
        gauge(partition);
    }

    void stalled(TopicPartition partition, String at) {
        stalled.put(partition, at);
        gauge(partition).set(1);
    }

    void moving(TopicPartition partition) {
        stalled.remove(partition);
        gauge(partition).set(0);
    }

    private AtomicInteger gauge(TopicPartition partition) {
        return gauges.computeIfAbsent(partition, p -> metrics.gauge("landfall.consumer.stalled",
                Tags.of("topic", p.topic(), "partition", String.valueOf(p.partition())), new AtomicInteger()));
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("consumer").status(stalled.isEmpty());
        stalled.forEach((partition, at) -> response.withData(partition.toString(), at));
        return response.build();
    }
}
