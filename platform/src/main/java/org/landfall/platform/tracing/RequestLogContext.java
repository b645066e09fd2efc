package org.landfall.platform.tracing;

import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Requests about one project ({@code /api/projects/{id}/...}) log with its id in the logging context. */
public class RequestLogContext {

    @ServerRequestFilter
    public void putProject(UriInfo uri) {
        String id = uri.getPathParameters().getFirst("id");
        if (id != null) {
            try {
                MDC.put(LogContext.PROJECT_ID, UUID.fromString(id).toString());
            } catch (IllegalArgumentException notAnId) {
                // a malformed id is answered with 404; there is no project to name
            }
        }
    }

    @ServerResponseFilter
    public void removeProject(ContainerRequestContext request) {
        MDC.remove(LogContext.PROJECT_ID);
    }
}
