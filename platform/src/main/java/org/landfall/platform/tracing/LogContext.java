package org.landfall.platform.tracing;

import java.util.UUID;

import org.jboss.logging.MDC;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectEvent;

/**
 * Puts the project and event a log line is about into the logging context (MDC), so JSON logs can be searched by
 * {@code projectId} and {@code eventId}. Use with try-with-resources; closing removes what it put.
 */
public final class LogContext implements AutoCloseable {

    public static final String PROJECT_ID = "projectId";
    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";

    private LogContext() {
    }

    public static LogContext of(LandfallEvent event) {
        if (event instanceof ProjectEvent p) {
            MDC.put(PROJECT_ID, p.projectId().toString());
        }
        MDC.put(EVENT_ID, event.eventId().toString());
        MDC.put(EVENT_TYPE, event.type());
        return new LogContext();
    }

    public static LogContext ofProject(UUID projectId) {
        MDC.put(PROJECT_ID, projectId.toString());
        return new LogContext();
    }

    @Override
    public void close() {
        MDC.remove(PROJECT_ID);
        MDC.remove(EVENT_ID);
        MDC.remove(EVENT_TYPE);
    }
}
