package org.landfall.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.landfall.events.EventCodec;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Topics;
import org.landfall.infra.DevTokens;

/** Plays project-intake: publishes its events to the real topic, as its outbox relay would. */
final class IntakeEvents {

    static final String INSPECTOR = DevTokens.token("inspector-zhao", "site-inspector");

    private static KafkaProducer<String, byte[]> producer;

    private IntakeEvents() {
    }

    static ProjectSnapshot snapshot(LocalDate signedOn, int revision) {
        UUID id = UUID.randomUUID();
        return new ProjectSnapshot(id, "HL-2023-" + id.toString().substring(0, 6), revision, "Fengfan energy storage " + id,
                "Fengfan Co., Ltd.", "Heilongjiang", "Hegang", "Xiangyang", "equipment-manufacturing", signedOn,
                new BigDecimal("1050000000"), 300, null, null, null, null, null, Instant.now(), "officer-li",
                java.util.List.of(), null, null, null, null, null);
    }

    /**
     * A contract of a place of the caller's own ({@code city}), so that a watch-list query filtered by it sees only
     * the caller's projects: entered by intake at {@code recordedAt}, with its planned dates and key-project lists.
     */
    static ProjectSnapshot contract(String city, String district, LocalDate signedOn, Instant recordedAt,
                                    LocalDate plannedStartOn, LocalDate plannedOperationalOn, java.util.List<String> designations) {
        UUID id = UUID.randomUUID();
        return new ProjectSnapshot(id, "HL-" + signedOn.getYear() + "-" + id.toString().substring(0, 6), 1,
                "Watched project " + id, "Watch Co., Ltd.", "Heilongjiang", city, district, "new-energy", signedOn,
                new BigDecimal("500000000"), 100, null, null, plannedStartOn, plannedOperationalOn, null, recordedAt,
                "officer-li", designations, null, null, null, null, null);
    }

    /** Publishes the contract as intake would and waits until status knows it. */
    static ProjectSnapshot known(ProjectSnapshot s) {
        publish(ProjectSigned.of(s));
        awaitKnown(s.id());
        return s;
    }

    static ProjectSnapshot revised(ProjectSnapshot s, int revision, LocalDate signedOn) {
        return new ProjectSnapshot(s.id(), s.code(), revision, s.name(), s.investor(), s.province(), s.city(),
                s.district(), s.sector(), signedOn, s.contractValue(), s.plannedJobs(), null, null, null, null, null,
                s.createdAt(), s.createdBy(), s.designations(), s.park(), s.expectedAnnualSales(), s.expectedAnnualProfit(),
                s.expectedAnnualTax(), s.regionCode());
    }

    static ProjectCorrected correction(ProjectSnapshot corrected) {
        return ProjectCorrected.of(corrected, "typo", java.util.List.of("signedOn"), Instant.now(), "officer-li");
    }

    /** A project signed on {@code signedOn} that status knows. */
    static ProjectSnapshot known(LocalDate signedOn) {
        ProjectSnapshot s = snapshot(signedOn, 1);
        publish(ProjectSigned.of(s));
        awaitKnown(s.id());
        return s;
    }

    /** Generous: "within a second" is the contract, but a test machine may be busy with much else. */
    static void awaitKnown(UUID id) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                given().auth().oauth2(INSPECTOR).get("/api/projects/" + id + "/status").statusCode() == 200);
    }

    /** Publishes the event; where it landed. */
    static RecordMetadata publish(LandfallEvent event) {
        return send(event.key(), EventCodec.encode(event));
    }

    /** A record that is no Landfall event, as a buggy or hostile producer might write. */
    static void publishRaw(String key, String value) {
        send(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static synchronized RecordMetadata send(String key, byte[] value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                    "key.serializer", StringSerializer.class.getName(),
                    "value.serializer", ByteArraySerializer.class.getName()));
        }
        try {
            return producer.send(new ProducerRecord<>(Topics.PROJECTS, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
