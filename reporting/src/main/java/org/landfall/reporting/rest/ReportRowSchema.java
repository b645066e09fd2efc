package org.landfall.reporting.rest;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.landfall.events.Stage;
import org.landfall.reporting.domain.Figure;

/**
 * Documents a report row as {@link ReportRowJson} writes it (the record's own fields are not its JSON): the
 * catalogue's figures in their sections, endOfQuarter by stage, updatedAt.
 */
public class ReportRowSchema implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || !openAPI.getComponents().getSchemas().containsKey("ReportRow")) {
            return;
        }
        Schema row = object().addProperty("quarter", type(Schema.SchemaType.STRING))
                .addProperty("group", object().additionalPropertiesSchema(type(Schema.SchemaType.STRING)));
        Map<String, Schema> sections = new HashMap<>();
        for (Figure f : Figure.values()) {
            Schema value = type(f.kind == Figure.Kind.COUNT ? Schema.SchemaType.INTEGER : Schema.SchemaType.NUMBER);
            if (f.section == null) {
                row.addProperty(f.json, value);
            } else {
                sections.computeIfAbsent(f.section, s -> {
                    Schema section = object();
                    row.addProperty(s, section);
                    return section;
                }).addProperty(f.json, value);
            }
        }
        Schema endOfQuarter = object();
        for (Stage s : Stage.values()) {
            endOfQuarter.addProperty(s.name(), type(Schema.SchemaType.INTEGER));
        }
        row.addProperty("endOfQuarter", endOfQuarter)
                .addProperty("updatedAt", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .addType(Schema.SchemaType.NULL).format("date-time"));
        openAPI.getComponents().addSchema("ReportRow", row);
        openAPI.getComponents().removeSchema("FigureValues");
    }

    private static Schema object() {
        return type(Schema.SchemaType.OBJECT);
    }

    private static Schema type(Schema.SchemaType type) {
        return OASFactory.createSchema().addType(type);
    }
}
