package org.landfall.intake.service;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.landfall.intake.domain.Contract;

/** The fields in which two versions of a contract differ, compared and recorded as the API writes them. */
final class ContractDiff {

    /** One changed field; {@code from} and {@code to} are JSON, so {@code 1E+10} and {@code 10000000000.00} are equal. */
    record FieldChange(String field, @JsonRawValue String from, @JsonRawValue String to) {
    }

    private ContractDiff() {
    }

    static List<FieldChange> between(Contract before, Contract after, ObjectMapper mapper) {
        List<FieldChange> changes = new ArrayList<>();
        for (RecordComponent field : Contract.class.getRecordComponents()) {
            String from = json(mapper, valueOf(field, before));
            String to = json(mapper, valueOf(field, after));
            if (!from.equals(to)) {
                changes.add(new FieldChange(field.getName(), from, to));
            }
        }
        return changes;
    }

    private static Object valueOf(RecordComponent field, Contract contract) {
        try {
            return field.getAccessor().invoke(contract);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
