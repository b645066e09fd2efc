package org.landfall.reporting.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.landfall.platform.problem.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.platform.security.Roles;
import org.landfall.platform.sheet.Language;
import org.landfall.platform.sheet.Table;
import org.landfall.reporting.domain.DataQuarters;
import org.landfall.reporting.domain.GroupBy;
import org.landfall.reporting.domain.Quarter;
import org.landfall.reporting.domain.Report;
import org.landfall.reporting.domain.ReportRequest;
import org.landfall.reporting.domain.ReportRow;
import org.landfall.reporting.service.Reports;

@Path("/api/reports")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ReportResource {

    static final String CSV = "text/csv";

    @Inject
    Reports reports;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @Inject
    JsonWebToken caller;

    @GET
    @Path("/quarterly")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Quarterly figures, latest or as of a past moment",
            description = "groupBy: none (default), province, city, district, sector, park; grouped by place, a group "
                    + "carries the GB/T 2260 code and Chinese name of the place it stands for (regionCode, regionName). "
                    + "Each figure belongs to the quarter of the date it became true. asOf: the figures implied by the "
                    + "writes recorded at or before it.")
    @APIResponse(responseCode = "400", description = "A malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an analyst, or a place beyond the analyst's jurisdiction (no place: "
            + "the whole country): jurisdiction, requiredJurisdiction", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "to before from, or a range over 200 quarters",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Report quarterly(@BeanParam ReportSearch search) {
        return reports.run(request(search));
    }

    @GET
    @Path("/quarterly")
    @Produces(CSV)
    public Response quarterlyCsv(@BeanParam ReportSearch search) {
        return table(Table.Format.CSV, search);
    }

    @GET
    @Path("/quarterly")
    @Produces(Table.XLSX)
    public Response quarterlyWorkbook(@BeanParam ReportSearch search) {
        return table(Table.Format.XLSX, search);
    }

    @GET
    @Path("/quarterly.csv")
    @Produces(CSV)
    @Operation(summary = "The quarterly figures as CSV",
            description = "The rows of the JSON report, one line each, flat column names; UTF-8 with a byte order mark. "
                    + "Headers in Chinese when Accept-Language prefers zh.")
    @APIResponse(responseCode = "200", description = "The file, as an attachment", content = @Content(mediaType = CSV))
    @APIResponse(responseCode = "403", description = "Not an analyst, or a place beyond the analyst's jurisdiction (no place: "
            + "the whole country): jurisdiction, requiredJurisdiction", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response quarterlyCsvFile(@BeanParam ReportSearch search) {
        return table(Table.Format.CSV, search);
    }

    @GET
    @Path("/quarterly.xlsx")
    @Produces(Table.XLSX)
    @Operation(summary = "The quarterly figures as an .xlsx workbook",
            description = "The columns of the CSV; counts and amounts are number cells, the year-on-year changes, rates "
                    + "and target completions percentages. Headers in Chinese when Accept-Language prefers zh.")
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment", content = @Content(mediaType = Table.XLSX))
    @APIResponse(responseCode = "400", description = "A malformed parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an analyst, or a place beyond the analyst's jurisdiction (no place: "
            + "the whole country): jurisdiction, requiredJurisdiction", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "to before from, or a range over 200 quarters",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response quarterlyWorkbookFile(@BeanParam ReportSearch search) {
        return table(Table.Format.XLSX, search);
    }

    private Response table(Table.Format format, ReportSearch search) {
        ReportRequest request = request(search);
        GroupBy groups = request.groupBy();
        Language language = Language.of(headers);
        List<ReportRow> rows = reports.run(request).rows();
        String span = Quarter.format(request.from()) + "-" + Quarter.format(request.to());
        return Table.download(format, language.pick("Quarterly", "季度报表"), ReportTable.columns(groups, language),
                language.pick("quarterly-", "季度报表-") + span, "quarterly-" + span,
                table -> rows.forEach(r -> table.add(ReportTable.cells(groups, r))));
    }

    @GET
    @Path("/quarters")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The first and last quarters with any figure (null while there is none)",
            description = "Where the data is, so that a dashboard opens on it: the quarters of the latest figures, all "
                    + "places and projects, with any figure or pipeline change that is not zero.")
    public DataQuarters quarters() {
        return reports.dataQuarters();
    }

    /** The request, if it asks for nothing beyond the caller's jurisdiction (else 403, before anything is read). */
    private ReportRequest request(ReportSearch search) {
        ReportRequest request = search.request(clock.getZone(), LocalDate.now(clock));
        Jurisdiction.of(caller).requireArea(request.places().areaCode());
        return request;
    }
}
