package org.landfall.status.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.landfall.platform.rest.Page;
import org.landfall.platform.rest.Params;
import org.landfall.platform.security.Roles;
import org.landfall.status.service.WatchList;

@Path("/api/watchlist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Watch list")
public class WatchlistResource {

    @Inject
    WatchList watchList;

    @GET
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The projects that need attention today, worst first",
            description = "Reasons: NOT_STARTED_PAST_PLANNED_START, NOT_OPERATIONAL_PAST_PLANNED_OPERATION, "
                    + "NO_RECENT_UPDATE, SUSPENDED_TOO_LONG, BEHIND_SCHEDULE, OPEN_BLOCKER, each yellow or red by its "
                    + "thresholds (docs/api/project-status.md); a project's level is its worst reason's. Red before "
                    + "yellow, then the earliest since of the project's worst reasons, then code. Filters combine; "
                    + "places and sector match case-insensitively; designation and reason take any of a comma-separated list.")
    public Page<WatchItemView> list(@BeanParam WatchSearch search) {
        Params.Paging paging = search.paging();
        WatchList.Page page = watchList.list(search.filter(), paging.page(), paging.size());
        return new Page<>(page.items().stream().map(WatchItemView::of).toList(), paging.page(), paging.size(), page.total());
    }
}
