package org.landfall.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.landfall.events.EventCodec;
import org.landfall.events.LandfallEvent;
import org.landfall.events.Topics;

class LogLoaderTest {

    @Test
    void shouldWriteEachEventAsTheOutboxRelayPublishesIt() throws Exception {
        for (LandfallEvent e : new SyntheticProjects(1, Benchmark.ZONE, Instant.now()).events(3)) {
            ProducerRecord<String, byte[]> r = LogLoader.record(e);
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
            boolean update = e.topic().equals(Topics.PROJECT_UPDATES);
            assertEquals(Map.of("ce_specversion", "1.0", "ce_id", e.eventId().toString(),
                    "ce_source", update ? "/landfall/project-status" : "/landfall/project-intake",
                    "ce_type", "org.landfall." + e.type(), "ce_time", e.recordedAt().toString(),
                    "ce_subject", e.key(), "content-type", "application/json"), headers);
            assertEquals(e.key(), r.key());
            assertEquals(e.topic(), r.topic());
            assertEquals(e, EventCodec.decode(r.value()));
        }
    }
}
