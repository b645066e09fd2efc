package org.landfall.events;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The published JSON Schemas ({@code schemas/*.schema.json}), as every consumer checks a record against them: what a
 * consumer applies is what the catalogue publishes, lengths and ranges included, not merely what Jackson can bind.
 */
final class EventSchemas {

    /** How many breaches a dead letter's reason names: enough to fix the producer, never a record's worth. */
    private static final int NAMED = 5;

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://landfall.org/schemas/", "classpath:schemas/")));

    private static final Map<String, JsonSchema> BY_TYPE = Map.of(
            ProjectSigned.TYPE, schema("project.signed.v1"),
            ProjectCorrected.TYPE, schema("project.corrected.v1"),
            ProjectUpdateRecorded.TYPE, schema("project.update-recorded.v1"),
            ProjectPlanSet.TYPE, schema("project.plan-set.v1"),
            TargetSet.TYPE, schema("target.set.v1"));

    private EventSchemas() {
    }

    private static JsonSchema schema(String name) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("https://landfall.org/schemas/" + name + ".schema.json"),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        schema.initializeValidators();
        return schema;
    }

    /** The breaches of {@code type}'s published schema in {@code tree}, said in a line; empty when there are none. */
    static String breaches(String type, JsonNode tree) {
        Set<ValidationMessage> errors = BY_TYPE.get(type).validate(tree);
        return errors.stream().limit(NAMED).map(ValidationMessage::getMessage)
                .collect(Collectors.joining("; ", "", errors.size() > NAMED ? "; and " + (errors.size() - NAMED) + " more" : ""));
    }
}
