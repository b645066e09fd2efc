package org.landfall.intake.domain;

import java.time.LocalDate;
import java.util.Optional;

import org.landfall.events.Stage;
import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.Text;

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
        return Optional.of(new FieldError("signedOn", IntakeText.SIGNED_AFTER_UPDATE.with(signedOn, what(), effectiveOn)));
    }

    private Text what() {
        if (stage == null) {
            return IntakeText.FIRST_PROGRESS_UPDATE.with();
        }
        return switch (stage) {
            case STARTED -> IntakeText.START.with();
            case OPERATIONAL -> IntakeText.ENTRY_INTO_OPERATION.with();
            case SUSPENDED -> IntakeText.SUSPENSION.with();
            case CANCELLED -> IntakeText.CANCELLATION.with();
            case SIGNED -> IntakeText.RETURN_TO_SIGNED.with();
        };
    }
}
