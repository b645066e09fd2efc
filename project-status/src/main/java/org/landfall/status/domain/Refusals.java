package org.landfall.status.domain;

import java.util.List;

import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.ProblemException;

/** The 422 of a request that breaks rules of the domain: every broken rule at once, each naming its field. */
final class Refusals {

    private Refusals() {
    }

    static void unlessEmpty(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
    }
}
