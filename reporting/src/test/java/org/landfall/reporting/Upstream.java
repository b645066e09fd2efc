package org.landfall.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.landfall.events.EventCodec;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectPlanSet;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Stage;

/** Plays intake and status: builds their events and publishes them to the real topics. */
final class Upstream {

    private static KafkaProducer<String, byte[]> producer;

    private Upstream() {
    }

    static ProjectSnapshot project(String province, String city, String district, String sector, LocalDate signedOn,
                                   String value, Integer plannedJobs) {
        UUID id = UUID.randomUUID();
        return new ProjectSnapshot(id, "XX-" + id.toString().substring(0, 8), 1, "Project " + id, "Investor", province,
                city, district, sector, signedOn, new BigDecimal(value), plannedJobs, null, null, null, null, null,
                Instant.parse("2023-01-01T00:00:00Z"), "officer", List.of(), null, null, null, null, null);
    }

    static ProjectSigned signed(ProjectSnapshot p, Instant recordedAt) {
        return new ProjectSigned(UUID.randomUUID(), ProjectSigned.VERSION, p.id(), p.signedOn(), recordedAt, "officer", p);
    }

    static ProjectCorrected corrected(ProjectSnapshot p, Instant recordedAt) {
        return new ProjectCorrected(UUID.randomUUID(), ProjectCorrected.VERSION, p.id(), p.signedOn(), recordedAt,
                "officer", "typo", List.of(), p);
    }

    static ProjectSnapshot revise(ProjectSnapshot p, int revision, String province, LocalDate signedOn, String value) {
        return revise(p, revision, province, p.city(), signedOn, value);
    }

    static ProjectSnapshot revise(ProjectSnapshot p, int revision, String province, String city, LocalDate signedOn,
                                  String value) {
        return new ProjectSnapshot(p.id(), p.code(), revision, p.name(), p.investor(), province, city, p.district(),
                p.sector(), signedOn, new BigDecimal(value), p.plannedJobs(), null, null, p.plannedStartOn(), null, null,
                p.createdAt(), p.createdBy(), p.designations(), p.park(), p.expectedAnnualSales(), p.expectedAnnualProfit(),
                p.expectedAnnualTax(), p.regionCode());
    }

    /** The contract with a planned start, a park and designations. */
    static ProjectSnapshot planned(ProjectSnapshot p, LocalDate plannedStartOn, String park, String... designations) {
        return new ProjectSnapshot(p.id(), p.code(), p.revision(), p.name(), p.investor(), p.province(), p.city(),
                p.district(), p.sector(), p.signedOn(), p.contractValue(), p.plannedJobs(), null, null, plannedStartOn, null,
                null, p.createdAt(), p.createdBy(), List.of(designations), park, null, null, null, p.regionCode());
    }

    /** The contract with the GB/T 2260 code intake resolved its names to (null: none, as in events from before codes). */
    static ProjectSnapshot located(ProjectSnapshot p, String regionCode) {
        return placed(p, p.province(), p.city(), p.district(), regionCode);
    }

    /** The contract at another place: names and the code intake resolved them to. */
    static ProjectSnapshot placed(ProjectSnapshot p, String province, String city, String district, String regionCode) {
        return new ProjectSnapshot(p.id(), p.code(), p.revision(), p.name(), p.investor(), province, city, district,
                p.sector(), p.signedOn(), p.contractValue(), p.plannedJobs(), null, null, p.plannedStartOn(), null, null,
                p.createdAt(), p.createdBy(), p.designations(), p.park(), p.expectedAnnualSales(), p.expectedAnnualProfit(),
                p.expectedAnnualTax(), regionCode);
    }

    static ProjectPlanSet plan(ProjectSnapshot p, int year, String investment, boolean startPlanned, Instant recordedAt) {
        return ProjectPlanSet.of(p.id(), year, new BigDecimal(investment), startPlanned, recordedAt, "officer");
    }

    /** An update as status published it before issue 20: without funds in place. */
    static ProjectUpdateRecorded update(ProjectSnapshot p, LocalDate on, Stage stage, String investment, Long jobs,
                                        Instant recordedAt) {
        return new ProjectUpdateRecorded(UUID.randomUUID(), ProjectUpdateRecorded.VERSION, p.id(), on, recordedAt,
                "inspector", UUID.randomUUID(), stage, null, investment == null ? null : new BigDecimal(investment), jobs,
                null, null);
    }

    /** An update with the funds in place ({@code funds}, cumulative yuan; null: not reported). */
    static ProjectUpdateRecorded update(ProjectSnapshot p, LocalDate on, Stage stage, String investment, Long jobs,
                                        String funds, Instant recordedAt) {
        return new ProjectUpdateRecorded(UUID.randomUUID(), ProjectUpdateRecorded.VERSION, p.id(), on, recordedAt,
                "inspector", UUID.randomUUID(), stage, null, investment == null ? null : new BigDecimal(investment), jobs,
                null, null, funds == null ? null : new BigDecimal(funds), List.of());
    }

    static synchronized void publish(LandfallEvent... events) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                    "key.serializer", StringSerializer.class.getName(),
                    "value.serializer", ByteArraySerializer.class.getName()));
        }
        try {
            for (LandfallEvent e : events) {
                producer.send(new ProducerRecord<>(e.topic(), e.key(), EventCodec.encode(e))).get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
