package org.landfall.platform.messaging;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.landfall.events.Topics;

/**
 * Makes the event counters exist at 0 from startup: Prometheus shows a counter only once it has been touched, so
 * an alert on {@code landfall_dead_letters_total} would otherwise stay silent through the first incident. The
 * counters are those {@link OutboxRelay}, {@link EventBatches} and {@link DeadLetters} increment, with the same
 * names and tags: every type of event of each topic this service consumes (duplicate or not), and each such topic's
 * dead letters; with an outbox, every type of event of the other topics (each topic has one producing service, which
 * does not consume it).
 */
@ApplicationScoped
public class EventCounters {

    public static final String PUBLISHED = "landfall.events.published";
    public static final String CONSUMED = "landfall.events.consumed";
    public static final String DEAD_LETTERS = "landfall.dead.letters";

    @Inject
    MeterRegistry metrics;

    @Inject
    Config config;

    void onStart(@Observes StartupEvent event) {
        Collection<String> consumed = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".topic")) {
                consumed.add(config.getValue(name, String.class));
            }
        }
        startAtZero(metrics, consumed, config.getValue("quarkus.application.name", String.class));
    }

    /** Registers the counters of {@code application}, which consumes {@code consumed} and publishes its own topics. */
    static void startAtZero(MeterRegistry metrics, Collection<String> consumed, String application) {
        for (Topics.Spec topic : Topics.ALL) {
            List<String> types = Topics.eventTypes(topic.name());
            if (consumed.contains(topic.name())) {
                metrics.counter(DEAD_LETTERS, "topic", topic.name());
                for (String type : types) {
                    metrics.counter(CONSUMED, "type", type, "duplicate", "false");
                    metrics.counter(CONSUMED, "type", type, "duplicate", "true");
                }
            } else if (application.equals(topic.producer())) {
                types.forEach(type -> metrics.counter(PUBLISHED, "type", type));
            }
        }
    }
}
