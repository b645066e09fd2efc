package org.landfall.intake.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.landfall.events.Stage;

/** A stage change that project-status accepted: the stage entered, the date it became true, when status recorded it. */
public record StageChange(Stage stage, LocalDate effectiveOn, Instant recordedAt) {
}
