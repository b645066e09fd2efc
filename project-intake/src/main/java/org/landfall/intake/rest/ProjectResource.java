package org.landfall.intake.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.landfall.intake.domain.Project;
import org.landfall.intake.service.ProjectService;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.security.Roles;

@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectResource {

    @Inject
    ProjectService service;

    @Inject
    JsonWebToken caller;

    @POST
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.ADMIN})
    public Response sign(@Valid @NotNull NewProject request) {
        Project p = service.sign(request, caller.getSubject());
        return Response.created(URI.create("/api/projects/" + p.id)).entity(ProjectView.of(p)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    public ProjectView get(@PathParam("id") UUID id) {
        return service.find(id).map(ProjectView::of)
                .orElseThrow(() -> ProblemException.notFound("no project " + id));
    }
}
