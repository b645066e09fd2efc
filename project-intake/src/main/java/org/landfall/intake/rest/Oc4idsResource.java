package org.landfall.intake.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.landfall.intake.domain.IntakeText;
import org.landfall.intake.service.Dossiers;
import org.landfall.intake.service.IntakeConfig;
import org.landfall.intake.service.ProjectService;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.rest.Params;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.platform.security.Roles;

/** The projects as open data: the Open Contracting for Infrastructure Data Standard (OC4IDS 0.9). */
@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open data", description = "Projects in the Open Contracting for Infrastructure Data Standard (OC4IDS)")
public class Oc4idsResource {

    @Inject
    Dossiers dossiers;

    @Context
    UriInfo uri;

    @Inject
    IntakeConfig config;

    @Inject
    Clock clock;

    @Inject
    JsonWebToken caller;

    @GET
    @Path("/{id}/oc4ids")
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "A project in OC4IDS",
            description = "Valid against the OC4IDS 0.9 project schema: status from the stage project-status reported, "
                    + "budget the contract value in CNY, milestones the signing and the planned and actual start and "
                    + "operational dates.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Oc4ids.Project.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Oc4ids.Project project(@PathParam("id") String id) {
        UUID uuid = Params.projectId(id);
        return dossiers.of(uuid).map(d -> Oc4ids.project(d, config.oc4ids().idPrefix(), clock.getZone()))
                .orElseThrow(() -> ProjectService.noProject(uuid));
    }

    @GET
    @Path("/oc4ids")
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "An OC4IDS project package of the projects a search finds",
            description = "The filters, order and paging of GET /api/projects, inside the caller's jurisdiction. The package schema wants at least one "
                    + "project: a search that finds none is a 404.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Oc4ids.Package.class)))
    @APIResponse(responseCode = "404", description = "No project matches", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Oc4ids.Package projects(@BeanParam PagedProjectSearch search) {
        Params.Paging paging = search.paging();
        List<Dossiers.Dossier> found = dossiers.search(search.filter(Jurisdiction.of(caller)), paging.page(), paging.size());
        if (found.isEmpty()) {
            throw ProblemException.notFound(IntakeText.NO_PROJECT_MATCHES.with());
        }
        // An on-demand package is dated by the last change of what it holds.
        Instant published = found.stream().map(Dossiers.Dossier::updated).max(Instant::compareTo).orElseThrow();
        return new Oc4ids.Package(uri.getRequestUri().toString(), Oc4ids.VERSION, Oc4ids.instant(published),
                new Oc4ids.Publisher(config.oc4ids().publisher()), found.stream().map(d -> Oc4ids.project(d, config.oc4ids().idPrefix(), clock.getZone())).toList());
    }
}
