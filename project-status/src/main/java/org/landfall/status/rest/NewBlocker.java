package org.landfall.status.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.landfall.platform.rest.PlainText;

/** The body of {@code POST /api/projects/{id}/blockers}. {@code kind} is read as text so that a bad one is a 422. */
@Schema(example = """
        {"kind": "power", "description": "Equipment installation waits for the power-supply plan",
         "owner": "State Grid Shuangyashan", "raisedOn": "2023-04-10"}""")
public record NewBlocker(
        @NotNull @Schema(type = SchemaType.STRING, enumeration = {"power", "land", "approval", "financing", "equipment", "other"})
        @PlainText String kind,
        @NotBlank @Size(max = 2000) @PlainText(multiLine = true) String description,
        @Schema(description = "Who is to clear it: a person, an office or a company")
        @NotBlank @Size(max = 200) @PlainText String owner,
        @NotNull LocalDate raisedOn) {
}
