package org.landfall.intake.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.landfall.intake.service.Ledger;
import org.landfall.platform.problem.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.platform.security.Roles;
import org.landfall.platform.sheet.Language;
import org.landfall.platform.sheet.Table;

/**
 * The project ledger (台账) as a spreadsheet: every project the search's filters find, every field a column
 * ({@link ProjectColumn}), headers in Chinese when the request's Accept-Language prefers it.
 */
@Path("/api")
@Tag(name = "Projects", description = "Signed investment contracts")
public class LedgerResource {

    private static final String DESCRIPTION = "The filters of GET /api/projects, in its order, every project they find "
            + "inside the caller's jurisdiction (no paging; at most landfall.ledger.max-rows, 100,000 by default: a search that finds more is a 422). "
            + "Headers in Chinese when Accept-Language prefers zh, else the members' English names, which the import "
            + "reads back; amounts are number cells and dates date cells in the workbook.";

    @Inject
    Ledger ledger;

    @Inject
    Clock clock;

    @Context
    HttpHeaders headers;

    @Inject
    JsonWebToken caller;

    @GET
    @Path("/projects.xlsx")
    @Produces(Table.XLSX)
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The project ledger as an .xlsx workbook", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment", content = @Content(mediaType = Table.XLSX))
    @APIResponse(responseCode = "400", description = "A malformed filter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A filter out of range, or more projects than the ledger holds",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response workbook(@BeanParam ProjectSearch search) {
        return ledger(Table.Format.XLSX, search);
    }

    @GET
    @Path("/projects.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The project ledger as CSV", description = DESCRIPTION + " UTF-8 with a byte order mark.")
    @APIResponse(responseCode = "200", description = "The file, as an attachment", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "400", description = "A malformed filter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A filter out of range, or more projects than the ledger holds",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response csv(@BeanParam ProjectSearch search) {
        return ledger(Table.Format.CSV, search);
    }

    private Response ledger(Table.Format format, ProjectSearch search) {
        var filter = search.filter(Jurisdiction.of(caller));
        Language language = Language.of(headers);
        List<ProjectColumn> columns = Arrays.asList(ProjectColumn.values());
        String date = LocalDate.now(clock).toString();
        return Table.download(format, language.pick("Projects", "项目台账"),
                columns.stream().map(c -> c.column(c.title(language))).toList(),
                language.pick("projects", "项目台账") + "-" + date, "projects-" + date,
                table -> ledger.each(filter, dossier -> {
                    ProjectView project = ProjectView.of(dossier);
                    table.add(columns.stream().map(c -> c.value(project)).toList());
                }));
    }
}
