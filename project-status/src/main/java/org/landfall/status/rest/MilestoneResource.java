package org.landfall.status.rest;

import java.util.Arrays;
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

    /** {@code name} in English, as intake's designations; {@code nameZh} in Chinese. */
    public record MilestoneView(String code, String name, String nameZh) {
    }

    @GET
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The milestones an update may report",
            description = "An update's milestones are codes of this list, in its order (the usual order of a project).")
    public List<MilestoneView> list() {
        return Arrays.stream(Milestone.values()).map(m -> new MilestoneView(m.code(), m.displayName(), m.nameZh())).toList();
    }
}
