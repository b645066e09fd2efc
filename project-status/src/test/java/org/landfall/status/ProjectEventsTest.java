package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.landfall.status.IntakeEvents.INSPECTOR;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.landfall.events.EventCodec;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;
import org.landfall.events.Topics;

@QuarkusTest
class ProjectEventsTest {

    @Test
    void shouldChangeNothingWhenAnIntakeEventIsRedelivered() {
        ProjectSnapshot p = IntakeEvents.snapshot(LocalDate.of(2023, 2, 1), 1);
        ProjectSigned signed = ProjectSigned.of(p);
        IntakeEvents.publish(signed);
        IntakeEvents.awaitKnown(p.id());
        UpdateRulesTest.post(p.id(), "{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-03-01\"}").statusCode(201);
        IntakeEvents.publish(signed);
        IntakeEvents.known(LocalDate.of(2023, 2, 1)); // once this later event is in, the redelivery was consumed
        given().auth().oauth2(INSPECTOR).get("/api/projects/" + p.id() + "/status").then()
                .body("stage", equalTo("STARTED"));
    }

    @Test
    void shouldKeepTheHighestRevisionWhateverTheOrderOfArrival() {
        ProjectSnapshot original = IntakeEvents.snapshot(LocalDate.of(2023, 2, 1), 1);
        ProjectSnapshot corrected = IntakeEvents.revised(original, 2, LocalDate.of(2023, 3, 15));
        IntakeEvents.publish(IntakeEvents.correction(corrected));
        IntakeEvents.awaitKnown(original.id());
        IntakeEvents.publish(ProjectSigned.of(original));
        IntakeEvents.known(LocalDate.of(2023, 1, 1)); // once this later event is in, the older one was applied
        given().auth().oauth2(INSPECTOR).get("/api/projects/" + original.id() + "/status").then()
                .body("signedOn", equalTo("2023-03-15")).body("stageSince", equalTo("2023-03-15"));
    }

    @Test
    void shouldApplyTheRulesToACorrectedSigningDate() {
        ProjectSnapshot p = IntakeEvents.known(LocalDate.of(2023, 2, 1));
        UpdateRulesTest.post(p.id(), "{\"note\": \"first visit\", \"effectiveOn\": \"2023-02-10\"}").statusCode(201);
        IntakeEvents.publish(IntakeEvents.correction(IntakeEvents.revised(p, 2, LocalDate.of(2023, 3, 1))));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(INSPECTOR)
                .get("/api/projects/" + p.id() + "/status").then().body("signedOn", equalTo("2023-03-01")));
        UpdateRulesTest.post(p.id(), "{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-02-20\"}").statusCode(422);
        UpdateRulesTest.post(p.id(), "{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-03-02\"}").statusCode(201);
    }

    /**
     * The consumer's commit strategy (platform's AppliedOffsets) commits the offset after what it applied, so that a
     * restart does not read the topic again from the last commit of long ago.
     */
    @Test
    void shouldCommitTheOffsetAfterAnAppliedEvent() {
        ProjectSnapshot p = IntakeEvents.snapshot(LocalDate.of(2023, 2, 1), 1);
        RecordMetadata published = IntakeEvents.publish(ProjectSigned.of(p));
        IntakeEvents.awaitKnown(p.id());
        TopicPartition partition = new TopicPartition(published.topic(), published.partition());
        String group = ConfigProvider.getConfig().getValue("landfall.consumer-group", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS).get(partition);
                return committed != null && committed.offset() > published.offset();
            });
        }
    }

    @Test
    void shouldGoOnConsumingAfterARecordThatIsNoEvent() {
        IntakeEvents.publishRaw(null, "{\"type\": \"project.exploded\"}");
        IntakeEvents.publishRaw(null, "not even json");
        IntakeEvents.known(LocalDate.of(2023, 2, 1));
    }

    @Test
    void shouldLetExactlyOneOfTenConcurrentStartsThrough() throws Exception {
        ProjectSnapshot p = IntakeEvents.known(LocalDate.of(2023, 2, 1));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int day = 10 + i;
            posts.add(() -> given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON)
                    .body("{\"stage\": \"STARTED\", \"effectiveOn\": \"2023-03-" + day + "\"}")
                    .post("/api/projects/" + p.id() + "/updates").statusCode());
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(posts)) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(9, codes.stream().filter(c -> c == 409).count(), codes.toString());
        given().auth().oauth2(INSPECTOR).get("/api/projects/" + p.id() + "/status").then()
                .body("history.size()", equalTo(1)).body("stage", equalTo("STARTED"));
    }

    @Test
    void shouldNeverAcceptInconsistentFiguresFromConcurrentInspectors() throws Exception {
        ProjectSnapshot p = IntakeEvents.known(LocalDate.of(2023, 2, 1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // later dates with lower figures: any two of them conflict
            String body = "{\"effectiveOn\": \"2023-04-" + (10 + i) + "\", \"investmentCompleted\": " + (1000 - i) + "}";
            posts.add(() -> given().auth().oauth2(INSPECTOR).contentType(ContentType.JSON).body(body)
                    .post("/api/projects/" + p.id() + "/updates").statusCode());
        }
        long accepted = 0;
        for (Future<Integer> f : pool.invokeAll(posts)) {
            accepted += f.get() == 201 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, accepted);
    }

    @Test
    void shouldPublishEachAcceptedUpdateAsAnEvent() {
        ProjectSnapshot p = IntakeEvents.known(LocalDate.of(2023, 2, 1));
        String updateId = UpdateRulesTest.post(p.id(), """
                {"stage": "STARTED", "effectiveOn": "2023-04-07", "investmentCompleted": 200000000.5, "jobsCreated": 120,
                 "fundsInPlace": 300000000, "milestones": ["land-acquired", "approval-obtained"]}""")
                .statusCode(201).extract().path("id");
        UpdateRulesTest.post(p.id(), "{\"stage\": \"OPERATIONAL\", \"effectiveOn\": \"2023-04-01\"}").statusCode(409);

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "group.id", "status-events-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.PROJECT_UPDATES));
            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (p.id().toString().equals(r.key())) {
                        mine.add(r);
                    }
                });
                return !mine.isEmpty();
            });
            assertEquals(1, mine.size());
            ConsumerRecord<String, byte[]> r = mine.get(0);
            assertEquals("org.landfall.project.update-recorded", header(r, "ce_type"));
            assertEquals("/landfall/project-status", header(r, "ce_source"));
            ProjectUpdateRecorded e = (ProjectUpdateRecorded) EventCodec.decode(r.value());
            assertEquals(updateId, e.updateId().toString());
            assertEquals(header(r, "ce_id"), e.eventId().toString());
            assertEquals(Stage.STARTED, e.stage());
            assertEquals(Stage.SIGNED, e.previousStage());
            assertEquals(LocalDate.of(2023, 4, 7), e.occurredOn());
            assertEquals(0, new java.math.BigDecimal("200000000.5").compareTo(e.investmentCompleted()));
            assertEquals("inspector-zhao", e.recordedBy());
            assertEquals(0, new java.math.BigDecimal("300000000").compareTo(e.fundsInPlace()));
            assertEquals(List.of("approval-obtained", "land-acquired"), e.milestones());
        } catch (EventCodec.UnreadableEventException e) {
            throw new AssertionError(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
