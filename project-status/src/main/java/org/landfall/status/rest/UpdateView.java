package org.landfall.status.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.landfall.events.Stage;
import org.landfall.status.domain.StatusUpdate;

/** An accepted update: what was reported, for which date, by whom and when. */
public record UpdateView(
        UUID id,
        UUID projectId,
        Stage stage,
        Stage previousStage,
        LocalDate effectiveOn,
        BigDecimal investmentCompleted,
        Long jobsCreated,
        Integer progressPercent,
        String note,
        Instant recordedAt,
        String recordedBy) {

    public static UpdateView of(StatusUpdate u) {
        return new UpdateView(u.id(), u.projectId(), u.stage(), u.previousStage(), u.effectiveOn(),
                u.investmentCompleted(), u.jobsCreated(), u.progressPercent(), u.note(), u.recordedAt(), u.recordedBy());
    }
}
