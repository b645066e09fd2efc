package org.landfall.status.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.landfall.events.Stage;
import org.landfall.platform.rest.Params;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.status.repository.ProjectFilter;

/** The query of {@code GET /api/projects}, read by hand so that a bad value gets a problem naming it. */
public record StatusSearch(
        @QueryParam("stage") @Parameter(description = "Any of these stages, comma-separated") String stage,
        @QueryParam("province") String province,
        @QueryParam("city") String city,
        @QueryParam("district") String district,
        @QueryParam("regionCode") @Parameter(description = "A GB/T 2260 code: that place and every place inside it") String regionCode,
        @QueryParam("sector") String sector,
        @QueryParam("q") String q,
        @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String page,
        @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50")) String size) {

    ProjectFilter filter(Jurisdiction within) {
        return new ProjectFilter(Params.choices("stage", stage, Stage.class), Params.text("province", province),
                Params.text("city", city), Params.text("district", district), Params.region("regionCode", regionCode), Params.text("sector", sector), Params.text("q", q),
                within);
    }

    Params.Paging paging() {
        return Params.paging(page, size);
    }
}
