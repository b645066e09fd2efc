package org.landfall.status.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.status.domain.Blocker;
import org.landfall.status.domain.TrackedProject;
import org.landfall.status.domain.watch.Level;
import org.landfall.status.domain.watch.WatchFacts;
import org.landfall.status.domain.watch.WatchRules;
import org.landfall.status.domain.watch.Window;
import org.landfall.status.repository.BlockerRepository;
import org.landfall.status.repository.ProjectRepository;
import org.landfall.status.repository.WatchFilter;
import org.landfall.status.repository.WatchRepository;

/**
 * The projects that need attention. Each project's reasons are kept as windows (when each begins and turns red),
 * recomputed in the transaction that changes what they rest on (an update, a blocker, a contract learnt from
 * intake), so that the list of any day is a query.
 */
@ApplicationScoped
public class WatchList {

    /** A project on the list with the reasons that hold today, worst first. */
    public record Item(WatchRepository.Listed project, List<Reason> reasons) {
    }

    public record Reason(Window window, Level level) {
    }

    public record Page(List<Item> items, long total) {
    }

    @Inject
    WatchRepository windows;

    @Inject
    BlockerRepository blockers;

    @Inject
    ProjectRepository projects;

    @Inject
    Clock clock;

    /** Recomputes the windows of these projects from their facts as they stand in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(Collection<TrackedProject> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Map<UUID, List<WatchFacts.OpenBlocker>> open = blockers.open(changed.stream().map(TrackedProject::id).toList())
                .stream().collect(Collectors.groupingBy(Blocker::projectId,
                        Collectors.mapping(b -> new WatchFacts.OpenBlocker(b.kind(), b.owner(), b.raisedOn()), Collectors.toList())));
        Map<UUID, List<Window>> computed = new LinkedHashMap<>();
        for (TrackedProject p : changed) {
            computed.put(p.id(), WatchRules.windows(p.watchFacts(clock.getZone(), open.getOrDefault(p.id(), List.of()))));
            p.watched(WatchRules.VERSION);
        }
        // The windows reference their project: a project persisted in this transaction must be written first.
        projects.flush();
        windows.replace(computed);
    }

    /** Recomputes up to {@code limit} projects whose windows older rules made; answers how many. */
    @Transactional(Transactional.TxType.REQUIRED)
    public int refreshStale(int limit) {
        List<UUID> stale = windows.stale(WatchRules.VERSION, limit);
        if (!stale.isEmpty()) {
            refresh(projects.list("id in ?1", stale));
        }
        return stale.size();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(WatchFilter filter, int page, int size, Locale language) {
        LocalDate today = LocalDate.now(clock);
        List<WatchRepository.Listed> listed = windows.page(filter, today, page, size);
        Map<UUID, List<Window>> begun = windows.begun(listed.stream().map(WatchRepository.Listed::projectId).toList(), today,
                language);
        List<Item> items = listed.stream().map(p -> new Item(p, begun.getOrDefault(p.projectId(), List.of()).stream()
                .map(w -> new Reason(w, w.levelOn(today).orElseThrow()))
                .sorted(Comparator.comparing(Reason::level).reversed()
                        .thenComparing(r -> r.window().since()).thenComparing(r -> r.window().code()))
                .toList())).toList();
        return new Page(items, windows.count(filter, today));
    }
}
