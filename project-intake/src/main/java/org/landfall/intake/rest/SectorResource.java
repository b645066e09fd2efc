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
import org.landfall.intake.domain.Sector;
import org.landfall.platform.security.Roles;

@Path("/api/sectors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sectors")
public class SectorResource {

    public record SectorView(String code, String name) {
    }

    @GET
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The sectors a project may be filed under", description = "A project's sector is one of these codes.")
    public List<SectorView> list() {
        return Arrays.stream(Sector.values()).map(s -> new SectorView(s.code(), s.displayName())).toList();
    }
}
