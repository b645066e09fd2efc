package org.landfall.intake;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.landfall.events.CloudEventHeaders;
import org.landfall.events.EventCodec;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectSigned;
import org.landfall.events.Topics;
import org.landfall.platform.outbox.OutboxRelay;

/** What intake accepted reaches the real broker through the outbox, once; what it refused never does. */
@QuarkusTest
class EventPublishingTest {

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Every record of a topic from the beginning, read with a plain consumer until {@code until} holds. */
    private static List<ConsumerRecord<String, byte[]>> readUntil(Predicate<List<ConsumerRecord<String, byte[]>>> until) {
        return readUntil(Topics.PROJECTS, until);
    }

    static List<ConsumerRecord<String, byte[]>> readUntil(String topic,
                                                                 Predicate<List<ConsumerRecord<String, byte[]>>> until) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> !consumer.partitionsFor(topic).isEmpty());
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return until.test(seen);
            });
        }
        return seen;
    }

    static List<ConsumerRecord<String, byte[]>> of(List<ConsumerRecord<String, byte[]>> records, String id) {
        return records.stream().filter(r -> id.equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static LandfallEvent decode(ConsumerRecord<String, byte[]> record) {
        try {
            return EventCodec.decode(record.value());
        } catch (EventCodec.UnreadableEventException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldPublishASignedProjectWithCloudEventsHeadersKeyedByItsId() {
        String id = Api.sign(SigningTest.YIWEI.replace("Yiwei Lithium", Api.unique("Yiwei Lithium")));

        ConsumerRecord<String, byte[]> record = of(readUntil(seen -> !of(seen, id).isEmpty()), id).get(0);
        assertEquals("org.landfall.project.signed", header(record, CloudEventHeaders.TYPE));
        assertEquals(id, header(record, CloudEventHeaders.SUBJECT));
        assertEquals("/landfall/project-intake", header(record, CloudEventHeaders.SOURCE));
        assertEquals("1.0", header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals("application/json", header(record, CloudEventHeaders.CONTENT_TYPE));
        ProjectSigned event = (ProjectSigned) decode(record);
        assertEquals(event.eventId().toString(), header(record, CloudEventHeaders.ID));
        assertEquals(id, event.projectId().toString());
        assertEquals(0, event.project().contractValue().compareTo(new java.math.BigDecimal("10000000000")));
        assertEquals("officer-li", event.recordedBy());
        assertEquals(1, event.project().revision());
        assertTrue(new String(record.value(), StandardCharsets.UTF_8).contains("\"contractValue\":10000000000"));
    }

    @Test
    void shouldPublishOneEventPerAcceptedWriteInOrderAndNothingForRefusedOnes() {
        String refusedName = "Refused " + UUID.randomUUID();
        Api.officer().body(Api.contract(refusedName, "phases", "[{\"number\": 1, \"investment\": 2000000000}]"))
                .when().post("/api/projects").then().statusCode(422);
        String name = Api.unique("Published");
        String id = Api.sign(Api.contract(name));
        Api.officer().body(Api.contract(name)).when().post("/api/projects").then().statusCode(409);
        Api.officer().body("{\"reason\": \"value\", \"changes\": {\"contractValue\": 2050000000}}")
                .when().post("/api/projects/" + id + "/corrections").then().statusCode(200);
        Api.officer().body("{\"reason\": \"refused\", \"changes\": {\"contractValue\": 0}}")
                .when().post("/api/projects/" + id + "/corrections").then().statusCode(422);
        Api.officer().body("{\"reason\": \"jobs\", \"changes\": {\"plannedJobs\": 80}}")
                .when().post("/api/projects/" + id + "/corrections").then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> seen = readUntil(all -> of(all, id).size() >= 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.backlog().events() == 0);

        List<LandfallEvent> events = of(seen, id).stream().map(EventPublishingTest::decode).toList();
        assertEquals(3, events.size());
        assertEquals(ProjectSigned.TYPE, events.get(0).type());
        ProjectCorrected first = (ProjectCorrected) events.get(1);
        ProjectCorrected second = (ProjectCorrected) events.get(2);
        assertEquals(List.of("contractValue"), first.changedFields());
        assertEquals("value", first.reason());
        assertEquals(2, first.project().revision());
        assertEquals(List.of("plannedJobs"), second.changedFields());
        assertEquals(3, second.project().revision());
        assertEquals(80, second.project().plannedJobs());
        assertEquals(0, second.project().contractValue().compareTo(new java.math.BigDecimal("2050000000")));
        assertEquals("org.landfall.project.corrected", header(of(seen, id).get(1), CloudEventHeaders.TYPE));
        assertFalse(seen.stream().anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(refusedName)),
                "a refused contract was published");
    }

    /**
     * The shared broker cannot be stopped, so the outage is a topic that does not exist yet (the broker does not
     * create topics on demand): the relay cannot publish the row, keeps it and retries; once the topic exists,
     * the row is delivered by a later attempt and only then deleted.
     */
    @Test
    void shouldKeepAnEventInTheOutboxUntilKafkaTakesItThenDeliverIt() throws Exception {
        String topic = "landfall.test-outage-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into outbox (event_id, topic, event_key, event_type, recorded_at, payload) "
                                + "values (:id, :topic, 'outage', 'project.signed', now(), cast('{}' as bytea))")
                .setParameter("id", eventId).setParameter("topic", topic).executeUpdate());

        // Longer than the producer's max.block.ms (5 s): at least one publishing attempt fails and is rolled back.
        await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(9)).until(() -> relay.backlog().events() >= 1);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.backlog().events() == 0);

        List<ConsumerRecord<String, byte[]>> delivered = readUntil(topic, seen -> !seen.isEmpty());
        assertEquals(1, delivered.size());
        assertEquals(eventId.toString(), header(delivered.get(0), CloudEventHeaders.ID));
    }
}
