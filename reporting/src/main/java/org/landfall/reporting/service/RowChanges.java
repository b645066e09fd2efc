package org.landfall.reporting.service;

import java.util.Map;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.landfall.reporting.domain.GroupBy;
import org.landfall.reporting.rest.ReportRow;

/** Broadcasts each changed finest row, with its new figures, once the batch that changed it has committed. */
@ApplicationScoped
public class RowChanges {

    private static final java.util.Comparator<ReadModel.RowKey> BY_QUARTER_AND_GROUP =
            java.util.Comparator.comparingInt(ReadModel.RowKey::quarter).thenComparing(k -> k.group().toString());

    private final BroadcastProcessor<ReportRow> processor = BroadcastProcessor.create();

    @Inject
    ReportQuery query;

    public Multi<ReportRow> stream() {
        return processor;
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadModel.RowsChanged changed) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (ReadModel.RowKey key : changed.rows().stream().sorted(BY_QUARTER_AND_GROUP).toList()) {
                var g = key.group();
                var filters = new java.util.LinkedHashMap<String, String>();
                filters.put("province", g.province());
                filters.put("city", g.city());
                filters.put("district", g.district());
                filters.put("sector", g.sector());
                query.run(new ReportQuery.Request(key.quarter(), key.quarter(), GroupBy.ALL, Map.copyOf(filters), null))
                        .stream().findFirst().ifPresent(processor::onNext);
            }
        });
    }
}
