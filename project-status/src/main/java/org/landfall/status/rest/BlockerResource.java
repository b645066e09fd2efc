package org.landfall.status.rest;

import org.landfall.status.domain.StatusText;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.rest.Params;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.platform.security.Roles;
import org.landfall.status.service.BlockerService;

/** What holds a project up: raised and resolved by inspectors, shown in the project's status and on the watch list. */
@Path("/api/projects/{id}/blockers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Blockers")
public class BlockerResource {

    @Inject
    BlockerService service;

    @Inject
    JsonWebToken caller;

    @POST
    @RolesAllowed({Roles.SITE_INSPECTOR, Roles.ADMIN})
    @Operation(summary = "Raise a blocker", description = "kind: power, land, approval, financing, equipment or other; "
            + "raisedOn not before the signing date nor in the future.")
    @APIResponse(responseCode = "201", description = "The blocker, open (resolvedOn null)")
    @APIResponse(responseCode = "403", description = "Not a site inspector, or the project lies outside the inspector's "
            + "jurisdiction", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown project", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A rule is broken; errors names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response raise(@PathParam("id") String id, @Valid @NotNull NewBlocker blocker) {
        UUID projectId = Params.projectId(id);
        BlockerView raised = BlockerView.of(service.raise(projectId, blocker.kind(), blocker.description().strip(),
                blocker.owner().strip(), blocker.raisedOn(), caller.getSubject(), Jurisdiction.of(caller)));
        return Response.created(URI.create("/api/projects/" + projectId + "/status")).entity(raised).build();
    }

    @POST
    @Path("/{blockerId}/resolution")
    @RolesAllowed({Roles.SITE_INSPECTOR, Roles.ADMIN})
    @Operation(summary = "Resolve a blocker", description = "resolvedOn not before the day it was raised nor in the future.")
    @APIResponse(responseCode = "200", description = "The blocker, resolved")
    @APIResponse(responseCode = "403", description = "Not a site inspector, or the project lies outside the inspector's "
            + "jurisdiction", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown project, or no such blocker of it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already resolved", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A rule is broken; errors names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BlockerView resolve(@PathParam("id") String id, @PathParam("blockerId") String blockerId,
                               @Valid @NotNull BlockerResolution resolution) {
        UUID projectId = Params.projectId(id);
        return BlockerView.of(service.resolve(projectId, Params.id(StatusText.NO_BLOCKER, blockerId), resolution.resolvedOn(),
                resolution.note() == null || resolution.note().isBlank() ? null : resolution.note().strip(), caller.getSubject(),
                Jurisdiction.of(caller)));
    }
}
