package org.landfall.reporting.rest;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.platform.security.Roles;
import org.landfall.reporting.domain.ReportRow;
import org.landfall.reporting.service.RowChanges;

@Path("/api/reports/stream")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class StreamResource {

    @Inject
    RowChanges changes;

    @Inject
    StreamLimits limits;

    @Inject
    JsonWebToken caller;

    /** A comment line this often keeps proxies from closing a quiet stream, and shows a dead client soon. */
    @ConfigProperty(name = "landfall.stream.heartbeat")
    Duration heartbeat;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events: one event each time a row changes",
            description = "Each event is the latest figures of the finest row that changed: one quarter of one "
                    + "province, city, district and sector. A comment line (`:heartbeat`) comes every 20 s. The stream "
                    + "ends when the token expires (reconnect with a new one); at most 3 streams per person and 200 in "
                    + "all are open at once (one more: 429). It carries every place's rows, so it is the whole "
                    + "country's: an analyst of a province, city or county gets a 403 (and reads the reports of the "
                    + "jurisdiction instead).")
    @APIResponse(responseCode = "403", description = "Not an analyst, or an analyst whose jurisdiction is not the whole "
            + "country", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Jurisdiction.of(caller).requireArea(null);
        // The role was checked now; the stream must not outlive the token that carried it.
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(caller.getExpirationTime()));
        Runnable close = limits.open(caller.getSubject());
        Multi<OutboundSseEvent> rows = changes.stream()
                .map(row -> sse.newEventBuilder().mediaType(MediaType.APPLICATION_JSON_TYPE).data(ReportRow.class, row).build());
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(heartbeat).onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(rows, beats)
                .select().first(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left)
                .onTermination().invoke(close);
    }
}
