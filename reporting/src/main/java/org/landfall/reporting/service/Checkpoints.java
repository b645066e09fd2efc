package org.landfall.reporting.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.landfall.events.Stage;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.jdbc.SqlStatement;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.GroupBy;
import org.landfall.reporting.domain.Quarter;
import org.landfall.reporting.domain.Watermark;
import org.landfall.reporting.repository.FigureColumns;
import org.landfall.reporting.repository.WatermarkStore;

/**
 * Checkpoints of the figures at quarter ends (decision 48) and at weeks inside quarters (decision 56): for each period
 * the watermark has passed the end of, what the versions that began or ended in it changed, pre-aggregated in
 * latest_figure's shape. Quarter periods chain from the beginning; inside each quarter, week periods chain from its
 * start, seven days apart from its first day, the last one ending a week or less before the quarter end. The figures
 * as of a moment are the quarter periods up to the last quarter end by it, that quarter's weeks up to the last week end
 * by it, and the changes of the versions since: a past report reads stored rows and at most a week of versions.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);

    /** The advisory lock building a period shares and dropping stale periods takes alone (see {@link #arrived}). */
    private static final long LOCK = 0x4c616e6466616c6cL;

    /** The key columns of latest_figure's groups, whose grouping sets are its eight levels. */
    private static final List<String> KEYS = GroupBy.ALL.keyColumns;

    /** How far behind the clock a watermark with facts beyond it means a replay rather than live traffic. */
    private static final Duration REPLAY_LAG = Duration.ofHours(1);

    /** What {@link #buildNext} answers when it built a period. */
    private static final Instant BUILT = Instant.MIN;

    /** Later than any period's end. */
    private static final Instant EVER = Instant.parse("9999-01-01T00:00:00Z");

    @Inject
    Jdbc jdbc;

    @Inject
    WatermarkStore watermark;

    @Inject
    Clock clock;

    @Inject
    Backlog backlog;

    /** The end of the next period to build, once a catch-up found it not yet due; null: unknown. */
    private volatile Instant nextEnd;

    /**
     * The rows, one per version with a boundary in ({@code after}, {@code upTo}] (and per quarter it marks), that
     * bring figures kept as of {@code after} to {@code upTo}, in latest_figure's columns: the figures and stage
     * changes of the versions holding at {@code upTo} minus those holding at {@code after}, and as moments the
     * later of each version's boundaries in the window, as {@link org.landfall.reporting.domain.LatestFigures}
     * moves the latest figures. {@code filter} appends a selection to each table's conditions; quarters after
     * {@code lastQuarter} (null: none) are left out.
     */
    static SqlStatement changes(SqlStatement sql, List<String> keyColumns, Instant after, Instant upTo,
            Integer lastQuarter, UnaryOperator<SqlStatement> filter) {
        String keys = keyColumns.stream().map(c -> ", " + c).collect(Collectors.joining());
        String versions = "select *, (case when valid_from <= ? and (valid_to is null or valid_to > ?) then 1 else 0 end)"
                + " - (case when valid_from <= ? and (valid_to is null or valid_to > ?) then 1 else 0 end) as s,"
                + " case when valid_to <= ? then valid_to else valid_from end as t from ";
        String window = " where ((valid_from > ? and valid_from <= ?) or (valid_to > ? and valid_to <= ?))";
        Object[] params = {upTo, upTo, after, after, upTo, after, upTo, after, upTo};

        sql.append("select quarter" + keys
                + Stream.of(Figure.values()).map(f -> ", " + f.column + " * s as " + f.column).collect(Collectors.joining())
                + Stream.of(Stage.values()).map(st -> ", 0 as " + FigureColumns.stageChange(st)).collect(Collectors.joining())
                + ", t as " + FigureColumns.UPDATED_AT + ", null::timestamptz as " + FigureColumns.OPEN_UPDATED_AT
                + " from (" + versions + "contribution" + window, params);
        if (lastQuarter != null) {
            sql.append(" and quarter <= ?", lastQuarter);
        }
        filter.apply(sql).append(") as c union all ");

        // A stage run adds its project to its stage from its first quarter and takes it out at to_quarter; a closed
        // run marks each quarter it covers, an open one its first quarter through open_updated_at.
        sql.append("select q.quarter" + keys
                + Stream.of(Figure.values()).map(f -> ", 0 as " + f.column).collect(Collectors.joining())
                + Stream.of(Stage.values()).map(st -> ", case when stage = '" + st.name() + "' then (case when q.quarter"
                        + " = from_quarter then s else 0 end) - (case when q.quarter = to_quarter then s else 0 end)"
                        + " else 0 end as " + FigureColumns.stageChange(st)).collect(Collectors.joining())
                + ", case when q.quarter < to_quarter then t end as " + FigureColumns.UPDATED_AT
                + ", case when to_quarter is null then t end as " + FigureColumns.OPEN_UPDATED_AT
                + " from (" + versions + "stage_span" + window, params);
        filter.apply(sql).append(") as v, generate_series(from_quarter, coalesce(to_quarter, from_quarter)) as q(quarter)");
        if (lastQuarter != null) {
            sql.append(" where q.quarter <= ?", lastQuarter);
        }
        return sql;
    }

    /**
     * The stored periods that bring the figures from the beginning to {@code upTo}: the quarter periods up to
     * {@code quarters} and the week periods after it up to {@code upTo} (none when they are equal).
     */
    public record Chain(Instant quarters, Instant upTo) {

        /** The condition that a checkpoint_figure row is of a period of the chain, with {@link #params()}. */
        public static final String ROWS = "upto in (select upto from checkpoint_period where grain = 'quarter' and upto <= ? "
                + "or grain = 'week' and upto > ? and upto <= ?)";

        public Object[] params() {
            return new Object[] {quarters, quarters, upTo};
        }
    }

    /**
     * The chain of stored periods by {@code at}: the quarter periods up to the last stored quarter end by it (the
     * epoch: none), then that quarter's stored weeks by it. Periods are built oldest first and dropped with every
     * later one, so the weeks after the last stored quarter end are one chain from it.
     */
    Chain lastBy(Instant at) {
        return jdbc.sql("select q.upto as quarters, coalesce((select max(upto) from checkpoint_period where grain = 'week' "
                        + "and upto > q.upto and upto <= ?), q.upto) as upto from (select coalesce(max(upto), ?) as upto "
                        + "from checkpoint_period where grain = 'quarter' and upto <= ?) as q", at, Watermark.NOTHING, at)
                .single(r -> new Chain(r.instant("quarters"), r.instant("upto")));
    }

    /**
     * Builds the periods the watermark has passed the end of, unless the next one is known not to be due: a look at
     * the watermark and nothing else while it stays inside a quarter, so an idle service does no work for them.
     * Not while a replay is under way (the consumers far from the end of the log, or applied facts later than a
     * watermark far behind the clock): its batches bring facts recorded before the periods a build would store, each
     * dropping them again and waiting for the build's lock, which made the consumers take turns with the builder (a
     * 5M-event replay fell below 1,000 events/s). The periods are built once the consumers are near the end.
     */
    @Scheduled(every = "${landfall.checkpoints.check:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void build() {
        if (backlog.replaying()) {
            return;
        }
        Instant next = nextEnd;
        Instant at = QuarkusTransaction.requiringNew().call(watermark::current);
        boolean replaying = at.isBefore(clock.instant().minus(REPLAY_LAG))
                && QuarkusTransaction.requiringNew().call(watermark::behind);
        if ((next == null || next.isBefore(at)) && !replaying) {
            catchUp();
        }
    }

    /**
     * Builds every period whose end the watermark has passed, one transaction each, oldest first, and notes the end
     * of the next one. Also what a replay into an empty read model ends with, as its watermark moves.
     */
    public void catchUp() {
        Instant next;
        do {
            next = QuarkusTransaction.requiringNew().call(this::buildNext);
        } while (next == BUILT);
        nextEnd = next;
    }

    /**
     * Builds the period after the last stored one if the watermark has passed its end: {@link #BUILT}, or the end
     * it waits for (null: nothing to build from). The weeks of a quarter come first, then the quarter itself, from
     * the quarter chain's end.
     */
    private Instant buildNext() {
        jdbc.sql("select pg_advisory_xact_lock_shared(?)", LOCK).execute();
        Reports.noJit(jdbc);
        Chain chain = lastBy(EVER);
        Instant first = chain.upTo().equals(Watermark.NOTHING) ? jdbc.sql("select least((select min(valid_from) from "
                + "contribution), (select min(valid_from) from stage_span)) as first").single(r -> r.instant("first"))
                : chain.upTo();
        if (first == null) {
            return null;
        }
        Instant upTo = endAfter(first);
        // strictly before the watermark: a fact recorded at the watermark itself may still arrive
        if (!upTo.isBefore(watermark.current())) {
            return upTo;
        }
        boolean quarter = upTo.equals(quarterEndAfter(first));
        Instant after = quarter ? chain.quarters() : chain.upTo();
        if (jdbc.sql("insert into checkpoint_period (upto, after, grain) values (?, ?, ?) on conflict do nothing", upTo,
                after, quarter ? "quarter" : "week").update() == 0) {
            return upTo; // another instance builds it
        }
        String columns = FigureColumns.LATEST.stream().map(FigureColumns.Column::name).collect(Collectors.joining(", "));
        // LatestFigures.level(geography, bySector) of each grouping set: grouping() sets a bit per column left out
        String level = "case grouping(province, city, district, sector) when 15 then 0 when 14 then 1 when 7 then 2 "
                + "when 6 then 3 when 3 then 4 when 2 then 5 when 1 then 6 else 7 end";
        String keys = KEYS.stream().map(c -> ", coalesce(" + c + ", '')").collect(Collectors.joining());
        // the finest groups first, then the coarser levels from those few rows
        SqlStatement sql = jdbc.sql("insert into checkpoint_figure (upto, " + columns + ") select ?, " + level
                + ", quarter" + keys + FigureColumns.LATEST_SUMS + " from (select quarter, " + String.join(", ", KEYS)
                + FigureColumns.LATEST_SUMS + " from (", upTo);
        changes(sql, KEYS, after, upTo, null, s -> s).append(") as d group by quarter, " + String.join(", ", KEYS)
                + ") as finest group by grouping sets ((quarter), (quarter, sector), "
                + "(quarter, province, province_code), (quarter, province, province_code, sector), "
                + "(quarter, province, province_code, city, city_code), (quarter, province, province_code, city, city_code, "
                + "sector), (quarter, province, province_code, city, city_code, district, district_code), (quarter, "
                + String.join(", ", KEYS) + "))");
        int rows = sql.update();
        LOG.debugf("checkpoint (%s, %s]: %d rows", after, upTo, rows);
        return BUILT;
    }

    /** The first quarter end (the start of a quarter in the calendar's zone) after {@code moment}. */
    private Instant quarterEndAfter(Instant moment) {
        int quarter = Quarter.of(LocalDate.ofInstant(moment, clock.getZone()));
        return Quarter.lastDay(quarter).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /**
     * The first period end after {@code moment}: the next of its quarter's week ends (00:00 of every seventh day from
     * the quarter's first day in the calendar's zone) that comes before the quarter end, or else the quarter end.
     */
    Instant endAfter(Instant moment) {
        ZoneId zone = clock.getZone();
        LocalDate day = LocalDate.ofInstant(moment, zone);
        int quarter = Quarter.of(day);
        LocalDate start = Quarter.lastDay(quarter - 1).plusDays(1);
        LocalDate week = start.plusDays((ChronoUnit.DAYS.between(start, day) / 7 + 1) * 7);
        return week.isAfter(Quarter.lastDay(quarter)) ? quarterEndAfter(moment) : week.atStartOfDay(zone).toInstant();
    }

    /**
     * Drops the periods that facts recorded from {@code earliest} on change (those ending at or after it), when they
     * arrive after the watermark passed it ({@code watermark}, held by the caller): periods are final only for the
     * facts the watermark promised. Periods end at week and quarter ends before the watermark, so only facts recorded
     * before such an end the watermark has passed can change one; for others this is no statement at all. Waits for a
     * period being built, which is then dropped too; they are built again on the next check.
     */
    public void arrived(Instant earliest, Instant watermark) {
        if (!endAfter(earliest.minusNanos(1)).isBefore(watermark)) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(?)", LOCK).execute();
        jdbc.sql("delete from checkpoint_period where upto >= ?", earliest).update();
        nextEnd = null;
    }
}
