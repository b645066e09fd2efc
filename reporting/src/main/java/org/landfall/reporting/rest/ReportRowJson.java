package org.landfall.reporting.rest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.ReportRow;
import org.landfall.reporting.domain.YearFigures;

/**
 * A report row as the contract shows it: quarter, group, the catalogue's shown figures in its order (those of a
 * section nested in an object of that name: {@code "signed": {"count": 1, "contractValue": 100, "plannedJobs": 5}},
 * {@code planned.started} inside {@code planned}), the year blocks (ytd, yoy, rates, targetCompletion), endOfQuarter
 * and updatedAt (null included).
 */
@Singleton
public class ReportRowJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("landfall-report-row").addSerializer(ReportRow.class, new Writer()));
    }

    static final class Writer extends StdSerializer<ReportRow> {

        Writer() {
            super(ReportRow.class);
        }

        @Override
        public void serialize(ReportRow row, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("quarter", row.quarter());
            provider.defaultSerializeField("group", row.group(), gen);
            List<String> open = List.of();
            for (Figure f : Figure.values()) {
                if (!f.shown()) {
                    continue;
                }
                List<String> path = f.section == null ? List.of() : List.of(f.section.split("\\."));
                int common = 0;
                while (common < open.size() && common < path.size() && open.get(common).equals(path.get(common))) {
                    common++;
                }
                for (int i = open.size(); i > common; i--) {
                    gen.writeEndObject();
                }
                for (String section : path.subList(common, path.size())) {
                    gen.writeObjectFieldStart(section);
                }
                open = path;
                if (f.kind == Figure.Kind.COUNT) {
                    gen.writeNumberField(f.json, row.figures().count(f));
                } else {
                    provider.defaultSerializeField(f.json, row.figures().get(f), gen);
                }
            }
            for (int i = 0; i < open.size(); i++) {
                gen.writeEndObject();
            }
            YearFigures.Blocks year = row.year();
            flows(gen, provider, "ytd", year.ytd(), false);
            flows(gen, provider, "yoy", year.yoy(), true);
            gen.writeObjectFieldStart("rates");
            for (var rate : year.rates().entrySet()) {
                fraction(gen, rate.getKey().json, rate.getValue());
            }
            gen.writeEndObject();
            flows(gen, provider, "targetCompletion", year.targetCompletion(), true);
            provider.defaultSerializeField("endOfQuarter", row.endOfQuarter(), gen);
            provider.defaultSerializeField("updatedAt", row.updatedAt(), gen);
            gen.writeEndObject();
        }

        private static void flows(JsonGenerator gen, SerializerProvider provider, String name,
                                  Map<YearFigures.Flow, BigDecimal> values, boolean fractions) throws IOException {
            gen.writeObjectFieldStart(name);
            for (var e : values.entrySet()) {
                if (fractions) {
                    fraction(gen, e.getKey().json, e.getValue());
                } else {
                    provider.defaultSerializeField(e.getKey().json, e.getValue(), gen);
                }
            }
            gen.writeEndObject();
        }

        /** A rate as the contract writes it: at least one decimal (1.0, 0.5, 0.1333), or null. */
        private static void fraction(JsonGenerator gen, String name, BigDecimal value) throws IOException {
            if (value == null) {
                gen.writeNullField(name);
            } else {
                gen.writeNumberField(name, YearFigures.written(value));
            }
        }
    }
}
