package org.landfall.reporting.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.FigureHistory;
import org.landfall.reporting.domain.LatestFigures;
import org.landfall.reporting.domain.Figures;
import org.landfall.reporting.domain.Quarter;
import org.landfall.reporting.repository.FactStore;

/**
 * Turns events into facts and facts into figures. Every event only adds a fact; the figures of each project it
 * touches are then derived again from all of that project's facts, so late, out-of-order and corrected facts
 * end up exactly as if everything had arrived in order.
 */
@ApplicationScoped
public class ReadModel {

    /** The finest report rows whose latest figures a committed batch changed; observed after commit. */
    public record RowsChanged(Set<RowKey> rows) {
    }

    public record RowKey(int quarter, Facts.Group group) {
    }

    @Inject
    FactStore store;

    @Inject
    Event<RowsChanged> changed;

    @ConfigProperty(name = "landfall.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<LandfallEvent> events) {
        List<Facts.ProjectVersion> versions = new ArrayList<>();
        List<Facts.Update> updates = new ArrayList<>();
        Set<UUID> touched = new HashSet<>();
        for (LandfallEvent event : events) {
            if (event instanceof ProjectSigned e) {
                versions.add(version(e.project(), e.recordedAt()));
            } else if (event instanceof ProjectCorrected e) {
                versions.add(version(e.project(), e.recordedAt()));
            } else if (event instanceof ProjectUpdateRecorded e) {
                updates.add(new Facts.Update(e.updateId(), e.projectId(), e.occurredOn(), e.stage(), e.investmentCompleted(),
                        e.jobsCreated(), e.recordedAt()));
            }
            touched.add(event.projectId());
        }
        store.addVersions(versions);
        store.addUpdates(updates);
        Set<RowKey> rows = recompute(touched);
        if (!rows.isEmpty()) {
            changed.fire(new RowsChanged(rows));
        }
    }

    /**
     * Derives the figure history of each touched project again, all in a few set-wise statements, adds the
     * difference to the pre-aggregated latest figures, and returns the finest report rows whose latest figures moved.
     */
    private Set<RowKey> recompute(Set<UUID> projects) {
        // The two consumers (projects, updates) may touch one project at once: one derives after the other,
        // and then sees the other's committed facts.
        store.lock(projects);
        Map<UUID, List<FactStore.Latest<Figures.Contribution>>> contributionsBefore = store.latestContributions(projects);
        Map<UUID, List<Figures.StageSpan>> spansBefore = store.latestSpans(projects);
        Map<UUID, List<Facts.ProjectVersion>> versions = store.versions(projects);
        Map<UUID, List<Facts.Update>> updates = store.updates(projects);
        Map<UUID, FigureHistory.History> histories = new HashMap<>();
        for (UUID project : projects) {
            histories.put(project, FigureHistory.of(versions.get(project), updates.get(project)));
        }
        store.replace(histories);

        Set<RowKey> rows = new HashSet<>();
        Map<LatestFigures.Key, LatestFigures.Change> latest = LatestFigures.changes();
        for (UUID project : projects) {
            Map<Integer, Figures.Contribution> before = new HashMap<>();
            contributionsBefore.get(project).forEach(l -> before.put(l.quarter(), l.value()));
            rows.addAll(movedRows(before, new HashSet<>(spansBefore.get(project)), histories.get(project)));
            LatestFigures.addDerivation(latest, before, spansBefore.get(project), histories.get(project));
        }
        store.addToLatest(latest);
        return rows;
    }

    private Set<RowKey> movedRows(Map<Integer, Figures.Contribution> before, Set<Figures.StageSpan> spansBefore,
            FigureHistory.History history) {
        Set<RowKey> rows = new HashSet<>();
        Map<Integer, Figures.Contribution> after = new HashMap<>();
        Set<Figures.StageSpan> spansAfter = new HashSet<>();
        history.contributions().stream().filter(v -> v.to() == null).forEach(v -> after.put(v.quarter(), v.value()));
        history.spans().stream().filter(v -> v.to() == null).forEach(v -> spansAfter.add(v.value()));
        Set<Integer> quarters = new HashSet<>(before.keySet());
        quarters.addAll(after.keySet());
        for (int q : quarters) {
            Figures.Contribution b = before.get(q), a = after.get(q);
            if (!Objects.equals(b, a)) {
                if (b != null) {
                    rows.add(new RowKey(q, b.group()));
                }
                if (a != null) {
                    rows.add(new RowKey(q, a.group()));
                }
            }
        }
        int now = Quarter.of(LocalDate.now(zone));
        Set<Figures.StageSpan> moved = new HashSet<>(spansBefore);
        moved.addAll(spansAfter);
        Set<Figures.StageSpan> kept = new HashSet<>(spansBefore);
        kept.retainAll(spansAfter);
        moved.removeAll(kept);
        for (Figures.StageSpan span : moved) {
            int last = span.to() == null ? Math.max(now, span.from()) : span.to() - 1;
            for (int q = span.from(); q <= last; q++) {
                rows.add(new RowKey(q, span.group()));
            }
        }
        return rows;
    }

    private static Facts.ProjectVersion version(ProjectSnapshot p, java.time.Instant recordedAt) {
        return new Facts.ProjectVersion(p.id(), p.revision(), recordedAt, p.signedOn(), p.contractValue(),
                p.plannedJobs() == null ? 0 : p.plannedJobs(),
                new Facts.Group(p.province(), p.city(), p.district() == null ? "" : p.district(), p.sector()));
    }
}
