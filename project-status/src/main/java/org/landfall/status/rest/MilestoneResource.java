package org.landfall.status.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.landfall.platform.security.Roles;
import org.landfall.status.domain.Milestone;

@Path("/api/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Milestones")
public class MilestoneResource {

    @GET
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The milestones an update may report",
            description = "[{code, name, nameZh}]: an update's milestones are codes of this list, kept in its order "
                    + "(the usual order of a project); name is English, nameZh Chinese, as intake's designations.")
    public List<Milestone> list() {
        return Milestone.ALL;
    }
}
