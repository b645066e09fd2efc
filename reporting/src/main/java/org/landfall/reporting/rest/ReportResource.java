package org.landfall.reporting.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.security.Roles;
import org.landfall.reporting.service.ReportQuery;

@Path("/api/reports")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ReportResource {

    /**
     * The answer: the moment the figures are as of (for the latest figures, the watermark: every fact recorded up
     * to it is applied, and {@code ?asOf=} that moment gives the same rows), and one row per quarter and group.
     */
    public record Report(Instant asOf, List<ReportRow> rows) {
    }

    static final String CSV = "text/csv";

    @Inject
    ReportQuery query;

    @ConfigProperty(name = "landfall.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @GET
    @Path("/quarterly")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Quarterly figures, latest or as of a past moment",
            description = "groupBy: none (default), province, city, district, sector. Each figure belongs to the quarter "
                    + "of the date it became true. asOf: the figures implied by the writes recorded at or before it.")
    @APIResponse(responseCode = "400", description = "A malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "to before from, or a range over 200 quarters",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Report quarterly(@QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("groupBy") String groupBy, @QueryParam("province") String province,
                            @QueryParam("city") String city, @QueryParam("district") String district,
                            @QueryParam("sector") String sector, @QueryParam("asOf") String asOf) {
        ReportQuery.Request request = ReportParams.read(from, to, groupBy, province, city, district, sector, asOf, zone);
        ReportQuery.Result result = query.run(request);
        return new Report(result.asOf(), result.rows());
    }

    @GET
    @Path("/quarterly")
    @Produces(CSV)
    public String quarterlyCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("groupBy") String groupBy, @QueryParam("province") String province,
                               @QueryParam("city") String city, @QueryParam("district") String district,
                               @QueryParam("sector") String sector, @QueryParam("asOf") String asOf) {
        ReportQuery.Request request = ReportParams.read(from, to, groupBy, province, city, district, sector, asOf, zone);
        return Csv.of(request.groupBy().columns, query.run(request).rows());
    }

    @GET
    @Path("/quarterly.csv")
    @Produces(CSV)
    @Operation(summary = "The quarterly figures as CSV")
    public String quarterlyCsvFile(@QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("groupBy") String groupBy, @QueryParam("province") String province,
                                   @QueryParam("city") String city, @QueryParam("district") String district,
                                   @QueryParam("sector") String sector, @QueryParam("asOf") String asOf) {
        return quarterlyCsv(from, to, groupBy, province, city, district, sector, asOf);
    }
}
