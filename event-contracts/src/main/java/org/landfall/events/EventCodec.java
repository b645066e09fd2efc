package org.landfall.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** JSON encoding of the events, identical in every producer and consumer. */
public final class EventCodec {

    /** Thrown for a record that is not a Landfall event this code can read: it belongs in the dead-letter topic. */
    public static final class UnreadableEventException extends Exception {
        public UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Additive evolution: a newer producer may add fields that this consumer ignores.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Map<String, Integer> VERSIONS = Map.of(
            ProjectSigned.TYPE, ProjectSigned.VERSION,
            ProjectCorrected.TYPE, ProjectCorrected.VERSION,
            ProjectUpdateRecorded.TYPE, ProjectUpdateRecorded.VERSION);

    private EventCodec() {
    }

    public static byte[] encode(LandfallEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + event.type(), e);
        }
    }

    public static LandfallEvent decode(byte[] json) throws UnreadableEventException {
        if (json == null) {
            throw new UnreadableEventException("empty record value", null);
        }
        LandfallEvent event;
        try {
            event = MAPPER.readValue(json, LandfallEvent.class);
        } catch (IOException e) {
            throw new UnreadableEventException("not a Landfall event: " + getOriginalMessage(e), e);
        }
        Integer known = VERSIONS.get(event.type());
        if (event.schemaVersion() != known) {
            throw new UnreadableEventException("unknown schemaVersion " + event.schemaVersion() + " of " + event.type()
                    + " (this consumer reads version " + known + ")", null);
        }
        if (event.eventId() == null || event.projectId() == null || event.recordedAt() == null) {
            throw new UnreadableEventException(event.type() + " without eventId, projectId or recordedAt", null);
        }
        List<String> missing = missingContent(event);
        if (!missing.isEmpty()) {
            throw new UnreadableEventException(event.type() + " without " + String.join(", ", missing), null);
        }
        return event;
    }

    /** What a consumer needs of each type beyond the envelope; an event without it could only fail downstream. */
    private static List<String> missingContent(LandfallEvent event) {
        List<String> missing = new ArrayList<>();
        if (event instanceof ProjectSigned e) {
            contract(e.projectId(), e.project(), missing);
        } else if (event instanceof ProjectCorrected e) {
            contract(e.projectId(), e.project(), missing);
        } else if (event instanceof ProjectUpdateRecorded e) {
            if (e.updateId() == null) {
                missing.add("updateId");
            }
            if (e.occurredOn() == null) {
                missing.add("occurredOn");
            }
        }
        return missing;
    }

    private static void contract(UUID projectId, ProjectSnapshot p, List<String> missing) {
        if (p == null) {
            missing.add("project");
            return;
        }
        if (!projectId.equals(p.id())) {
            missing.add("project.id equal to projectId");
        }
        if (p.revision() < 1) {
            missing.add("project.revision of 1 or more");
        }
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("project.code", p.code());
        required.put("project.name", p.name());
        required.put("project.investor", p.investor());
        required.put("project.province", p.province());
        required.put("project.city", p.city());
        required.put("project.sector", p.sector());
        required.put("project.signedOn", p.signedOn());
        required.put("project.contractValue", p.contractValue());
        required.forEach((field, value) -> {
            if (value == null) {
                missing.add(field);
            }
        });
    }

    private static String getOriginalMessage(IOException e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}
