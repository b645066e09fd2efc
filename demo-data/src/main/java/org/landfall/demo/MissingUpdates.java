package org.landfall.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Which of the updates the demo defines for a project its status history does not hold yet. An update is held
 * by an entry of the same effective date that agrees on every one of stage and figures the update gives (the
 * note is prose and is not compared; an entry may say more than the update). Each entry holds one update at the
 * most, so an update the demo gives twice needs two entries.
 */
final class MissingUpdates {

    private static final List<String> COMPARED = List.of("stage", "investmentCompleted", "jobsCreated", "progressPercent");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MissingUpdates() {
    }

    /** The updates of {@code wanted} that {@code history} (status's, oldest first) does not hold, in their order. */
    static List<Map<String, Object>> in(List<Map<String, Object>> wanted, JsonNode history) {
        List<JsonNode> unclaimed = new ArrayList<>();
        history.forEach(unclaimed::add);
        List<Map<String, Object>> missing = new ArrayList<>();
        for (Map<String, Object> update : wanted) {
            JsonNode u = JSON.valueToTree(update);
            unclaimed.stream().filter(entry -> holds(entry, u)).findFirst()
                    .ifPresentOrElse(unclaimed::remove, () -> missing.add(update));
        }
        return missing;
    }

    private static boolean holds(JsonNode entry, JsonNode update) {
        if (!entry.path("effectiveOn").asText().equals(update.path("effectiveOn").asText())) {
            return false;
        }
        for (String field : COMPARED) {
            JsonNode want = update.path(field);
            if (want.isMissingNode() || want.isNull()) {
                continue;
            }
            if (!Held.same(want, entry.path(field))) {
                return false;
            }
        }
        return true;
    }
}
