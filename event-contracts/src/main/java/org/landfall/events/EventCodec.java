package org.landfall.events;

import java.io.IOException;
import java.util.Map;

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
        return event;
    }

    private static String getOriginalMessage(IOException e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}
