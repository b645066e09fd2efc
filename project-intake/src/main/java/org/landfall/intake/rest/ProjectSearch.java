package org.landfall.intake.rest;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.landfall.intake.repository.ProjectFilter;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.rest.Params;

/** The query of a project search: the listing and the OC4IDS package read it the same way. */
public class ProjectSearch {

    private static final BigDecimal MAX_YUAN = new BigDecimal("10000000000000");

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

    @QueryParam("minContractValue")
    @Parameter(description = "Yuan: the projects whose contract value is at least this",
            schema = @Schema(type = SchemaType.NUMBER))
    String minContractValue;

    @QueryParam("page")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
    String size;

    ProjectFilter filter() {
        return new ProjectFilter(Params.text("province", province), Params.text("city", city),
                Params.text("district", district), Params.text("sector", sector), Params.date("signedFrom", signedFrom),
                Params.date("signedTo", signedTo), Params.text("q", q), codes(Params.text("designation", designation)),
                Params.text("park", park), amount("minContractValue", minContractValue));
    }

    private static List<String> codes(String list) {
        return list == null ? List.of()
                : Arrays.stream(list.split(",")).map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
    }

    /** Not a number: 400; a number that no amount of the contract can be (negative, above 10^13, beyond fen): 422. */
    private static BigDecimal amount(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw Params.malformed(name, "must be a number of yuan (digits, a point for decimals)");
        }
        if (amount.signum() < 0 || amount.compareTo(MAX_YUAN) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw ProblemException.unprocessable(name, "must be from 0 to 10000000000000 yuan, at most 2 decimals");
        }
        return amount;
    }


    Params.Paging paging() {
        return Params.paging(page, size);
    }
}
