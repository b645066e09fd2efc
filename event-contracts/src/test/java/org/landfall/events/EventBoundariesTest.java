package org.landfall.events;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A consumer applies an event only within its published schema and the contract's ranges (decision 44): each bound
 * is checked on both of its sides, from the golden events.
 */
class EventBoundariesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}.{1}: {2} chars fit, {3} do not")
    @CsvSource({
            "project.signed.v1, project.name, 200, 201",
            "project.signed.v1, project.code, 50, 51",
            "project.signed.v1, project.province, 100, 101",
            "project.signed.v1, project.sector, 100, 101",
            "project.signed.v1, project.park, 200, 201",
            "project.signed.v1, project.createdBy, 255, 256",
            "project.signed.v1, recordedBy, 255, 256",
            "project.corrected.v1, reason, 1000, 1001",
            "project.update-recorded.v1, note, 2000, 2001",
            "target.set.v1, city, 100, 101"})
    void shouldApplyTextUpToItsLengthAndRefuseItBeyond(String golden, String path, int fits, int tooLong) throws Exception {
        assertDoesNotThrow(() -> decode(with(golden, path, "字".repeat(fits))));
        var refused = assertThrows(EventCodec.UnreadableEventException.class,
                () -> decode(with(golden, path, "字".repeat(tooLong))));
        assertTrue(refused.getMessage().contains(path.substring(path.lastIndexOf('.') + 1)), refused.getMessage());
    }

    @Test
    void shouldSayWhyAMegabyteStringIsRefusedWithoutRepeatingIt() throws Exception {
        var refused = assertThrows(EventCodec.UnreadableEventException.class,
                () -> decode(with("project.update-recorded.v1", "note", "x".repeat(1_000_000))));
        assertTrue(refused.getMessage().length() < 500, () -> refused.getMessage().length() + " characters");
    }

    @ParameterizedTest(name = "{0}.{1} = {2}: {3}")
    @CsvSource({
            "project.signed.v1, project.signedOn, 1000-01-01, true",
            "project.signed.v1, project.signedOn, 9999-12-31, true",
            "project.signed.v1, project.signedOn, 0999-12-31, false",
            "project.signed.v1, project.signedOn, +6000000-01-01, false",
            "project.signed.v1, occurredOn, +6000000-01-01, false",
            "project.signed.v1, project.plannedOperationalOn, +10000-01-01, false",
            "project.signed.v1, recordedAt, +300000-01-01T00:00:00Z, false",
            "project.update-recorded.v1, occurredOn, -0001-01-01, false",
            "project.update-recorded.v1, occurredOn, 2023-04-07, true"})
    void shouldApplyDatesOfFourDigitYearsOnly(String golden, String path, String date, boolean applied) throws Exception {
        byte[] event = with(golden, path, date);
        if (applied) {
            assertDoesNotThrow(() -> decode(event));
        } else {
            assertThrows(EventCodec.UnreadableEventException.class, () -> decode(event));
        }
    }

    @ParameterizedTest(name = "{0} at revision {1}: {2}")
    @CsvSource({
            "project.signed.v1, 1, true",
            "project.signed.v1, 2, false",
            "project.signed.v1, 2147483647, false",
            "project.corrected.v1, 2, true",
            "project.corrected.v1, 1, false",
            "project.corrected.v1, 0, false"})
    void shouldApplyASigningAtRevisionOneAndACorrectionAfterIt(String golden, int revision, boolean applied) throws Exception {
        ObjectNode tree = golden(golden);
        ((ObjectNode) tree.get("project")).put("revision", revision);
        byte[] event = JSON.writeValueAsBytes(tree);
        if (applied) {
            assertDoesNotThrow(() -> decode(event));
        } else {
            assertThrows(EventCodec.UnreadableEventException.class, () -> decode(event));
        }
    }

    @Test
    void shouldRefuseARevisionBeyondAnInteger() throws Exception {
        ObjectNode tree = golden("project.corrected.v1");
        ((ObjectNode) tree.get("project")).put("revision", 1L << 40);
        assertThrows(EventCodec.UnreadableEventException.class, () -> decode(JSON.writeValueAsBytes(tree)));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "SIGNED, STARTED, true", "STARTED, OPERATIONAL, true", "SUSPENDED, SIGNED, true", "STARTED, CANCELLED, true",
            "STARTED, STARTED, true", ", STARTED, true",
            "SIGNED, OPERATIONAL, false", "CANCELLED, STARTED, false", "OPERATIONAL, SUSPENDED, false",
            "OPERATIONAL, CANCELLED, false"})
    void shouldApplyOnlyTheLifecyclesMoves(String previous, String stage, boolean applied) throws Exception {
        ObjectNode tree = golden("project.update-recorded.v1");
        tree.put("previousStage", previous);
        tree.put("stage", stage);
        byte[] event = JSON.writeValueAsBytes(tree);
        if (applied) {
            assertDoesNotThrow(() -> decode(event));
        } else {
            var refused = assertThrows(EventCodec.UnreadableEventException.class, () -> decode(event));
            assertTrue(refused.getMessage().contains("stage"), refused.getMessage());
        }
    }

    @Test
    void shouldRefuseMoreDesignationsOrMilestonesThanAProducerTakes() throws Exception {
        ObjectNode signed = golden("project.signed.v1");
        ArrayNode designations = ((ObjectNode) signed.get("project")).putArray("designations");
        for (int i = 0; i < 21; i++) {
            designations.add("list-" + i);
        }
        assertThrows(EventCodec.UnreadableEventException.class, () -> decode(JSON.writeValueAsBytes(signed)));
        designations.remove(20);
        assertDoesNotThrow(() -> decode(JSON.writeValueAsBytes(signed)));
    }

    @ParameterizedTest
    @CsvSource({"1000000000000000, true", "1000000000000001, false", "0, false"})
    void shouldBoundAPlannedCapacity(String value, boolean applied) throws Exception {
        ObjectNode signed = golden("project.signed.v1");
        ((ObjectNode) signed.get("project").get("plannedCapacity")).put("value", new java.math.BigDecimal(value));
        byte[] event = JSON.writeValueAsBytes(signed);
        if (applied) {
            assertDoesNotThrow(() -> decode(event));
        } else {
            assertThrows(EventCodec.UnreadableEventException.class, () -> decode(event));
        }
    }

    private static LandfallEvent decode(byte[] event) throws EventCodec.UnreadableEventException {
        return EventCodec.decode(event);
    }

    /** The golden event with the text at {@code path} (dot-separated) replaced by {@code value}. */
    private static byte[] with(String golden, String path, String value) throws IOException {
        ObjectNode tree = golden(golden);
        ObjectNode parent = tree;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.put(parts[parts.length - 1], value);
        return JSON.writeValueAsBytes(tree);
    }

    private static ObjectNode golden(String name) throws IOException {
        try (InputStream in = EventBoundariesTest.class.getResourceAsStream("/golden/" + name + ".json")) {
            JsonNode tree = JSON.readTree(in);
            return (ObjectNode) tree;
        }
    }
}
