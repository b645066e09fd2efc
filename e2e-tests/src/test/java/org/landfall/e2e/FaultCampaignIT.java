package org.landfall.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.landfall.infra.DevTokens;
import org.landfall.infra.SharedInfra;
import org.landfall.reliability.Reconcile;

/**
 * The fault campaign: the three packaged services on a broker and a PostgreSQL of their own (separate processes,
 * so each can be stopped, killed and started alone), under a steady load of signings, annual plans and updates
 * (with annual targets set before it). Each service is killed with {@code kill -9} three times mid-stream and
 * started again, some while Kafka or PostgreSQL is down; the broker is killed and restarted, then stopped for a
 * while as intake and status keep accepting writes into their outboxes; PostgreSQL is stopped for more than a
 * minute and restarted; poison records are put on both topics. At the end nothing may be lost or counted twice: the client's ledger of acknowledged writes, the
 * upstream tables, reporting's facts and the reports (reconciled in full) must all agree.
 * Its figures go to {@code target/fault-campaign.txt} (docs/reliability.md quotes them).
 */
class FaultCampaignIT {

    static final Path ROOT = Paths.get(System.getProperty("landfall.root", "..")).toAbsolutePath().normalize();
    static final String TOPIC_PROJECTS = "landfall.projects", TOPIC_UPDATES = "landfall.project-updates",
            TOPIC_PLANS = "landfall.plans", TOPIC_DEAD = "landfall.dead-letter";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration READY = ServiceProcess.START_BOUND;

    static InfraProcess kafka, postgres;
    static final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    static final Map<String, Integer> faults = new LinkedHashMap<>();
    static final List<String> journal = new ArrayList<>();
    static final Map<String, Object> figures = new LinkedHashMap<>();
    static long t0;

    OwnStack stack;
    SharedInfra.Endpoints infra;

    /** The figures and the journal, also when the campaign failed half-way: they say where. */
    @AfterAll
    static void stopEverything() throws Exception {
        StringBuilder report = new StringBuilder();
        figures.forEach((k, v) -> report.append(k).append(": ").append(v).append('\n'));
        report.append("\njournal:\n");
        journal.forEach(line -> report.append(line).append('\n'));
        Files.writeString(ROOT.resolve("e2e-tests/target/fault-campaign.txt"), report);
        System.out.println(report);
        for (ServiceProcess s : services.values()) {
            s.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldLoseNothingAndCountNothingTwiceUnderFaults() throws Exception {
        t0 = System.nanoTime();
        Path state = ROOT.resolve("e2e-tests/target/fault-campaign-" + System.currentTimeMillis());
        stack = new OwnStack(state, "chaos");
        kafka = stack.kafka;
        postgres = stack.postgres;
        infra = stack.infra;
        services.put("intake", ServiceProcess.start("project-intake", "chaos_intake", infra));
        services.put("status", ServiceProcess.start("project-status", "chaos_status", infra));
        services.put("reporting", ServiceProcess.start("reporting", "chaos_reporting", infra));
        for (ServiceProcess s : services.values()) {
            s.awaitReady(READY);
        }
        log("infrastructure and services ready");

        CampaignLoad load = new CampaignLoad(() -> services.get("intake"), () -> services.get("status"));
        load.setTargets(2024, LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear(), new Random(8L));
        load.start(3, 8L);
        pause(8);

        // Round 1: each service killed mid-stream; reporting stays down a while and must catch up by itself.
        killAndRestart("intake", 0);
        pause(4);
        killAndRestart("status", 0);
        pause(4);
        killAndRestart("reporting", 10);
        pause(3);
        int poison = poison();

        // The broker dies unclean and comes back.
        pause(5);
        kafka.kill();
        fault("Kafka broker killed (kill -9) and restarted");
        awaitAll(false);
        kafka.start();
        awaitAll(true);
        log("all ready again after the broker's restart");

        // The broker is away for a while: writes go on into the outboxes; a service started meanwhile waits for it.
        pause(5);
        kafka.stop();
        load.kafkaDown = true;
        fault("Kafka broker stopped under load, then started");
        awaitAll(false);
        log("all three report not ready while Kafka is down");
        killAndStartWithoutWaiting("status");
        killAndStartWithoutWaiting("intake");
        fault("service started while Kafka was down");
        fault("service started while Kafka was down");
        pause(14);
        long backlog = stack.count("chaos_intake", "select count(*) from outbox");
        log("intake's outbox holds " + backlog + " events; accepted while Kafka is down: " + load.acceptedWhileKafkaDown.get());
        assertTrue(backlog > 0, "intake's outbox holds the events of the writes accepted while Kafka is away");
        load.kafkaDown = false;
        kafka.start();
        awaitAll(true);
        log("all ready again after Kafka came back");

        // PostgreSQL restarts; a service started while it is down waits for it.
        pause(5);
        postgres.stop();
        fault("PostgreSQL stopped (fast shutdown) for 70 s under load and restarted");
        awaitAll(false);
        log("all three report not ready while PostgreSQL is down");
        killAndStartWithoutWaiting("reporting");
        fault("service started while PostgreSQL was down");
        // Longer than a minute: consumers hold unprocessed records all that time and must not give up on them.
        pause(65);
        postgres.start();
        awaitAll(true);
        log("all ready again after PostgreSQL came back");

        // Round 3: each service killed once more.
        pause(5);
        killAndRestart("intake", 0);
        killAndRestart("status", 0);
        pause(3);
        killAndRestart("reporting", 0);
        pause(5);

        load.stopAndSettle(Duration.ofSeconds(120));
        log("load stopped: " + load.contractsAcked.get() + " signings, " + load.plansAcked.get() + " plans and "
                + load.updatesAcked.get() + " updates acknowledged");
        stack.awaitQuiet(services.get("status").consumerGroup, services.get("reporting").consumerGroup, Duration.ofSeconds(180));
        log("outboxes empty, consumers caught up");

        figures.put("writes sent (HTTP requests, retries included)", load.requests.get());
        figures.put("signings acknowledged (201)", load.contractsAcked.get());
        figures.put("updates acknowledged (201)", load.updatesAcked.get());
        figures.put("annual plans acknowledged (200)", load.plansAcked.get());
        figures.put("writes accepted while Kafka was down", load.acceptedWhileKafkaDown.get());
        figures.put("requests without an answer (connection refused or reset, timeout)", load.noAnswer.get());
        figures.put("5xx answers during faults, by status", new HashMap<>(load.serverErrors));
        figures.put("updates answered 404 before status had learnt the signing", load.notYetKnown.get());
        figures.put("unknown outcomes settled by reading the history", load.resolvedByLookup.get());
        faults.forEach((kind, n) -> figures.put("fault: " + kind, n));
        figures.put("poison records put on the topics", poison);

        assertEquals(Set.of(), load.refused, "writes that follow every rule are never refused");
        Ledger ledger = check(load);
        Reconcile.Result clean = stack.reconcile(services.get("reporting"));
        figures.put("reconcile", clean.summary());
        assertEquals(List.of(), clean.differences(), clean.summary());
        assertEquals(0, ledger.lost, "events lost");
        assertEquals(0, ledger.doubleCounted, "events double-counted");
        assertDeadLettered(poison);

        // The reconciliation is a real check: a contract value and a plan changed behind reporting's back are found,
        // in the amounts by what was planted, and in the shares those amounts enter.
        UUID planted = load.projects.stream().filter(p -> p.id != null).findFirst().orElseThrow().id;
        String plantValue = "update project set contract_value = contract_value %s 1000 where id = '" + planted + "'";
        String plantPlan = "update project_plan set planned_investment = planned_investment %s 1000 "
                + "where seq = (select max(seq) from project_plan where year <= extract(year from current_date))";
        stack.execute("chaos_intake", plantValue.formatted("+"));
        stack.execute("chaos_intake", plantPlan.formatted("+"));
        Reconcile.Result dirty = stack.reconcile(services.get("reporting"));
        figures.put("reconcile after planting a difference", dirty.summary());
        Set<String> differing = dirty.differences().stream().map(Reconcile.Difference::figure).collect(Collectors.toSet());
        assertTrue(differing.containsAll(Set.of("signed.contractValue", "ytd.signedValue", "planned.investment")),
                dirty.differences().toString());
        assertTrue(dirty.differences().stream().allMatch(FaultCampaignIT::followsFromThePlantedChanges), dirty.differences().toString());
        stack.execute("chaos_intake", plantValue.formatted("-"));
        stack.execute("chaos_intake", plantPlan.formatted("-"));

        figures.put("campaign duration (s)", (System.nanoTime() - t0) / 1_000_000_000);
    }

    /** Amounts that hold the planted 1000 differ by it; rates and shares that divide them just differ. */
    private static boolean followsFromThePlantedChanges(Reconcile.Difference d) {
        if (d.figure().endsWith("contractValue") || Set.of("ytd.signedValue", "planned.investment", "planned.started.investment")
                .contains(d.figure())) {
            return d.recomputed().subtract(d.reported()).compareTo(new BigDecimal(1000)) == 0;
        }
        return Set.of("yoy.signedValue", "targetCompletion.signedValue", "rates.investmentCompletionRate").contains(d.figure())
                && d.recomputed() != null && d.reported() != null;
    }

    /** What the client's ledger, the upstream tables and reporting's facts say about each acknowledged write. */
    record Ledger(long lost, long doubleCounted) {
    }

    private Ledger check(CampaignLoad load) throws Exception {
        Set<UUID> contracts = load.projects.stream().filter(p -> p.id != null).map(p -> p.id).collect(Collectors.toSet());
        Set<UUID> updates = load.projects.stream().flatMap(p -> p.updateIds.stream()).collect(Collectors.toSet());
        Set<UUID> intakeRows = stack.ids("chaos_intake", "select id from project");
        Set<UUID> statusRows = stack.ids("chaos_status", "select id from status_update");
        Set<UUID> reportedProjects = stack.ids("chaos_reporting", "select distinct project_id from project_fact");
        Set<UUID> reportedUpdates = stack.ids("chaos_reporting", "select update_id from update_fact");
        long lost = missing(contracts, intakeRows) + missing(updates, statusRows)
                + missing(contracts, reportedProjects) + missing(updates, reportedUpdates);
        // More rows than acknowledged writes would be writes applied twice (a retry that created a second one).
        long extra = missing(intakeRows, contracts) + missing(statusRows, updates)
                + missing(reportedProjects, contracts) + missing(reportedUpdates, updates);
        // Each project counts once as signed in the latest figures, whatever was redelivered.
        long signedTwice = stack.count("chaos_reporting", "select count(*) from (select project_id from contribution "
                + "where valid_to is null group by project_id having sum(signed_count) <> 1) as wrong");
        figures.put("acknowledged writes missing upstream or in reporting's facts (lost)", lost);
        figures.put("rows beyond the acknowledged writes, projects not counted exactly once (double-counted)", extra + signedTwice);

        // The reports, by province, against the client's own ledger: every acknowledged write shows exactly once.
        long reportDifferences = 0;
        for (String province : CampaignLoad.PROVINCES) {
            Map<String, BigDecimal> expected = expectedTotals(load, province);
            Map<String, BigDecimal> reported = reportedTotals(province);
            for (String figure : expected.keySet()) {
                if (expected.get(figure).compareTo(reported.getOrDefault(figure, BigDecimal.ZERO)) != 0) {
                    reportDifferences++;
                    log("report differs from the client's ledger: " + province + " " + figure + " expected "
                            + expected.get(figure) + ", reported " + reported.get(figure));
                }
            }
        }
        figures.put("report totals that differ from the client's ledger", reportDifferences);
        return new Ledger(lost + reportDifferences, extra + signedTwice);
    }

    private static Map<String, BigDecimal> expectedTotals(CampaignLoad load, String province) {
        Map<String, BigDecimal> t = new LinkedHashMap<>();
        for (String f : List.of("signed.count", "signed.contractValue", "signed.plannedJobs", "started.count",
                "operational.count", "suspended.count", "cancelled.count", "investmentCompleted", "jobsCreated",
                "end.SIGNED", "end.STARTED", "end.OPERATIONAL", "end.SUSPENDED", "end.CANCELLED")) {
            t.put(f, BigDecimal.ZERO);
        }
        for (CampaignLoad.Project p : load.projects) {
            if (p.id == null || !p.province.equals(province)) {
                continue;
            }
            t.merge("signed.count", BigDecimal.ONE, BigDecimal::add);
            t.merge("signed.contractValue", p.contractValue, BigDecimal::add);
            t.merge("signed.plannedJobs", BigDecimal.valueOf(p.plannedJobs), BigDecimal::add);
            Set<String> entered = new HashSet<>();
            BigDecimal investment = BigDecimal.ZERO;
            long jobs = 0;
            for (int i = 0; i < p.acked; i++) {
                CampaignLoad.Step s = p.steps.get(i);
                if (s.stage() != null) {
                    entered.add(s.stage().toLowerCase());
                }
                investment = s.investment() != null ? s.investment() : investment;
                jobs = s.jobs() != null ? s.jobs() : jobs;
            }
            entered.forEach(stage -> t.merge(stage + ".count", BigDecimal.ONE, BigDecimal::add));
            t.merge("investmentCompleted", investment, BigDecimal::add);
            t.merge("jobsCreated", BigDecimal.valueOf(jobs), BigDecimal::add);
            t.merge("end." + p.stage(), BigDecimal.ONE, BigDecimal::add);
        }
        return t;
    }

    private Map<String, BigDecimal> reportedTotals(String province) throws Exception {
        String now = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "-Q"
                + ((LocalDate.now(ZoneId.of("Asia/Shanghai")).getMonthValue() - 1) / 3 + 1);
        JsonNode rows = getJson(services.get("reporting").url("/api/reports/quarterly?groupBy=province&province=" + province
                + "&from=2024-Q1&to=" + now)).path("rows");
        Map<String, BigDecimal> t = new HashMap<>();
        JsonNode last = null;
        for (JsonNode row : rows) {
            for (String entered : List.of("signed", "started", "operational", "suspended", "cancelled")) {
                t.merge(entered + ".count", row.path(entered).path("count").decimalValue(), BigDecimal::add);
            }
            t.merge("signed.contractValue", row.path("signed").path("contractValue").decimalValue(), BigDecimal::add);
            t.merge("signed.plannedJobs", row.path("signed").path("plannedJobs").decimalValue(), BigDecimal::add);
            t.merge("investmentCompleted", row.path("investmentCompleted").decimalValue(), BigDecimal::add);
            t.merge("jobsCreated", row.path("jobsCreated").decimalValue(), BigDecimal::add);
            last = row;
        }
        if (last != null) {
            last.path("endOfQuarter").fields().forEachRemaining(e -> t.put("end." + e.getKey(), e.getValue().decimalValue()));
        }
        return t;
    }

    /**
     * Records that no consumer can read, on both topics: malformed JSON, an unknown type, an unknown version, and
     * a known type and version without the content it must have. Each consumer dead-letters every one and goes on.
     */
    private int poison() {
        String envelope = "\"schemaVersion\":1,\"eventId\":\"" + UUID.randomUUID() + "\",\"projectId\":\"" + UUID.randomUUID()
                + "\",\"recordedAt\":\"2026-01-01T00:00:00Z\"";
        Map<String, List<String>> bad = Map.of(
                TOPIC_PROJECTS, List.of("{not json", "{\"type\":\"project.exploded\"," + envelope + "}",
                        "{\"type\":\"project.signed\",\"schemaVersion\":99,\"eventId\":\"" + UUID.randomUUID() + "\"}",
                        "{\"type\":\"project.signed\"," + envelope + "}"),
                TOPIC_UPDATES, List.of("{not json", "{\"type\":\"project.exploded\"," + envelope + "}",
                        "{\"type\":\"project.update-recorded\",\"schemaVersion\":7,\"eventId\":\"" + UUID.randomUUID() + "\"}",
                        "{\"type\":\"project.update-recorded\"," + envelope + "}"));
        Properties p = new Properties();
        p.put("bootstrap.servers", infra.kafkaBootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            bad.forEach((topic, values) -> values.forEach(v ->
                    producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), v.getBytes(StandardCharsets.UTF_8)))));
            producer.flush();
        }
        fault("poison records on each topic (malformed JSON, unknown type, unknown version, required content missing)");
        return bad.get(TOPIC_PROJECTS).size();
    }

    /** Every poison record reached the dead-letter topic, from each consumer that reads its topic, with a reason. */
    private void assertDeadLettered(int perTopic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", infra.kafkaBootstrapServers());
        p.put("group.id", "campaign-dlq-reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        Map<String, Set<String>> origins = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(TOPIC_DEAD));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && origins.values().stream().mapToInt(Set::size).sum() < 3 * perTopic) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    assertTrue(r.headers().lastHeader("landfall-dlq-reason") != null, "a dead letter says why");
                    String consumer = new String(r.headers().lastHeader("landfall-dlq-consumer").value(), StandardCharsets.UTF_8);
                    String origin = new String(r.headers().lastHeader("landfall-dlq-origin").value(), StandardCharsets.UTF_8);
                    origins.computeIfAbsent(consumer, k -> new HashSet<>()).add(origin);
                }
            }
        }
        figures.put("poison records dead-lettered, by consumer", origins.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())));
        assertEquals(perTopic, origins.getOrDefault("project-status", Set.of()).size(), "status dead-letters what it cannot read");
        assertEquals(2 * perTopic, origins.getOrDefault("reporting", Set.of()).size(), "reporting dead-letters what it cannot read");
    }

    private void killAndRestart(String which, int downSeconds) throws Exception {
        ServiceProcess s = services.get(which);
        s.kill();
        fault("service killed (kill -9) mid-stream and restarted");
        pause(downSeconds);
        ServiceProcess again = s.restart();
        services.put(which, again);
        again.awaitReady(READY);
        log(which + " killed, down " + downSeconds + " s, ready again");
    }

    private void killAndStartWithoutWaiting(String which) throws Exception {
        ServiceProcess s = services.get(which);
        s.kill();
        fault("service killed (kill -9) mid-stream and restarted");
        services.put(which, s.restart());
        log(which + " killed and started again while a dependency is down");
    }

    /** Readiness tells the truth: every service is ready, or every one is not. */
    private void awaitAll(boolean ready) {
        for (String which : services.keySet()) {
            await().atMost(READY).pollInterval(Duration.ofMillis(250)).until(() -> services.get(which).ready() == ready);
        }
    }

    private JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + DevTokens.token("campaign-analyst", "analyst")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static long missing(Set<UUID> wanted, Set<UUID> present) {
        return wanted.stream().filter(id -> !present.contains(id)).count();
    }

    private static void fault(String kind) {
        faults.merge(kind, 1, Integer::sum);
        log("fault: " + kind);
    }

    private static void log(String line) {
        String stamped = String.format("%6.1f s  %s", (System.nanoTime() - t0) / 1e9, line);
        journal.add(stamped);
        System.out.println(stamped);
    }

    private static void pause(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
    }
}
