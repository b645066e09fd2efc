package org.landfall.reporting.service;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.reporting.domain.DataQuarters;
import org.landfall.reporting.domain.Report;
import org.landfall.reporting.domain.ReportRequest;
import org.landfall.reporting.repository.WatermarkStore;

/** Answers a report request from the latest figures, or from the history for a past moment. */
@ApplicationScoped
public class Reports {

    @Inject
    Jdbc jdbc;

    @Inject
    MeterRegistry metrics;

    @Inject
    LatestReport latest;

    @Inject
    PastReport past;

    @Inject
    WatermarkStore watermark;

    /**
     * In one read-only snapshot, so that the latest rows and the watermark they are stamped with (and a past
     * report's three aggregations) are from the same committed state.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Report run(ReportRequest r) {
        jdbc.sql("set transaction isolation level repeatable read, read only").execute();
        noJit(jdbc);
        Timer timer = Timer.builder("landfall.report.query")
                .description("Time to compute a quarterly report from the read model")
                .tag("groupBy", r.groupBy().name().toLowerCase(Locale.ROOT))
                .tag("vintage", r.asOf() == null ? "latest" : "asOf")
                .publishPercentileHistogram()
                .register(metrics);
        if (r.asOf() != null) {
            return timer.record(() -> past.report(r));
        }
        // The latest figures are those as of the watermark, which the versioned figures answer just as well.
        return timer.record(() -> r.preAggregated() ? latest.report(r) : past.report(r.asOf(watermark.current())));
    }

    /**
     * A report is a few short statements whose row estimates (a stage run's quarters) can look large: PostgreSQL's
     * JIT then compiled for longer than they run (tens of milliseconds idle, seconds on a busy machine).
     */
    static void noJit(Jdbc jdbc) {
        jdbc.sql("set local jit = off").execute();
    }

    /** The first and last quarters with any figure, as of the watermark. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DataQuarters dataQuarters() {
        jdbc.sql("set transaction read only").execute();
        return latest.dataQuarters();
    }
}
