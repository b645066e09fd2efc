package org.landfall.status;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.landfall.status.BlockerTest.raise;
import static org.landfall.status.BlockerTest.resolve;
import static org.landfall.status.FieldWorkTest.status;
import static org.landfall.status.UpdateRulesTest.post;

import java.time.LocalDate;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.landfall.events.ProjectSnapshot;

/**
 * An update's and a blocker's texts refuse what shows nothing or other than it is (a right-to-left override, a
 * zero-width space, a line separator, a byte order mark) with a 422 naming the field, and store nothing; a note
 * or a description may hold line breaks.
 */
@QuarkusTest
class InvisibleCharactersTest {

    static final LocalDate SIGNED = LocalDate.of(2023, 1, 18);

    @Test
    void shouldRefuseInvisibleCharactersInAnUpdateNamingTheField() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        post(p.id(), "{\"effectiveOn\": \"2023-08-01\", \"note\": \"all \\u202Egood\"}").statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("note"));
        post(p.id(), "{\"effectiveOn\": \"2023-08-01\", \"note\": \"a\\u2028b\"}").statusCode(422)
                .body("errors.field", hasItem("note"));
        post(p.id(), "{\"effectiveOn\": \"2023-08-01\", \"milestones\": [\"first-product\\u200B\"]}").statusCode(422)
                .body("errors.field", hasItem("milestones[0]"));
        status(p.id()).body("history", hasSize(0));

        post(p.id(), "{\"effectiveOn\": \"2023-08-01\", \"note\": \"Foundation poured.\\nSteel next week.\"}")
                .statusCode(201).body("note", equalTo("Foundation poured.\nSteel next week."));
    }

    @Test
    void shouldRefuseInvisibleCharactersInABlockerAndItsResolutionNamingTheField() {
        ProjectSnapshot p = IntakeEvents.known(SIGNED);
        raise(p.id(), BlockerTest.POWER.replace("State Grid", "State\\u200BGrid")).statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("owner"));
        raise(p.id(), BlockerTest.POWER.replace("waits for", "waits\\u202Efor")).statusCode(422)
                .body("errors.field", hasItem("description"));
        raise(p.id(), BlockerTest.POWER.replace("\"power\"", "\"power\\u2028\"")).statusCode(422)
                .body("errors.field", hasItem("kind"));
        status(p.id()).body("blockers", hasSize(0));

        String id = raise(p.id(), BlockerTest.POWER.replace("waits for", "waits\\nfor")).statusCode(201).extract().path("id");
        resolve(p.id(), id, "{\"resolvedOn\": \"2023-05-20\", \"note\": \"approved\\uFEFF\"}").statusCode(422)
                .body("errors.field", hasItem("note"));
        status(p.id()).body("blockers[0].resolvedOn", equalTo(null));
    }
}
