package org.landfall.status.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.landfall.events.Stage;
import org.landfall.status.domain.StatusUpdate;
import org.landfall.status.domain.TrackedProject;

/**
 * Where a project stands: its stage since when, the stages it may move to next, its latest figures, and (for one
 * project) its whole history, oldest first by effective date.
 */
public record StatusView(
        UUID projectId,
        String code,
        String name,
        String investor,
        String province,
        String city,
        String district,
        String sector,
        LocalDate signedOn,
        BigDecimal contractValue,
        Stage stage,
        LocalDate stageSince,
        List<Stage> allowedStages,
        BigDecimal investmentCompleted,
        Long jobsCreated,
        Integer progressPercent,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        List<UpdateView> history) {

    public static StatusView of(TrackedProject p, List<StatusUpdate> history) {
        return new StatusView(p.id(), p.code(), p.name(), p.investor(), p.province(), p.city(), p.district(), p.sector(),
                p.signedOn(), p.contractValue(), p.stage(), p.stageSince(), List.copyOf(p.allowedStages()),
                p.investmentCompleted(), p.jobsCreated(), p.progressPercent(),
                history == null ? null : history.stream().map(UpdateView::of).toList());
    }
}
