package org.landfall.reporting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A project's figures through recorded time: at each moment upstream recorded one of its facts, the figures
 * its facts recorded so far imply. Each contribution and stage span is kept with the interval of recorded time
 * in which it held ({@code to} null: it still holds), and only changes start a new interval. A report as of T
 * sums the rows that held at T; the latest report sums the rows that still hold.
 */
public final class FigureHistory {

    public record Versioned<T>(T value, int quarter, Instant from, Instant to) {
    }

    public record History(List<Versioned<Figures.Contribution>> contributions, List<Versioned<Figures.StageSpan>> spans) {
    }

    private FigureHistory() {
    }

    public static History of(List<Facts.ProjectVersion> versions, List<Facts.Update> updates, List<Facts.Plan> plans) {
        TreeSet<Instant> moments = new TreeSet<>();
        versions.forEach(v -> moments.add(v.recordedAt()));
        updates.forEach(u -> moments.add(u.recordedAt()));
        plans.forEach(p -> moments.add(p.recordedAt()));
        List<Facts.ProjectVersion> byRevision = versions.stream()
                .sorted(Comparator.comparingInt(Facts.ProjectVersion::revision)).toList();

        List<Versioned<Figures.Contribution>> contributions = new ArrayList<>();
        List<Versioned<Figures.StageSpan>> spans = new ArrayList<>();
        Map<Integer, Figures.Contribution> current = new HashMap<>();
        Map<Integer, Instant> currentSince = new HashMap<>();
        Map<Figures.StageSpan, Instant> currentSpans = new LinkedHashMap<>();

        for (Instant at : moments) {
            Facts.ProjectVersion contract = null;
            for (Facts.ProjectVersion v : byRevision) {
                if (!v.recordedAt().isAfter(at)) {
                    contract = v;
                }
            }
            List<Facts.Update> known = updates.stream().filter(u -> !u.recordedAt().isAfter(at)).toList();
            List<Facts.Plan> planned = plans.stream().filter(p -> !p.recordedAt().isAfter(at)).toList();
            Figures figures = ProjectFigures.compute(contract, known, planned);

            Set<Integer> quarters = new HashSet<>(current.keySet());
            quarters.addAll(figures.contributions().keySet());
            for (int q : quarters) {
                Figures.Contribution before = current.get(q);
                Figures.Contribution after = figures.contributions().get(q);
                if (!Objects.equals(before, after)) {
                    if (before != null) {
                        contributions.add(new Versioned<>(before, q, currentSince.get(q), at));
                        current.remove(q);
                    }
                    if (after != null) {
                        current.put(q, after);
                        currentSince.put(q, at);
                    }
                }
            }
            Set<Figures.StageSpan> now = new HashSet<>(figures.spans());
            for (var it = currentSpans.entrySet().iterator(); it.hasNext(); ) {
                var span = it.next();
                if (!now.contains(span.getKey())) {
                    spans.add(new Versioned<>(span.getKey(), span.getKey().from(), span.getValue(), at));
                    it.remove();
                }
            }
            for (Figures.StageSpan span : figures.spans()) {
                currentSpans.putIfAbsent(span, at);
            }
        }
        current.forEach((q, c) -> contributions.add(new Versioned<>(c, q, currentSince.get(q), null)));
        currentSpans.forEach((s, since) -> spans.add(new Versioned<>(s, s.from(), since, null)));
        return new History(contributions, spans);
    }
}
