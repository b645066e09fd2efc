package org.landfall.reporting.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.events.LandfallEvent;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectEvent;
import org.landfall.events.ProjectPlanSet;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.ProjectUpdateRecorded;
import org.landfall.events.Revisions;
import org.landfall.events.TargetSet;
import org.landfall.platform.messaging.RefusedEvent;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.FigureHistory;
import org.landfall.reporting.domain.LatestFigures;
import org.landfall.reporting.domain.Quarter;
import org.landfall.reporting.domain.Watermark;
import org.landfall.reporting.repository.FactStore;
import org.landfall.reporting.repository.TargetStore;
import org.landfall.reporting.repository.WatermarkStore;

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
    WatermarkStore watermarks;

    @Inject
    TargetStore targets;

    @Inject
    Checkpoints checkpoints;

    @Inject
    Event<RowsChanged> changed;

    @Inject
    Clock clock;

    /**
     * Applies events seen for the first time, and records the latest moment they were recorded at by partition
     * ({@code applied}), in the consumer's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<LandfallEvent> events, Collection<Watermark.Consumed> applied) {
        List<Facts.ProjectVersion> versions = new ArrayList<>();
        List<Facts.Update> updates = new ArrayList<>();
        List<Facts.Plan> plans = new ArrayList<>();
        List<TargetSet> targetSets = new ArrayList<>();
        Set<UUID> touched = new HashSet<>();
        Map<UUID, Integer> revisions = store.revisions(events.stream()
                .filter(e -> e instanceof ProjectSigned || e instanceof ProjectCorrected)
                .map(e -> ((ProjectEvent) e).projectId()).toList());
        for (LandfallEvent event : events) {
            if (event instanceof ProjectSigned e) {
                versions.add(version(e, e.project(), revisions));
            } else if (event instanceof ProjectCorrected e) {
                versions.add(version(e, e.project(), revisions));
            } else if (event instanceof ProjectUpdateRecorded e) {
                updates.add(new Facts.Update(e.updateId(), e.projectId(), e.occurredOn(), e.stage(), e.investmentCompleted(),
                        e.jobsCreated(), e.fundsInPlace(), e.recordedAt()));
            } else if (event instanceof ProjectPlanSet e) {
                plans.add(new Facts.Plan(e.eventId(), e.projectId(), e.year(), e.plannedInvestment(), e.startPlanned(),
                        e.recordedAt()));
            } else if (event instanceof TargetSet e) {
                targetSets.add(e);
            }
            if (event instanceof ProjectEvent p) {
                touched.add(p.projectId());
            }
        }
        store.addVersions(versions);
        store.addUpdates(updates);
        store.addPlans(plans);
        targets.add(targetSets);
        watermarks.record(applied);
        Set<RowKey> rows = recompute(touched, Stream.of(versions.stream().map(Facts.ProjectVersion::recordedAt),
                updates.stream().map(Facts.Update::recordedAt), plans.stream().map(Facts.Plan::recordedAt))
                .flatMap(s -> s).min(Instant::compareTo).orElse(null));
        if (!rows.isEmpty()) {
            changed.fire(new RowsChanged(rows));
        }
    }

    /**
     * Derives the figure history of each touched project again (facts recorded from {@code earliest} on), all in a few set-wise statements, adds the
     * difference to the pre-aggregated latest figures (kept as of the watermark), and returns the finest report
     * rows whose latest figures moved.
     */
    private Set<RowKey> recompute(Set<UUID> projects, Instant earliest) {
        // The two consumers (projects, updates) may touch one project at once: one derives after the other,
        // and then sees the other's committed facts.
        store.lock(projects);
        Instant watermark = watermarks.holdShared();
        if (earliest != null) {
            checkpoints.arrived(earliest, watermark);
        }
        Map<UUID, FigureHistory.History> before = store.histories(projects);
        Map<UUID, List<Facts.ProjectVersion>> versions = store.versions(projects);
        Map<UUID, List<Facts.Update>> updates = store.updates(projects);
        Map<UUID, List<Facts.Plan>> plans = store.plans(projects);
        Map<UUID, FigureHistory.History> histories = new HashMap<>();
        for (UUID project : projects) {
            histories.put(project, FigureHistory.of(versions.get(project), updates.get(project), plans.get(project)));
        }
        store.replace(histories);

        Map<LatestFigures.Key, LatestFigures.Change> latest = LatestFigures.changes();
        Set<LatestFigures.Key> lowered = new TreeSet<>();
        for (UUID project : projects) {
            lowered.addAll(LatestFigures.addRederivation(latest, before.get(project), histories.get(project), watermark));
        }
        store.addToLatest(latest);
        store.recomputeMoments(lowered, watermark);
        return rows(latest);
    }

    /**
     * Moves the watermark as far as the partitions' positions allow (after recording {@code consumed}, the
     * positions of a batch just applied), bringing the latest figures to the new moment. {@code ends} null: the
     * broker did not say where the partitions end, so the positions are recorded and the watermark stays.
     * {@code wait} false: if another transaction holds the watermark (a consumer deriving a batch), nothing is
     * recorded and false is returned, for a later call to record it. Returns true once recorded.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean advance(Collection<Watermark.Consumed> consumed, Map<Watermark.Partition, Long> ends, boolean wait) {
        Instant from = wait ? watermarks.holdExclusive() : watermarks.tryHoldExclusive();
        if (from == null) {
            return false;
        }
        watermarks.record(consumed);
        Instant to = ends == null ? from : Watermark.next(from, watermarks.consumed(), ends);
        if (!to.isAfter(from)) {
            return true;
        }
        Map<LatestFigures.Key, LatestFigures.Change> latest = LatestFigures.changes();
        LatestFigures.addMove(latest, store.versionsBetween(from, to), from, to);
        store.addToLatest(latest);
        watermarks.moveTo(to);
        Set<RowKey> rows = rows(latest);
        if (!rows.isEmpty()) {
            changed.fire(new RowsChanged(rows));
        }
        return true;
    }

    /** Whether facts later than the watermark have been applied, so that it has to move. */
    @Transactional
    public boolean behind() {
        return watermarks.behind();
    }

    /**
     * The finest report rows that changed stored rows affect, up to the current quarter: a row's own quarter, the
     * rest of its year and the next (their year to date and year on year add it up), and for a pipeline change
     * every later quarter, whose end-of-quarter counts add it up.
     */
    private Set<RowKey> rows(Map<LatestFigures.Key, LatestFigures.Change> changes) {
        int now = Quarter.of(LocalDate.now(clock));
        Set<RowKey> rows = new HashSet<>();
        for (var e : changes.entrySet()) {
            LatestFigures.Key k = e.getKey();
            if (k.level() == LatestFigures.FINEST) {
                Facts.Group group = new Facts.Group(k.place(), k.sector());
                int endOfNextYear = (Math.floorDiv(k.quarter(), 4) + 2) * 4 - 1;
                int last = Math.max(k.quarter(), e.getValue().coversLaterQuarters() ? now : Math.min(now, endOfNextYear));
                for (int q = k.quarter(); q <= last; q++) {
                    rows.add(new RowKey(q, group));
                }
            }
        }
        return rows;
    }

    /**
     * The fact of a contract's revision, refused when it skips ahead of the highest revision held ({@code held}, by
     * project, which it then raises): it would outrank every genuine correction to come.
     */
    private static Facts.ProjectVersion version(ProjectEvent event, ProjectSnapshot p, Map<UUID, Integer> held) {
        String refusal = Revisions.refusal(held.getOrDefault(p.id(), 0), p);
        if (refusal != null) {
            throw new RefusedEvent(event, refusal);
        }
        held.merge(p.id(), p.revision(), Math::max);
        return new Facts.ProjectVersion(p.id(), p.revision(), event.recordedAt(), p.signedOn(), p.contractValue(),
                p.plannedJobs() == null ? 0 : p.plannedJobs(),
                new Facts.Location(p.province(), p.city(), p.district() == null ? "" : p.district(), p.regionCode()),
                p.sector(), p.park() == null ? "" : p.park(), p.designations(), p.plannedStartOn());
    }
}
