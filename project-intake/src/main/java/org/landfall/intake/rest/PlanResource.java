package org.landfall.intake.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.landfall.intake.domain.AnnualPlan;
import org.landfall.intake.domain.IntakeText;
import org.landfall.intake.service.PlanService;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.rest.Params;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.platform.security.Roles;

@Path("/api/projects/{id}/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Annual plans of projects and annual targets of places")
public class PlanResource {

    @Inject
    PlanService service;

    @Inject
    JsonWebToken caller;

    @PUT
    @Path("/{year}")
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Set a project's annual plan",
            description = "The investment planned for the year and whether a construction start is planned that year; "
                    + "replaces the year's plan, is kept with who and when, and publishes project.plan-set. The plan "
                    + "the year already has changes nothing and answers it as it stands.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = AnnualPlan.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type, an unknown field or a year that is "
            + "not an integer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an intake officer, or the project lies outside the officer's "
            + "jurisdiction", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A year outside 2000-2100, no plannedInvestment, or one below 0, "
            + "above 10^13 or with more than 2 decimals", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AnnualPlan put(@PathParam("id") String id, @PathParam("year") String year,
                          @RequestBody(content = @Content(examples = @ExampleObject(name = "plan",
                                  value = "{\"plannedInvestment\": 1200000000, \"startPlanned\": true}")))
                          @Valid PlanRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(IntakeText.BODY_NOT_PLAN.with(), List.of());
        }
        return service.setPlan(Params.projectId(id), year(year), request.plannedInvestment(), request.startIsPlanned(),
                caller.getSubject(), Jurisdiction.of(caller));
    }

    @GET
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "A project's annual plans, by year")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AnnualPlan.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<AnnualPlan> list(@PathParam("id") String id) {
        return service.plans(Params.projectId(id));
    }

    /** A year of a path: not an integer is a 400; the service refuses one outside the years (422). */
    static int year(String value) {
        return Params.integer("year", value, Integer.MIN_VALUE);
    }
}
