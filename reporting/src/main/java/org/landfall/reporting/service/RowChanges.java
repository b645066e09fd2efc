package org.landfall.reporting.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.landfall.reporting.domain.Facts;
import org.landfall.reporting.domain.ReportRow;

/**
 * Broadcasts each changed finest row, with its new figures, once the batch that changed it has committed, on
 * whichever instance it was consumed (the notices come through PostgreSQL: messaging.RowNotices, from one thread,
 * in commit order). The rows are read only while somebody listens here: with no subscriber, a notice costs no
 * query at all.
 */
@ApplicationScoped
public class RowChanges {

    private static final Logger LOG = Logger.getLogger(RowChanges.class);

    private volatile BroadcastProcessor<ReportRow> processor = BroadcastProcessor.create();
    private final AtomicInteger listeners = new AtomicInteger();

    @Inject
    LatestReport latest;

    /**
     * A subscriber's stream. The HTTP writer asks for one row at a time, so a burst (a batch changing many rows)
     * waits in a buffer of its own; a client so slow that {@link #BUFFER} rows pile up is cut off, and reconnects
     * as SSE clients do (and reloads the report: a page that missed rows must read them anew anyway).
     */
    public Multi<ReportRow> stream() {
        return Multi.createFrom().deferred(() -> processor)
                .onSubscription().invoke(listeners::incrementAndGet)
                .onTermination().invoke(listeners::decrementAndGet)
                .onOverflow().buffer(BUFFER);
    }

    /** Small: every open stream may hold this many rows (the report stream's count is bounded, StreamLimits). */
    static final int BUFFER = 256;

    /** Sends the latest figures of these rows (one committed batch's, or part of them) to every open stream. */
    public void publish(List<ReadModel.RowKey> rows) {
        if (listeners.get() == 0 || rows.isEmpty()) {
            return;
        }
        Map<Facts.Group, Set<Integer>> quarters = rows.stream().collect(Collectors.groupingBy(
                ReadModel.RowKey::group, Collectors.mapping(ReadModel.RowKey::quarter, Collectors.toCollection(TreeSet::new))));
        List<ReportRow> figures;
        try {
            figures = QuarkusTransaction.requiringNew().call(() -> latest.finest(quarters));
        } catch (RuntimeException e) {
            LOG.warnf("cannot read the changed rows for the report streams: cutting them off (%s)", e.getMessage());
            cutOff();
            return;
        }
        figures.stream().sorted(Comparator.comparing(ReportRow::quarter).thenComparing(r -> r.group().toString()))
                .forEach(processor::onNext);
    }

    /**
     * Ends every open stream with an error: rows were missed (the notices' connection broke, or their figures
     * could not be read), so their clients reconnect and read the report anew, as after any gap.
     */
    public void cutOff() {
        BroadcastProcessor<ReportRow> old = processor;
        processor = BroadcastProcessor.create();
        old.onError(new IllegalStateException("report rows were missed; reconnect and read the report again"));
    }
}
