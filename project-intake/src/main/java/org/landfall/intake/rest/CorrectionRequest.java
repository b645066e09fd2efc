package org.landfall.intake.rest;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.landfall.platform.rest.PlainText;

/** The body of {@code POST /api/projects/{id}/corrections}. */
public record CorrectionRequest(
        @Schema(examples = "Contract value typed with a zero missing")
        @NotBlank @Size(max = 1000) @PlainText String reason,
        @Schema(description = "New values of fields of NewProject, by name; null clears an optional field",
                examples = "{\"contractValue\": 10000000000}")
        @NotEmpty Map<String, JsonNode> changes) {
}
