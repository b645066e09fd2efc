package org.landfall.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.landfall.infra.DevTokens;
import org.landfall.infra.SharedInfra;
import org.landfall.reliability.Reconcile;

/**
 * A broker and a PostgreSQL of a test's own, each its own process (so that no other test's data is in them, and
 * each can be stopped or killed alone), with what such a test reads off them: counts, ids, consumer lag, and the
 * reconciliation of the reports with the upstream tables.
 */
final class OwnStack implements AutoCloseable {

    static final List<String> TOPICS = List.of("landfall.projects", "landfall.project-updates", "landfall.plans");

    final InfraProcess kafka, postgres;
    final SharedInfra.Endpoints infra;
    /** The databases of intake, status and reporting, in that order. */
    final String intakeDb, statusDb, reportingDb;

    OwnStack(Path state, String prefix) throws IOException {
        int kafkaPort = freePort(), controllerPort = freePort(), pgPort = freePort();
        intakeDb = prefix + "_intake";
        statusDb = prefix + "_status";
        reportingDb = prefix + "_reporting";
        postgres = InfraProcess.postgres(state.resolve("postgres"), pgPort, List.of(intakeDb, statusDb, reportingDb));
        kafka = InfraProcess.kafka(state.resolve("kafka"), kafkaPort, controllerPort);
        postgres.start();
        kafka.start();
        infra = new SharedInfra.Endpoints("127.0.0.1:" + kafkaPort, "jdbc:postgresql://127.0.0.1:" + pgPort + "/", "landfall", "");
    }

    long count(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(database), infra.username(), infra.password());
             ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    Set<UUID> ids(String database, String sql) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(database), infra.username(), infra.password());
             ResultSet r = c.createStatement().executeQuery(sql)) {
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    void execute(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl(database), infra.username(), infra.password())) {
            c.createStatement().executeUpdate(sql);
        }
    }

    /** How many records of {@code topics} the consumer group has not committed yet. */
    long lag(String group, List<String> topics) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var d : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                d.partitions().forEach(pi -> latest.put(new TopicPartition(d.name(), pi.partition()), OffsetSpec.latest()));
            }
            long lag = 0;
            for (var e : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    Admin admin() {
        Properties p = new Properties();
        p.put("bootstrap.servers", infra.kafkaBootstrapServers());
        return Admin.create(p);
    }

    /** Both outboxes empty and the consumer groups of status and reporting at the end of their topics. */
    void awaitQuiet(String statusGroup, String reportingGroup, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() ->
                count(intakeDb, "select count(*) from outbox") == 0 && count(statusDb, "select count(*) from outbox") == 0
                        && lag(statusGroup, List.of(TOPICS.get(0))) == 0 && lag(reportingGroup, TOPICS) == 0);
    }

    /** Every figure of the reports against figures recomputed from intake's and status's tables. */
    Reconcile.Result reconcile(ServiceProcess reporting) throws Exception {
        return Reconcile.run(new Reconcile.Sources(infra.jdbcUrl(intakeDb), infra.jdbcUrl(statusDb),
                infra.username(), infra.password(), URI.create(reporting.url("")),
                DevTokens.token("campaign-analyst", "analyst"), ZoneId.of("Asia/Shanghai")));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        kafka.close();
        postgres.close();
    }
}
