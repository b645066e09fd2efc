package org.landfall.status.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.landfall.events.Stage;
import org.landfall.status.domain.StatusUpdate;

/**
 * An accepted update: what was reported, for which date, by whom and when, and the ids of its photos
 * ({@code GET .../updates/{id}/evidence/{evidenceId}}), in the order they were attached.
 */
public record UpdateView(
        UUID id,
        UUID projectId,
        Stage stage,
        Stage previousStage,
        LocalDate effectiveOn,
        BigDecimal investmentCompleted,
        BigDecimal fundsInPlace,
        Long jobsCreated,
        Integer progressPercent,
        List<String> milestones,
        String note,
        Instant recordedAt,
        String recordedBy,
        List<UUID> evidence) {

    public static UpdateView of(StatusUpdate u, List<UUID> evidence) {
        return new UpdateView(u.id(), u.projectId(), u.stage(), u.previousStage(), u.effectiveOn(),
                u.investmentCompleted(), u.fundsInPlace(), u.jobsCreated(), u.progressPercent(), u.milestones(), u.note(),
                u.recordedAt(), u.recordedBy(), evidence);
    }
}
