package org.landfall.status.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.landfall.events.Stage;
import org.landfall.status.domain.Blocker;
import org.landfall.status.domain.Milestone;
import org.landfall.status.domain.StatusUpdate;
import org.landfall.status.domain.TrackedProject;

/**
 * Where a project stands: its stage since when, the stages it may move to next, its latest figures, its planned
 * dates and key-project lists (intake's), and for one project the record of the field work: the updates
 * ({@code history}, oldest first by effective date, each with its photos), the milestones reached (each on the
 * earliest date an update reported it) and the blockers (oldest first, each with its resolution).
 */
public record StatusView(
        UUID projectId,
        String code,
        String name,
        String investor,
        String province,
        String city,
        String district,
        String regionCode,
        String sector,
        LocalDate signedOn,
        BigDecimal contractValue,
        LocalDate plannedStartOn,
        LocalDate plannedOperationalOn,
        List<String> designations,
        Stage stage,
        LocalDate stageSince,
        List<Stage> allowedStages,
        BigDecimal investmentCompleted,
        BigDecimal fundsInPlace,
        Long jobsCreated,
        Integer progressPercent,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ReachedMilestone> milestones,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<BlockerView> blockers,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<UpdateView> history) {

    public record ReachedMilestone(String code, LocalDate reachedOn) {
    }

    /** A project as listed: where it stands, without its field work. */
    public static StatusView of(TrackedProject p) {
        return of(p, null, null, null);
    }

    /** One project with its updates (oldest first), their photos' ids per update id, and its blockers. */
    public static StatusView of(TrackedProject p, List<StatusUpdate> history, Map<UUID, List<UUID>> evidence,
                                List<Blocker> blockers) {
        return new StatusView(p.id(), p.code(), p.name(), p.investor(), p.province(), p.city(), p.district(), p.regionCode(), p.sector(),
                p.signedOn(), p.contractValue(), p.plannedStartOn(), p.plannedOperationalOn(), p.designations(),
                p.stage(), p.stageSince(), List.copyOf(p.allowedStages()),
                p.investmentCompleted(), p.fundsInPlace(), p.jobsCreated(), p.progressPercent(),
                history == null ? null : reached(history),
                blockers == null ? null : blockers.stream().map(BlockerView::of).toList(),
                history == null ? null : history.stream()
                        .map(u -> UpdateView.of(u, evidence.getOrDefault(u.id(), List.of()))).toList());
    }

    /** Each milestone of the history on the earliest date reported, in the catalogue's order. */
    private static List<ReachedMilestone> reached(List<StatusUpdate> history) {
        Map<String, LocalDate> first = new HashMap<>();
        history.forEach(u -> u.milestones().forEach(m -> first.merge(m, u.effectiveOn(), (a, b) -> a.isBefore(b) ? a : b)));
        return Milestone.ordered(first.keySet()).stream().map(code -> new ReachedMilestone(code, first.get(code))).toList();
    }
}
