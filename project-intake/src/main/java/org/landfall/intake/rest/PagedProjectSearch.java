package org.landfall.intake.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.landfall.platform.rest.Params;

/** A project search answered a page at a time: the listing and the OC4IDS package. */
public class PagedProjectSearch extends ProjectSearch {

    @QueryParam("page")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
    String size;

    Params.Paging paging() {
        return Params.paging(page, size);
    }
}
