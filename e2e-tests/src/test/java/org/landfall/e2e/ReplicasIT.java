package org.landfall.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DevTokens;
import org.landfall.reliability.Reconcile;

/**
 * Two instances of each packaged service on one broker and one PostgreSQL (as {@code ./landfall up --replicas 2}),
 * each pair in one consumer group, under a steady load sent to both. Each reporting instance's live stream carries
 * the rows of every signing, whichever instance consumed it. Then one instance of each service is killed with
 * {@code kill -9} under load, the load goes on against the others, and in the end the reports reconcile with the
 * upstream tables to 0 differences, every acknowledged signing counts once, and intake's codes are unique.
 */
class ReplicasIT {

    static final Path ROOT = Paths.get(System.getProperty("landfall.root", "..")).toAbsolutePath().normalize();
    static final Duration READY = ServiceProcess.START_BOUND;
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A killed consumer's partitions go to the others when its session expires: 10 s here instead of Kafka's 45 s
     * (a setting a deployment may choose too), so that the test waits less.
     */
    static final Map<String, String> QUICK_TAKEOVER = Map.of("LANDFALL_KAFKA_SESSION_TIMEOUT_MS", "10000");

    static OwnStack stack;
    static final List<ServiceProcess> all = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stopEverything() throws Exception {
        for (ServiceProcess s : all) {
            s.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldStreamEveryChangeFromEitherInstanceAndLoseNothingWhenOneOfEachIsKilled() throws Exception {
        stack = new OwnStack(ROOT.resolve("e2e-tests/target/replicas-" + System.currentTimeMillis()), "replicas");
        // The first instances, then the second ones: six JVMs starting at once on two cores took 3 minutes each.
        List<ServiceProcess> intake = first("project-intake", stack.intakeDb);
        List<ServiceProcess> status = first("project-status", stack.statusDb);
        List<ServiceProcess> reporting = first("reporting", stack.reportingDb);
        awaitReady();
        for (List<ServiceProcess> service : List.of(intake, status, reporting)) {
            ServiceProcess second = service.get(0).another();
            all.add(second);
            service.add(second);
        }
        awaitReady();
        // Both instances of each service share their group's partitions.
        awaitBothInstancesConsume(intake.get(0).consumerGroup, 1);
        awaitBothInstancesConsume(status.get(0).consumerGroup, 1);
        awaitBothInstancesConsume(reporting.get(0).consumerGroup, 3);

        List<Stream<String>> streams = new ArrayList<>();
        List<Set<String>> seen = new ArrayList<>();
        for (ServiceProcess r : reporting) {
            Set<String> rows = ConcurrentHashMap.newKeySet();
            streams.add(follow(r, rows));
            seen.add(rows);
        }

        CampaignLoad load = new CampaignLoad(either(intake), either(status));
        load.start(3, 23L);
        awaitSignings(load, 20);

        // Each stream carries the rows of the signings either instance consumed.
        Set<String> signedSoFar = signedRows(load);
        for (int i = 0; i < reporting.size(); i++) {
            Set<String> rows = seen.get(i);
            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500))
                    .until(() -> rows.containsAll(signedSoFar));
        }

        // One instance of each killed under load; the load goes on against the others.
        intake.remove(0).kill();
        status.remove(0).kill();
        reporting.remove(0).kill();
        awaitSignings(load, load.contractsAcked.get() + 20);
        load.stopAndSettle(Duration.ofSeconds(180));
        assertEquals(Set.of(), load.refused, "writes that follow every rule are never refused");
        // A killed member's partitions move to the other once its session expires.
        stack.awaitQuiet(status.get(0).consumerGroup, reporting.get(0).consumerGroup, Duration.ofSeconds(300));

        Reconcile.Result result = stack.reconcile(reporting.get(0));
        assertEquals(List.of(), result.differences(), result.summary());

        Set<UUID> acked = load.projects.stream().filter(p -> p.id != null).map(p -> p.id).collect(Collectors.toSet());
        assertEquals(acked, stack.ids(stack.intakeDb, "select id from project"), "each acknowledged signing once upstream");
        assertEquals(acked, stack.ids(stack.reportingDb, "select distinct project_id from project_fact"),
                "each acknowledged signing in reporting's facts");
        assertEquals(0, stack.count(stack.reportingDb, "select count(*) from (select project_id from contribution "
                + "where valid_to is null group by project_id having sum(signed_count) <> 1) as wrong"), "signed once each");
        assertEquals(0, stack.count(stack.intakeDb, "select count(*) - count(distinct code) from project"), "codes unique");

        // The survivor's stream carried every signing, those consumed before and after the kill alike.
        Set<String> signed = signedRows(load);
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).until(() -> seen.get(1).containsAll(signed));
        streams.forEach(Stream::close);
    }

    /** The first instance of {@code module}, in a list its other instances join. */
    private static List<ServiceProcess> first(String module, String database) throws IOException {
        ServiceProcess first = ServiceProcess.start(module, database, stack.infra, QUICK_TAKEOVER);
        all.add(first);
        return new CopyOnWriteArrayList<>(List.of(first));
    }

    private static void awaitReady() throws Exception {
        for (ServiceProcess s : all) {
            s.awaitReady(READY);
        }
    }

    /** Until the load has had {@code count} signings acknowledged in all (a busy machine answers slowly). */
    private static void awaitSignings(CampaignLoad load, long count) {
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250)).until(() -> load.contractsAcked.get() >= count);
    }

    /** The instances in turn: a write to one that was killed gets no answer, and the load sends it again. */
    private static Supplier<ServiceProcess> either(List<ServiceProcess> instances) {
        AtomicInteger next = new AtomicInteger();
        return () -> {
            List<ServiceProcess> now = List.copyOf(instances);
            return now.get(Math.floorMod(next.getAndIncrement(), now.size()));
        };
    }

    /**
     * Waits until the group has the consumers of both instances ({@code channels} each: one a topic) and every one
     * owns partitions of its topic (six each: three an instance).
     */
    private static void awaitBothInstancesConsume(String group, int channels) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            try (var admin = stack.admin()) {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all()
                        .get(10, TimeUnit.SECONDS).get(group);
                return d.members().size() == 2 * channels
                        && d.members().stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty());
            }
        });
    }

    /** Follows a reporting instance's stream in the background, adding the key of each row it sends to {@code rows}. */
    private static Stream<String> follow(ServiceProcess reporting, Set<String> rows) throws Exception {
        HttpResponse<Stream<String>> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(reporting.url("/api/reports/stream")))
                        .header("Authorization", "Bearer " + DevTokens.token("replicas-analyst-" + reporting.port, "analyst"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        Stream<String> lines = r.body();
        Thread t = new Thread(() -> {
            try {
                lines.filter(l -> l.startsWith("data:")).forEach(l -> rows.add(key(read(l.substring(5)))));
            } catch (UncheckedIOException closed) {
                // the instance was killed, or the test closed the stream
            }
        }, "stream-" + reporting.port);
        t.setDaemon(true);
        t.start();
        return lines;
    }

    /** The finest row a stream event is of, as {@link #signedRows} names it. */
    private static String key(JsonNode row) {
        JsonNode g = row.path("group");
        return String.join("|", row.path("quarter").asText(), g.path("province").asText(), g.path("city").asText(),
                g.path("district").isNull() ? "" : g.path("district").asText(), g.path("sector").asText());
    }

    /** The finest rows (quarter and place and sector signed in) of the signings acknowledged so far. */
    private static Set<String> signedRows(CampaignLoad load) {
        return List.copyOf(load.projects).stream().filter(p -> p.id != null)
                .map(p -> String.join("|", p.signedOn.getYear() + "-Q" + ((p.signedOn.getMonthValue() - 1) / 3 + 1),
                        p.province, p.city, p.district == null ? "" : p.district, p.sector))
                .collect(Collectors.toSet());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
