package org.landfall.reporting.rest;

import java.io.IOException;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.ReportRow;

/**
 * A report row as the contract shows it: quarter, group, the catalogue's figures in its order (those of a section
 * nested in an object of that name: {@code "signed": {"count": 1, "contractValue": 100, "plannedJobs": 5}}),
 * endOfQuarter and updatedAt (null included).
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
            String section = null;
            for (Figure f : Figure.values()) {
                if (!Objects.equals(f.section, section)) {
                    if (section != null) {
                        gen.writeEndObject();
                    }
                    if (f.section != null) {
                        gen.writeObjectFieldStart(f.section);
                    }
                    section = f.section;
                }
                if (f.kind == Figure.Kind.COUNT) {
                    gen.writeNumberField(f.json, row.figures().count(f));
                } else {
                    provider.defaultSerializeField(f.json, row.figures().get(f), gen);
                }
            }
            if (section != null) {
                gen.writeEndObject();
            }
            provider.defaultSerializeField("endOfQuarter", row.endOfQuarter(), gen);
            provider.defaultSerializeField("updatedAt", row.updatedAt(), gen);
            gen.writeEndObject();
        }
    }
}
