package org.landfall.reporting.rest;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.landfall.events.Stage;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.YearFigures;

/**
 * Documents a report row as {@link ReportRowJson} writes it (the record's own fields are not its JSON): the
 * catalogue's shown figures in their sections, the year blocks, endOfQuarter by stage, updatedAt.
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
        sections.put("", row);
        for (Figure f : Figure.values()) {
            if (f.shown()) {
                section(sections, f.section == null ? "" : f.section).addProperty(f.json,
                        type(f.kind == Figure.Kind.COUNT ? Schema.SchemaType.INTEGER : Schema.SchemaType.NUMBER));
            }
        }
        Schema ytd = object();
        Schema yoy = object();
        Schema completion = object();
        for (YearFigures.Flow flow : YearFigures.Flow.values()) {
            ytd.addProperty(flow.json, type(Schema.SchemaType.NUMBER));
            yoy.addProperty(flow.json, fraction());
            if (flow.targeted) {
                completion.addProperty(flow.json, fraction());
            }
        }
        Schema rates = object();
        for (YearFigures.Rate rate : YearFigures.Rate.values()) {
            rates.addProperty(rate.json, fraction());
        }
        row.addProperty("ytd", ytd).addProperty("yoy", yoy).addProperty("rates", rates)
                .addProperty("targetCompletion", completion);
        Schema endOfQuarter = object();
        for (Stage s : Stage.values()) {
            endOfQuarter.addProperty(s.name(), type(Schema.SchemaType.INTEGER));
        }
        row.addProperty("endOfQuarter", endOfQuarter)
                .addProperty("updatedAt", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .addType(Schema.SchemaType.NULL).format("date-time"));
        openAPI.getComponents().addSchema("ReportRow", row);
        openAPI.getComponents().removeSchema("FigureValues");
        openAPI.getComponents().removeSchema("Blocks");
    }

    /** The object of a section ({@code a.b}: b inside a), added to its parent when first met. */
    private static Schema section(Map<String, Schema> sections, String path) {
        Schema known = sections.get(path);
        if (known != null) {
            return known;
        }
        int dot = path.lastIndexOf('.');
        Schema created = object();
        section(sections, dot < 0 ? "" : path.substring(0, dot)).addProperty(path.substring(dot + 1), created);
        sections.put(path, created);
        return created;
    }

    /** A decimal fraction rounded to 4 places, or null where the row cannot say. */
    private static Schema fraction() {
        return OASFactory.createSchema().addType(Schema.SchemaType.NUMBER).addType(Schema.SchemaType.NULL);
    }

    private static Schema object() {
        return type(Schema.SchemaType.OBJECT);
    }

    private static Schema type(Schema.SchemaType type) {
        return OASFactory.createSchema().addType(type);
    }
}
