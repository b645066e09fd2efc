package org.landfall.intake.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
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
import jakarta.ws.rs.core.Context;
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
import org.landfall.platform.security.Jurisdiction;
import org.landfall.platform.security.Roles;
import org.landfall.platform.sheet.Language;
import org.landfall.platform.sheet.Table;

/**
 * Bulk import of signed contracts from a spreadsheet, all or nothing, with the rules of {@code POST /api/projects}:
 * an .xlsx workbook or a CSV file, as the body or as the {@code file} part of a form ({@code multipart/form-data},
 * what a browser's file input sends); and the empty templates to fill in.
 */
@Path("/api/projects/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Signed contracts in bulk, from an .xlsx workbook or a CSV file")
public class ImportResource {

    static final String CSV = "text/csv";
    static final String XLSX = Table.XLSX;
    static final String XLS = "application/vnd.ms-excel";
    static final String XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12";
    private static final String RULES = "Every row must pass every rule of POST /api/projects, or nothing is stored; "
            + "errors are numbered by the file's line (a sheet's row number). The same file again answers the first "
            + "201 and creates nothing. At most 1000 contracts.";

    @Inject
    ContractFile files;

    @Inject
    ImportService imports;

    @Inject
    JsonWebToken caller;

    @Context
    HttpHeaders headers;

    @POST
    @Consumes(CSV)
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Import a CSV file of signed contracts",
            description = "Header line with the columns named like the members of POST /api/projects (nested ones with "
                    + "a dot: plannedCapacity.value, source.url), by their Chinese names, or both as '项目名称 / name'; "
                    + "phases as '5000000000 (20 GWh); 5000000000 (20 GWh)'; designations as 'provincial-key; "
                    + "municipal-key', codes separated by ; or |), then one contract a line. The charset the "
                    + "Content-Type names; without one, UTF-8 (with or without a byte order mark) or else GB18030. " + RULES)
    @APIResponse(responseCode = "201", description = "Every row stored and published; accepted lists line, id and code",
            content = @Content(schema = @Schema(implementation = ImportService.Imported.class)))
    @APIResponse(responseCode = "400", description = "Not a readable CSV table: empty, not in its charset, a broken "
            + "quote, an unknown or missing column", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an intake officer, or rows whose place lies outside the "
            + "officer's jurisdiction: errors lists them; nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "More than 1000 contracts", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Neither CSV nor .xlsx (an .xls or macro-enabled workbook: save it "
            + "as .xlsx)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Rows break rules: errors lists each with line and field (the first "
            + "100; errorCount counts them all); nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response importCsv(byte[] file, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return answer(file, files.readCsv(file, charset(contentType)));
    }

    @POST
    @Consumes(XLSX)
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Import an .xlsx workbook of signed contracts",
            description = "The first sheet, read as the CSV file is: a header row, then one contract a row; number "
                    + "cells as the digits a spreadsheet shows (15 significant), date cells as dates. Workbooks with "
                    + "macros (415) or links to other files (422) are refused; at most 20 MB unpacked (413). " + RULES)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ImportService.Imported.class)))
    @APIResponse(responseCode = "400", description = "Not a readable .xlsx workbook, or its header names no contract's "
            + "columns", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an intake officer, or rows whose place lies outside the "
            + "officer's jurisdiction: errors lists them; nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "More than 1000 contracts, or more than 20 MB unpacked",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Macros, ActiveX, an .xls or a password-protected workbook",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "External links, or rows that break rules; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response importWorkbook(byte[] file) {
        return answer(file, files.readWorkbook(file));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Import a spreadsheet of signed contracts sent as the 'file' part of a form",
            description = "The same as the text/csv or .xlsx upload: a name ending in .xlsx is read as a workbook, "
                    + "one ending in .csv as CSV, else the part's Content-Type decides.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ImportService.Imported.class)))
    public Response importForm(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.badRequest(IntakeText.FORM_NO_FILE.with(), List.of());
        }
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        String type = file.contentType() == null ? "" : file.contentType().toLowerCase(Locale.ROOT);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Browsers on Windows send a .csv file as application/vnd.ms-excel: the file's name decides first.
        if (name.endsWith(".xlsx") || !name.endsWith(".csv") && type.startsWith(XLSX)) {
            return answer(bytes, files.readWorkbook(bytes));
        }
        if (name.endsWith(".csv") || type.startsWith(CSV)) {
            return answer(bytes, files.readCsv(bytes, charset(file.contentType())));
        }
        throw notASpreadsheet();
    }

    @POST
    @Consumes({XLS, XLSM})
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Excel 97-2003 and macro-enabled workbooks are not read: save the sheet as .xlsx", hidden = true)
    public Response importOtherWorkbook(byte[] ignored) {
        throw notASpreadsheet();
    }

    @GET
    @Path("/template.xlsx")
    @Produces(XLSX)
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The empty workbook to fill in and import",
            description = "One sheet whose header row names each contract's column in Chinese and English "
                    + "('项目名称 / name'), as the import reads it back.")
    @APIResponse(responseCode = "200", description = "The workbook, as an attachment",
            content = @Content(mediaType = XLSX))
    public Response templateWorkbook() {
        return template(Table.Format.XLSX);
    }

    @GET
    @Path("/template.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The empty CSV file to fill in and import",
            description = "UTF-8 with a byte order mark; the header line of the workbook template.")
    @APIResponse(responseCode = "200", description = "The file, as an attachment", content = @Content(mediaType = CSV))
    public Response templateCsv() {
        return template(Table.Format.CSV);
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

    private Response template(Table.Format format) {
        Language language = Language.of(headers);
        return Table.download(format, "合同 Contracts",
                ProjectColumn.CONTRACT.stream().map(c -> c.column(c.bilingual())).toList(),
                language.pick("contracts-template", "合同导入模板"), "contracts-template", table -> {
                });
    }

    private Response answer(byte[] file, List<ImportService.Row> rows) {
        ImportService.Outcome outcome = imports.importContracts(file, rows, caller.getSubject(), Jurisdiction.of(caller));
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
            return null; // the file's bytes say
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.of(415, IntakeText.CHARSET_UNKNOWN.with());
        }
    }

    private static ProblemException notASpreadsheet() {
        return ProblemException.of(415, IntakeText.NOT_A_SPREADSHEET.with());
    }

    private static ProblemException noImport(String id) {
        return ProblemException.notFound(IntakeText.NO_IMPORT.with(Text.excerpt(id)));
    }
}
