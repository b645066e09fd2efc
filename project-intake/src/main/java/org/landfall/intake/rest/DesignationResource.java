package org.landfall.intake.rest;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.landfall.intake.domain.Designation;
import org.landfall.platform.security.Roles;

@Path("/api/designations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Designations")
public class DesignationResource {

    /** {@code name} in English, as the sectors' names; {@code nameZh} in Chinese. */
    public record DesignationView(String code, String name, String nameZh) {
    }

    @GET
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The key-project lists a project may be on",
            description = "A project's designations are codes of this list.")
    public List<DesignationView> list() {
        return Arrays.stream(Designation.values()).map(d -> new DesignationView(d.code(), d.displayName(), d.nameZh()))
                .toList();
    }
}
