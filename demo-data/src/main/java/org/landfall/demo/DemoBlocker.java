package org.landfall.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A blocker of a demo project: what held it up, who was to clear it, raised on a day and (unless still open)
 * resolved on another. Status holds it when one of the project's blockers has the same kind and description.
 */
record DemoBlocker(String kind, String description, String owner, LocalDate raisedOn, LocalDate resolvedOn, String note) {

    /** The body of {@code POST .../blockers}. */
    Map<String, Object> raising() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("description", description);
        body.put("owner", owner);
        body.put("raisedOn", raisedOn.toString());
        return body;
    }

    /** The body of {@code POST .../blockers/{id}/resolution}. */
    Map<String, Object> resolution() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resolvedOn", resolvedOn.toString());
        body.put("note", note);
        return body;
    }

    /** Whether this is the blocker {@code held} of a project's status. */
    boolean is(JsonNode held) {
        return kind.equals(held.path("kind").asText()) && description.equals(held.path("description").asText());
    }

    /** How a load's summary names it. */
    String describe(DemoProject p) {
        return p.key + " " + kind + " blocker raised on " + raisedOn;
    }
}
