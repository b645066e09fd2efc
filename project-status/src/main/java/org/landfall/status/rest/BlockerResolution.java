package org.landfall.status.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.landfall.platform.rest.PlainText;

/** The body of {@code POST /api/projects/{id}/blockers/{blockerId}/resolution}. */
@Schema(example = """
        {"resolvedOn": "2023-05-20", "note": "Power-supply plan approved; installation resumed"}""")
public record BlockerResolution(@NotNull LocalDate resolvedOn, @Size(max = 2000) @PlainText(multiLine = true) String note) {
}
