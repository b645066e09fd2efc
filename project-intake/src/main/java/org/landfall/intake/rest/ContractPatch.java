package org.landfall.intake.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.landfall.intake.domain.Contract;
import org.landfall.intake.domain.IntakeText;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.Text;
import org.landfall.platform.rest.Params;

/**
 * Applies a correction's {@code changes} to a contract: each named field of {@link NewProject} takes its new
 * value (a whole field: a new {@code phases} replaces the list), and the result is read and validated exactly as
 * a new contract's body would be. Errors name the contract's fields; a name that is not one is a 400, like an
 * unknown field in {@code POST /api/projects}.
 * <p>
 * The place is one: new names without a {@code regionCode} drop the current code, so that the names resolve
 * again; a new {@code regionCode} drops the current names, so that those the correction does not give are filled
 * in from the code, as for a new contract.
 */
@ApplicationScoped
public class ContractPatch {

    private static final String REGION_CODE = "regionCode";
    private static final List<String> PLACE_NAMES = List.of("province", "city", "district");

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    public UnaryOperator<Contract> of(Map<String, JsonNode> changes) {
        return current -> {
            ObjectNode merged = mapper.valueToTree(NewProject.of(current));
            JsonNode code = changes.get(REGION_CODE);
            if (code != null && !code.isNull() && !code.asText().strip().equals(current.regionCode())) {
                PLACE_NAMES.forEach(merged::remove);
            } else if (code == null && PLACE_NAMES.stream().anyMatch(changes::containsKey)) {
                merged.remove(REGION_CODE);
            }
            changes.forEach(merged::set);
            NewProject corrected;
            try {
                corrected = mapper.treeToValue(merged, NewProject.class);
            } catch (JsonProcessingException e) {
                throw unreadable(e);
            }
            Set<ConstraintViolation<NewProject>> violations = validator.validate(corrected);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            return corrected.toContract();
        };
    }

    private static ProblemException unreadable(JsonProcessingException e) {
        // The key of changes that holds the unreadable value.
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                && m.getPath().get(0).getFieldName() != null ? m.getPath().get(0).getFieldName() : "changes";
        Text message = e instanceof UnrecognizedPropertyException u
                ? IntakeText.NOT_A_CONTRACT_FIELD.with(u.getPropertyName())
                : IntakeText.WRONG_TYPE_FOR_FIELD.with();
        return Params.malformed(field, message);
    }
}
