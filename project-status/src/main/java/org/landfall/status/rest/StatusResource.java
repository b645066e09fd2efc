package org.landfall.status.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.landfall.platform.idempotency.IdempotencyKeys;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.rest.Page;
import org.landfall.platform.rest.Params;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.platform.security.Roles;
import org.landfall.status.domain.TrackedProject;
import org.landfall.status.repository.ProjectRepository;
import org.landfall.status.service.BlockerService;
import org.landfall.status.service.EvidenceService;
import org.landfall.status.service.UpdateService;

@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    UpdateService service;

    @Inject
    ProjectRepository projects;

    @Inject
    EvidenceService evidence;

    @Inject
    BlockerService blockers;

    @Inject
    JsonWebToken caller;

    @POST
    @Path("/{id}/updates")
    @RolesAllowed({Roles.SITE_INSPECTOR, Roles.ADMIN})
    @Operation(summary = "Post what an inspector saw",
            description = "A stage change, cumulative figures, milestones reached or a note, dated when they became "
                    + "true (late updates are welcome and restate their quarter). Publishes project.update-recorded. "
                    + "The same Idempotency-Key with the same body answers the first 201 again and records nothing.")
    @APIResponse(responseCode = "201", description = "The update, with id, recordedAt and recordedBy")
    @APIResponse(responseCode = "403", description = "Not a site inspector, or the project lies outside the inspector's "
            + "jurisdiction (jurisdiction, requiredJurisdiction)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown project (or not yet published by intake)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Invalid transition, or a stage change dated before the current "
            + "stage: allowedStages; or the Idempotency-Key was used with another body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A date, figure or milestone rule is broken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response post(@PathParam("id") String id, @Valid @NotNull NewUpdate update,
                         @Parameter(description = "Makes a retry safe: 1-200 printable characters, such as a UUID")
                         @HeaderParam("Idempotency-Key") String idempotencyKey) {
        UUID projectId = Params.projectId(id);
        IdempotencyKeys.Outcome<UpdateView> recorded = service.record(projectId, update.report(), caller.getSubject(),
                Jurisdiction.of(caller), IdempotencyKeys.checked(idempotencyKey), UpdateView.class, u -> UpdateView.of(u, List.of()));
        // The replay is the first answer; the header only tells a client that nothing was recorded this time.
        return Response.created(URI.create("/api/projects/" + projectId + "/status")).entity(recorded.answer())
                .header("Idempotent-Replayed", recorded.replayed()).build();
    }

    @GET
    @Path("/{id}/status")
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "A project's stage, figures and field work",
            description = "The updates (history, oldest first, each with the ids of its photos), the milestones "
                    + "reached and the blockers raised and resolved.")
    public StatusView status(@PathParam("id") String id) {
        UUID projectId = Params.projectId(id);
        TrackedProject p = service.find(projectId).orElseThrow(() -> UpdateService.noProject(projectId));
        return StatusView.of(p, service.history(projectId), evidence.idsByUpdate(projectId), blockers.of(projectId));
    }

    @GET
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "Projects by stage and place, or found by name or code",
            description = "Filters combine; places and sector match case-insensitively; q is a case-insensitive "
                    + "substring of the name, the code or the investor. Only the projects inside the caller's "
                    + "jurisdiction are listed. Ordered by signedOn descending, then code.")
    public Page<StatusView> list(@BeanParam StatusSearch search) {
        Params.Paging paging = search.paging();
        var query = projects.search(search.filter(Jurisdiction.of(caller)));
        var items = query.page(paging.page(), paging.size()).list().stream().map(StatusView::of).toList();
        return new Page<>(items, paging.page(), paging.size(), query.count());
    }
}
