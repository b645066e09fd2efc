package org.landfall.reporting.service;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.ReportRow;

/**
 * Broadcasts each changed finest row, with its new figures, once the batch that changed it has committed. The
 * rows are read only while somebody listens: with no subscriber, a batch costs no query at all.
 */
@ApplicationScoped
public class RowChanges {

    private final BroadcastProcessor<ReportRow> processor = BroadcastProcessor.create();
    private final AtomicInteger listeners = new AtomicInteger();

    @Inject
    LatestReport latest;

    /**
     * A subscriber's stream. The HTTP writer asks for one row at a time, so a burst (a batch changing many rows)
     * waits in a buffer of its own; a client so slow that {@link #BUFFER} rows pile up is cut off, and reconnects
     * as SSE clients do (and reloads the report: a page that missed rows must read them anew anyway).
     */
    public Multi<ReportRow> stream() {
        return processor.onSubscription().invoke(listeners::incrementAndGet)
                .onTermination().invoke(listeners::decrementAndGet)
                .onOverflow().buffer(BUFFER);
    }

    /** Small: every open stream may hold this many rows (the report stream's count is bounded, StreamLimits). */
    static final int BUFFER = 256;

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadModel.RowsChanged changed) {
        if (listeners.get() == 0) {
            return;
        }
        Map<Facts.Group, Set<Integer>> quarters = changed.rows().stream().collect(Collectors.groupingBy(
                ReadModel.RowKey::group, Collectors.mapping(ReadModel.RowKey::quarter, Collectors.toCollection(TreeSet::new))));
        QuarkusTransaction.requiringNew().run(() -> latest.finest(quarters).stream()
                .sorted(java.util.Comparator.comparing(ReportRow::quarter).thenComparing(r -> r.group().toString()))
                .forEach(processor::onNext));
    }
}
