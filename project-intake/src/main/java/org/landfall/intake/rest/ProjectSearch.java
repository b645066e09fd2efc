package org.landfall.intake.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.landfall.intake.repository.ProjectFilter;
import org.landfall.platform.rest.Params;
import org.landfall.platform.security.Jurisdiction;

/**
 * The filters of a project search: the listing, the OC4IDS package and the ledger read them the same way (the
 * first two a page at a time: {@link PagedProjectSearch}).
 */
public class ProjectSearch {


    @QueryParam("province")
    String province;

    @QueryParam("city")
    String city;

    @QueryParam("district")
    String district;

    @QueryParam("sector")
    String sector;

    @QueryParam("signedFrom")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
    String signedFrom;

    @QueryParam("signedTo")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"))
    String signedTo;

    @QueryParam("q")
    String q;

    @QueryParam("designation")
    @Parameter(description = "Codes of GET /api/designations, comma-separated: the projects with any of them",
            example = "provincial-key,municipal-key")
    String designation;

    @QueryParam("park")
    String park;

    @QueryParam("regionCode")
    @Parameter(description = "A GB/T 2260 code: the projects at that place and everywhere inside it (230000: all of "
            + "Heilongjiang; 230500: Shuangyashan and its counties; 230523: that county)", example = "230500")
    String regionCode;

    @QueryParam("minContractValue")
    @Parameter(description = "Yuan: the projects whose contract value is at least this",
            schema = @Schema(type = SchemaType.NUMBER))
    String minContractValue;

    /** The filters, within the caller's jurisdiction (a listing shows nothing beyond it). */
    ProjectFilter filter(Jurisdiction within) {
        return new ProjectFilter(Params.text("province", province), Params.text("city", city),
                Params.text("district", district), Params.text("sector", sector), Params.date("signedFrom", signedFrom),
                Params.date("signedTo", signedTo), Params.text("q", q), Params.codes("designation", designation),
                Params.text("park", park), Params.amount("minContractValue", minContractValue), Params.region("regionCode", regionCode),
                within);
    }
}
