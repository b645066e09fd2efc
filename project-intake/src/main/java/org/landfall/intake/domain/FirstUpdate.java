package org.landfall.intake.domain;

import java.time.LocalDate;
import java.util.Optional;

import org.landfall.events.Stage;
import org.landfall.platform.problem.FieldError;

/**
 * The earliest-dated update project-status accepted for a project: {@code stage} the stage it entered, null when
 * it carried only figures or a note. Status refuses an update dated before the signing, so a project cannot be
 * signed after this date.
 */
public record FirstUpdate(LocalDate effectiveOn, Stage stage) {

    /** The error of signing on {@code signedOn}, if that is after this update. */
    public Optional<FieldError> refuses(LocalDate signedOn) {
        if (signedOn == null || !signedOn.isAfter(effectiveOn)) {
            return Optional.empty();
        }
        return Optional.of(new FieldError("signedOn", "signedOn " + signedOn + " is after the project's " + what()
                + " on " + effectiveOn + ", which project-status recorded"));
    }

    private String what() {
        if (stage == null) {
            return "first progress update";
        }
        return switch (stage) {
            case STARTED -> "start";
            case OPERATIONAL -> "entry into operation";
            case SUSPENDED -> "suspension";
            case CANCELLED -> "cancellation";
            case SIGNED -> "return to SIGNED";
        };
    }
}
