package org.landfall.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The golden fixtures are what consumers rely on: a change of the Java records that changes their JSON, or a
 * fixture that no longer matches its published JSON Schema, fails here before it reaches a topic.
 */
class EventContractTest {

    private static final ObjectMapper TREES = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://landfall.org/schemas/", "classpath:schemas/")));

    @ParameterizedTest
    @CsvSource({
            "project.signed.v1, org.landfall.events.ProjectSigned",
            "project.corrected.v1, org.landfall.events.ProjectCorrected",
            "project.update-recorded.v1, org.landfall.events.ProjectUpdateRecorded",
            "project.plan-set.v1, org.landfall.events.ProjectPlanSet",
            "target.set.v1, org.landfall.events.TargetSet"})
    void shouldReadEachGoldenEventAndWriteItBackUnchanged(String name, Class<?> type) throws Exception {
        byte[] golden = resource("/golden/" + name + ".json");
        LandfallEvent event = EventCodec.decode(golden);
        assertInstanceOf(type, event);
        assertEquals(TREES.readTree(golden), TREES.readTree(EventCodec.encode(event)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"project.signed.v1", "project.corrected.v1", "project.update-recorded.v1", "project.plan-set.v1",
            "target.set.v1"})
    void shouldMatchItsPublishedJsonSchema(String name) throws Exception {
        JsonSchema schema = SCHEMAS.getSchema(
                com.networknt.schema.SchemaLocation.of("https://landfall.org/schemas/" + name + ".schema.json"),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        JsonNode golden = TREES.readTree(resource("/golden/" + name + ".json"));
        Set<ValidationMessage> errors = schema.validate(golden);
        assertTrue(errors.isEmpty(), () -> name + ": " + errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json at all",
            "{\"type\": \"project.exploded\", \"schemaVersion\": 1}",
            "{\"schemaVersion\": 1, \"eventId\": \"0b8c1c7e-3f0e-4d0a-9f3c-1a2b3c4d5e6f\"}",
            "[1, 2, 3]",
            "{\"type\": \"project.signed\", \"schemaVersion\": 1}"})
    void shouldRefuseWhatIsNotALandfallEvent(String value) {
        assertThrows(EventCodec.UnreadableEventException.class,
                () -> EventCodec.decode(value.getBytes(StandardCharsets.UTF_8)));
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseAVersionItDoesNotKnow() throws Exception {
        String v2 = new String(resource("/golden/project.signed.v1.json"), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2");
        var e = assertThrows(EventCodec.UnreadableEventException.class,
                () -> EventCodec.decode(v2.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("schemaVersion 2"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void shouldIgnoreFieldsAddedByANewerProducer() throws Exception {
        String extended = new String(resource("/golden/project.update-recorded.v1.json"), StandardCharsets.UTF_8)
                .replace("\"note\" :", "\"weather\" : \"rain\", \"note\" :");
        ProjectUpdateRecorded e = (ProjectUpdateRecorded) EventCodec.decode(extended.getBytes(StandardCharsets.UTF_8));
        assertEquals(Stage.STARTED, e.stage());
    }

    @org.junit.jupiter.api.Test
    void shouldReadAContractOfAProducerBeforeDesignationsAsNone() throws Exception {
        String older = new String(resource("/golden/project.signed.v1.json"), StandardCharsets.UTF_8)
                .replaceAll("(?s),\\s*\"designations\".*?\"expectedAnnualTax\" : [0-9.]+", "");
        ProjectSigned e = (ProjectSigned) EventCodec.decode(older.getBytes(StandardCharsets.UTF_8));
        assertEquals(java.util.List.of(), e.project().designations());
        assertEquals(null, e.project().park());
        assertEquals(null, e.project().expectedAnnualSales());
    }

    @org.junit.jupiter.api.Test
    void shouldReadAnUpdateOfAProducerBeforeFundsInPlaceAndMilestonesAsNone() throws Exception {
        String older = new String(resource("/golden/project.update-recorded.v1.json"), StandardCharsets.UTF_8)
                .replaceAll("(?s)\\s*\"fundsInPlace\".*?\\],", "");
        ProjectUpdateRecorded e = (ProjectUpdateRecorded) EventCodec.decode(older.getBytes(StandardCharsets.UTF_8));
        assertEquals(null, e.fundsInPlace());
        assertEquals(java.util.List.of(), e.milestones());
        assertEquals(Stage.STARTED, e.stage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"fundsInPlace\" : -1,", "\"fundsInPlace\" : 10000000000000.01,", "\"fundsInPlace\" : 1.001,",
            "\"milestones\" : [ \"\" ],", "\"milestones\" : [ null ],"})
    void shouldRefuseAnUpdateWhoseFundsInPlaceOrMilestonesBreakTheContract(String member) throws Exception {
        String golden = new String(resource("/golden/project.update-recorded.v1.json"), StandardCharsets.UTF_8);
        String name = member.substring(0, member.indexOf(" :"));
        String broken = golden.replaceAll("(?s)" + java.util.regex.Pattern.quote(name) + " : (\\[[^\\]]*\\]|[^,]+),",
                java.util.regex.Matcher.quoteReplacement(member));
        assertTrue(!broken.equals(golden), broken);
        assertThrows(EventCodec.UnreadableEventException.class, () -> EventCodec.decode(broken.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
