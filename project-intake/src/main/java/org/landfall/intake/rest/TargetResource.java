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
import jakarta.ws.rs.QueryParam;
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
import org.landfall.intake.domain.IntakeText;
import org.landfall.intake.domain.Target;
import org.landfall.intake.service.PlanService;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.rest.Params;
import org.landfall.platform.security.Roles;

@Path("/api/targets/{year}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class TargetResource {

    @Inject
    PlanService service;

    @Inject
    JsonWebToken caller;

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the annual targets of a place",
            description = "Replaces the whole target set of the place (a province, or a city or district in it; names "
                    + "match case-insensitively) for the year: an absent figure has no target. Kept with who and when; "
                    + "publishes target.set. The targets the place already has change nothing and are answered as "
                    + "they stand.")
    @APIResponse(responseCode = "200", description = "The place's targets",
            content = @Content(schema = @Schema(implementation = Target.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a wrong type, an unknown field or a year that is "
            + "not an integer", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A year outside 2000-2100, no province, a district without its "
            + "city, a negative count, or an amount below 0, above 10^13 or with more than 2 decimals",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Target put(@PathParam("year") String year,
                      @RequestBody(content = @Content(examples = @ExampleObject(name = "Shuangyashan",
                              value = "{\"province\": \"Heilongjiang\", \"city\": \"Shuangyashan\", \"starts\": 107, "
                                      + "\"investmentCompleted\": 16600000000}")))
                      @Valid TargetRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(IntakeText.BODY_NOT_TARGET.with(), List.of());
        }
        return service.setTarget(request.toTarget(PlanResource.year(year)), caller.getSubject());
    }

    @GET
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The annual targets of the places",
            description = "Of the year, of the places whose given parts match exactly (case-insensitively): province "
                    + "alone finds the province's own targets and those of its cities and districts. Ordered by "
                    + "province, city and district, each place's own before those inside it.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Target.class)))
    @APIResponse(responseCode = "422", description = "A year outside 2000-2100, or a filter too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<Target> list(@PathParam("year") String year, @QueryParam("province") String province,
                             @QueryParam("city") String city, @QueryParam("district") String district) {
        return service.targets(PlanResource.year(year), Params.text("province", province), Params.text("city", city),
                Params.text("district", district));
    }
}
