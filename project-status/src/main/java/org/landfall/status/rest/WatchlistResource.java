package org.landfall.status.rest;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.landfall.platform.problem.Languages;
import org.landfall.platform.rest.Page;
import org.landfall.platform.rest.Params;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.platform.security.Roles;
import org.landfall.status.service.WatchList;

@Path("/api/watchlist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Watch list")
public class WatchlistResource {

    @Inject
    WatchList watchList;

    @Inject
    JsonWebToken caller;

    @GET
    @RolesAllowed({Roles.INTAKE_OFFICER, Roles.SITE_INSPECTOR, Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The projects that need attention today, worst first",
            description = "Reasons: NOT_STARTED_PAST_PLANNED_START, NOT_OPERATIONAL_PAST_PLANNED_OPERATION, "
                    + "NO_RECENT_UPDATE, SUSPENDED_TOO_LONG, BEHIND_SCHEDULE, OPEN_BLOCKER, each yellow or red by its "
                    + "thresholds (docs/api/project-status.md); a project's level is its worst reason's. Red before "
                    + "yellow, then the earliest since of the project's worst reasons, then code. Filters combine; "
                    + "places and sector match case-insensitively, regionCode a GB/T 2260 place and all inside it; only the "
                    + "projects inside the caller's jurisdiction are listed; designation and "
                    + "reason take any of a comma-separated list. Each reason's detail is in the Accept-Language's "
                    + "language (Simplified Chinese for any zh, else English).")
    public Page<WatchItemView> list(@BeanParam WatchSearch search, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        Params.Paging paging = search.paging();
        Locale language = Languages.of(accept);
        WatchList.Page page = watchList.list(search.filter(Jurisdiction.of(caller)), paging.page(), paging.size(), language);
        return new Page<>(page.items().stream().map(i -> WatchItemView.of(i, language)).toList(), paging.page(),
                paging.size(), page.total());
    }
}
