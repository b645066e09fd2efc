package org.landfall.intake.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.landfall.intake.domain.IntakeText;
import org.landfall.intake.service.Dossiers;
import org.landfall.intake.service.ProjectService;
import org.landfall.intake.service.Signings;
import org.landfall.platform.idempotency.IdempotencyKeys;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.rest.Page;
import org.landfall.platform.rest.Params;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.platform.security.Roles;

@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "Signed investment contracts")
public class ProjectResource {

    static final String YIWEI = """
            {"name": "Yiwei Lithium Energy Storage and Power Battery Project",
             "investor": "Huizhou Yiwei Lithium Energy Co., Ltd.",
             "province": "Liaoning", "city": "Shenyang", "district": "Tiexi",
             "sector": "new-energy", "signedOn": "2022-09-27", "contractValue": 10000000000,
             "plannedJobs": 300, "plannedCapacity": {"value": 40, "unit": "GWh"},
             "phases": [{"number": 1, "investment": 5000000000, "capacity": {"value": 20, "unit": "GWh"}}],
             "plannedStartOn": "2023-01-01", "plannedOperationalOn": "2025-12-31",
             "source": {"title": "Yiwei project signed in Tiexi", "url": "https://example.org/a", "publishedOn": "2022-09-28"}}
            """;

    @Inject
    ProjectService service;

    @Inject
    Signings signings;

    @Inject
    Dossiers dossiers;

    @Inject
    ContractPatch patch;

    @Inject
    JsonWebToken caller;

    @POST
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Enter a signed contract",
            description = "Validates and stores the contract, resolves its place to a GB/T 2260 regionCode (or checks the "
                    + "one given and fills in the names), gives it a code and publishes project.signed. The same "
                    + "Idempotency-Key with the same body answers the first 201 again and creates nothing.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the project",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type or an unknown field", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an intake officer, or the place lies outside the officer's "
            + "jurisdiction (jurisdiction, requiredJurisdiction)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The same investor, name and signing date exist (existingProjectId), "
            + "or the Idempotency-Key was used with another body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A rule is broken; errors names the fields", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response sign(
            @RequestBody(content = @Content(schema = @Schema(implementation = NewProject.class),
                    examples = @ExampleObject(name = "Yiwei", value = YIWEI))) @Valid NewProject request,
            @Parameter(description = "Makes a retry safe: 1-200 printable characters, such as a UUID")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (request == null) {
            throw ProblemException.badRequest(IntakeText.BODY_NOT_CONTRACT.with(), List.of());
        }
        ProjectService.Signed signed = signings.sign(request.toContract(), caller.getSubject(), Jurisdiction.of(caller),
                IdempotencyKeys.checked(idempotencyKey));
        // The replay is the first answer, byte for byte; the header only tells a client that nothing was created.
        return Response.created(location(signed.project().id())).entity(ProjectView.of(signed.project()))
                .header("Idempotent-Replayed", signed.replayed()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "A project")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such project (also for an id that is not a UUID)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ProjectView get(@PathParam("id") String id) {
        UUID uuid = Params.projectId(id);
        return dossiers.of(uuid).map(ProjectView::of).orElseThrow(() -> ProjectService.noProject(uuid));
    }

    @GET
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Find projects",
            description = "Filters combine; places, sector and park match case-insensitively; q is a case-insensitive "
                    + "substring of the name or the investor; designation is a comma-separated list of codes (a "
                    + "project with any of them matches); minContractValue keeps contract values at least that; "
                    + "regionCode keeps the projects at that GB/T 2260 place or inside it. Only the projects inside the "
                    + "caller's jurisdiction are listed. Ordered by signedOn descending, then code.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "page, size, minContractValue or a date is not a number or a date, "
            + "or regionCode is not a code of GET /api/regions", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "page < 0, size outside 1..200, minContractValue outside 0..10^13 or "
            + "beyond 2 decimals, or a filter too long", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<ProjectView> list(@BeanParam PagedProjectSearch search) {
        Params.Paging paging = search.paging();
        ProjectService.Found found = service.search(search.filter(Jurisdiction.of(caller)), paging.page(), paging.size());
        return new Page<>(dossiers.of(found.items()).stream().map(ProjectView::of).toList(),
                paging.page(), paging.size(), found.total());
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Correct a data-entry mistake",
            description = "changes names fields of NewProject with their right values; the corrected contract must "
                    + "pass every rule of a new one. The code never changes, even if signedOn moves to another year. "
                    + "New names without regionCode resolve again; a new regionCode gives the place anew. "
                    + "Publishes project.corrected with the whole corrected contract.")
    @APIResponse(responseCode = "200", description = "The corrected project, revision + 1",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or changes names a field the contract does not have",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an intake officer, or the project lies (or would lie) outside "
            + "the officer's jurisdiction", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The corrected contract duplicates another project (existingProjectId)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No reason, no changes, changes that change nothing, or a broken rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ProjectView correct(@PathParam("id") String id,
                               @RequestBody(content = @Content(examples = @ExampleObject(name = "contract value",
                                       value = "{\"reason\": \"Contract value typed with a zero missing\", \"changes\": {\"contractValue\": 10000000000}}")))
                               @Valid CorrectionRequest request) {
        UUID uuid = Params.projectId(id);
        if (request == null) {
            throw ProblemException.badRequest(IntakeText.BODY_NOT_CORRECTION.with(), List.of());
        }
        return ProjectView.of(service.correct(uuid, request.reason(), caller.getSubject(), Jurisdiction.of(caller),
                patch.of(request.changes())).snapshot());
    }

    @GET
    @Path("/{id}/corrections")
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The corrections of a project, oldest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CorrectionView.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<CorrectionView> corrections(@PathParam("id") String id) {
        return service.corrections(Params.projectId(id)).stream().map(CorrectionView::of).toList();
    }

    private static URI location(UUID id) {
        return URI.create("/api/projects/" + id);
    }
}
