package org.landfall.intake.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.landfall.intake.domain.IntakeText;
import org.landfall.intake.service.ImportService;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.Text;
import org.landfall.platform.security.Roles;

/**
 * Bulk import of signed contracts from a CSV file, all or nothing, with the rules of {@code POST /api/projects}.
 * The file comes as the body ({@code Content-Type: text/csv}) or as the {@code file} part of a form
 * ({@code multipart/form-data}, what a browser's file input sends).
 */
@Path("/api/projects/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Signed contracts in bulk, from a spreadsheet saved as CSV")
public class ImportResource {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String XLS = "application/vnd.ms-excel";

    @Inject
    ContractFile files;

    @Inject
    ImportService imports;

    @Inject
    JsonWebToken caller;

    @POST
    @Consumes(CSV)
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Import a CSV file of signed contracts",
            description = "Header line with the columns named like the members of POST /api/projects (nested ones with "
                    + "a dot: plannedCapacity.value, source.url; phases as '5000000000 (20 GWh); 5000000000 (20 GWh)'; "
                    + "designations as 'provincial-key; municipal-key', codes separated by ; or |), "
                    + "then one contract a line; UTF-8 unless the Content-Type names another charset; at most 1000 "
                    + "contracts. Every row must pass every rule of POST /api/projects, or nothing is stored. The same "
                    + "file again answers the first 201 and creates nothing.")
    @APIResponse(responseCode = "201", description = "Every row stored and published; accepted lists line, id and code",
            content = @Content(schema = @Schema(implementation = ImportService.Imported.class)))
    @APIResponse(responseCode = "400", description = "Not a readable CSV table: empty, not in its charset, a broken "
            + "quote, an unknown or missing column", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "More than 1000 contracts", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not CSV (an Excel workbook: save it as CSV UTF-8)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Rows break rules: errors lists each with line and field; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response importCsv(byte[] file, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return answer(file, charset(contentType));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Import a CSV file of signed contracts sent as the 'file' part of a form",
            description = "The same as the text/csv upload.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ImportService.Imported.class)))
    public Response importForm(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.badRequest(IntakeText.FORM_NO_FILE.with(), List.of());
        }
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
        // Browsers on Windows send a .csv file as application/vnd.ms-excel: the file's name decides first.
        if (name.endsWith(".xlsx") || name.endsWith(".xls") || !name.endsWith(".csv") && !type.startsWith(CSV)) {
            throw notCsv();
        }
        try {
            return answer(Files.readAllBytes(file.uploadedFile()), charset(file.contentType()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Consumes({XLSX, XLS})
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Excel workbooks are not read: save the sheet as CSV UTF-8", hidden = true)
    public Response importWorkbook(byte[] ignored) {
        throw notCsv();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The answer an import got")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportService.Imported.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw noImport(id);
        }
        return Response.ok(imports.answer(uuid).orElseThrow(() -> noImport(id)), MediaType.APPLICATION_JSON).build();
    }

    private Response answer(byte[] file, Charset charset) {
        List<ImportService.Row> rows = files.read(file, charset);
        ImportService.Outcome outcome = imports.importContracts(file, rows, caller.getSubject());
        // A re-upload gets the first answer byte for byte; the header only tells that nothing was created.
        return Response.created(URI.create("/api/projects/imports/" + outcome.id()))
                .entity(outcome.answer()).type(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", outcome.replayed()).build();
    }

    private static Charset charset(String contentType) {
        String name = null;
        if (contentType != null) {
            try {
                name = MediaType.valueOf(contentType).getParameters().get("charset");
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(IntakeText.CONTENT_TYPE_UNREADABLE.with(), List.of());
            }
        }
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.of(415, IntakeText.CHARSET_UNKNOWN.with());
        }
    }

    private static ProblemException notCsv() {
        return ProblemException.of(415, IntakeText.NOT_CSV.with());
    }

    private static ProblemException noImport(String id) {
        return ProblemException.notFound(IntakeText.NO_IMPORT.with(Text.excerpt(id)));
    }
}
