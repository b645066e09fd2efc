package org.landfall.intake.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.landfall.intake.domain.IntakeText;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.rest.Params;
import org.landfall.platform.security.Roles;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;

@Path("/api/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions")
public class RegionResource {

    /** {@code name} in Chinese as the national list writes it, {@code nameEn} its pinyin or English name. */
    public record RegionView(String code, String name, String nameEn) {

        static RegionView of(Region region) {
            return new RegionView(region.code(), region.name(), region.nameEn());
        }
    }

    @GET
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The administrative divisions (GB/T 2260) inside a place",
            description = "Without a parent, the provinces (with the autonomous regions, municipalities, Hong Kong, "
                    + "Macau and Taiwan); with a province, its cities (a municipality's: its districts and counties, "
                    + "and a province's directly governed counties such as 济源市 come with its cities); with a city, "
                    + "its districts and counties; with a county, none. Ordered by code.")
    @APIResponse(responseCode = "200", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = RegionView.class),
            examples = @ExampleObject(name = "Heilongjiang's cities (part)",
                    value = "[{\"code\": \"230100\", \"name\": \"哈尔滨市\", \"nameEn\": \"Harbin\"}, "
                            + "{\"code\": \"230500\", \"name\": \"双鸭山市\", \"nameEn\": \"Shuangyashan\"}]")))
    @APIResponse(responseCode = "400", description = "A parent that is not six digits",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "A parent that is no code of the list",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<RegionView> list(@Parameter(description = "The GB/T 2260 code of the place whose divisions to list",
            example = "230000") @QueryParam("parent") String parent) {
        Regions regions = Regions.gbt2260();
        if (parent == null || parent.isBlank()) {
            return regions.provinces().stream().map(RegionView::of).toList();
        }
        String code = Params.regionCode("parent", parent);
        Region region = regions.find(code).orElseThrow(() -> ProblemException.notFound(IntakeText.NO_REGION.with(code)));
        return regions.children(region).stream().map(RegionView::of).toList();
    }
}
