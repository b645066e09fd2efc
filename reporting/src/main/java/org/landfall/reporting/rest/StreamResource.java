package org.landfall.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.landfall.platform.security.Roles;
import org.landfall.reporting.domain.ReportRow;
import org.landfall.reporting.service.RowChanges;

@Path("/api/reports/stream")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class StreamResource {

    @Inject
    RowChanges changes;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server-Sent Events: one event each time a row changes",
            description = "Each event is the latest figures of the finest row that changed: one quarter of one "
                    + "province, city, district and sector.")
    public Multi<ReportRow> stream() {
        return changes.stream();
    }
}
