package org.landfall.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.landfall.events.Topics;

/** What /q/metrics shows of the event counters on a fresh service, before its first event. */
class EventCountersTest {

    private static List<String> countersAtStart(Set<String> consumed, String application) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        EventCounters.startAtZero(registry, consumed, application);
        // This registry writes the text format of Prometheus's simpleclient, with a comma after the last label.
        return registry.scrape().lines().filter(l -> l.startsWith("landfall_")).map(l -> l.replace(",}", "}")).sorted().toList();
    }

    @Test
    void shouldShowEveryCounterOfIntakeAtZeroBeforeTheFirstEvent() {
        assertEquals(List.of(
                "landfall_dead_letters_total{topic=\"landfall.project-updates\"} 0.0",
                "landfall_events_consumed_total{duplicate=\"false\",type=\"project.update-recorded\"} 0.0",
                "landfall_events_consumed_total{duplicate=\"true\",type=\"project.update-recorded\"} 0.0",
                "landfall_events_published_total{type=\"project.corrected\"} 0.0",
                "landfall_events_published_total{type=\"project.plan-set\"} 0.0",
                "landfall_events_published_total{type=\"project.signed\"} 0.0",
                "landfall_events_published_total{type=\"target.set\"} 0.0"),
                countersAtStart(Set.of(Topics.PROJECT_UPDATES), "project-intake"));
    }

    @Test
    void shouldShowStatusPublishingItsUpdatesOnly() {
        assertEquals(List.of("landfall_events_published_total{type=\"project.update-recorded\"} 0.0"),
                countersAtStart(Set.of(Topics.PROJECTS), "project-status").stream()
                        .filter(l -> l.startsWith("landfall_events_published")).toList());
    }

    @Test
    void shouldShowNoPublishedCounterForAServiceThatPublishesNothing() {
        List<String> reporting = countersAtStart(Set.of(Topics.PROJECTS, Topics.PROJECT_UPDATES, Topics.PLANS), "reporting");
        assertEquals(3, reporting.stream().filter(l -> l.startsWith("landfall_dead_letters_total{")).count());
        assertEquals(10, reporting.stream().filter(l -> l.startsWith("landfall_events_consumed_total{")).count());
        assertEquals(List.of(), reporting.stream().filter(l -> !l.endsWith(" 0.0")).toList());
        assertEquals(List.of(), reporting.stream().filter(l -> l.startsWith("landfall_events_published")).toList());
    }
}
