package org.landfall.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * What a report row derives from several quarters of its group's figures, the way leaders are judged: the year's
 * flows to date (1-N 月累计), their growth on the same quarters of the year before (同比), the rates of starts,
 * investment and fulfilment, and the share of the place's annual targets reached. Rates are decimal fractions
 * rounded half-even to 4 places, null where their divisor is 0.
 */
public final class YearFigures {

    /** A flow summed over the year to date: its name in the row's blocks and the catalogue figure it sums. */
    public enum Flow {
        SIGNED_COUNT("signedCount", Figure.SIGNED_COUNT, true),
        SIGNED_VALUE("signedValue", Figure.SIGNED_VALUE, true),
        STARTS("starts", Figure.STARTED_COUNT, true),
        OPERATIONAL("operational", Figure.OPERATIONAL_COUNT, false),
        INVESTMENT_COMPLETED("investmentCompleted", Figure.INVESTMENT_COMPLETED, true),
        FUNDS_IN_PLACE("fundsInPlace", Figure.FUNDS_IN_PLACE, false),
        JOBS_CREATED("jobsCreated", Figure.JOBS_CREATED, true);

        public final String json;
        public final Figure figure;
        /** Whether a place may set an annual target for it (and the row show its completion). */
        public final boolean targeted;

        Flow(String json, Figure figure, boolean targeted) {
            this.json = json;
            this.figure = figure;
            this.targeted = targeted;
        }
    }

    /** A rate: its name, and the figures of the row it divides. */
    public enum Rate {
        /** 开工率: of the projects with a start planned for the year, the share started by the quarter's end. */
        START_RATE("startRate", Figure.PLANNED_STARTS_MET, Figure.PLANNED_STARTS),
        /** 投资完成率: the investment completed this year by the projects with a plan, over what they planned. */
        INVESTMENT_COMPLETION_RATE("investmentCompletionRate", Figure.PLANNED_INVESTMENT_DONE, Figure.PLANNED_INVESTMENT),
        /** 履约率: of the projects due to start by the quarter's end, the share that started by then. */
        FULFILMENT_RATE("fulfilmentRate", Figure.DUE_STARTED, Figure.DUE_COUNT);

        public final String json;
        public final Figure numerator;
        public final Figure divisor;

        Rate(String json, Figure numerator, Figure divisor) {
            this.json = json;
            this.numerator = numerator;
            this.divisor = divisor;
        }
    }

    /** A place's annual targets, by flow (a flow without a target is absent). */
    public record Target(Map<Flow, BigDecimal> values) {
    }

    /** The derived blocks of one row; a null value is one the row cannot say (no base, no target). */
    public record Blocks(Map<Flow, BigDecimal> ytd, Map<Flow, BigDecimal> yoy, Map<Rate, BigDecimal> rates,
                         Map<Flow, BigDecimal> targetCompletion) {
    }

    /** One row: its figures (the cumulative ones summed up to its quarter) and its blocks. */
    public record Row(FigureValues figures, Blocks blocks) {
    }

    private YearFigures() {
    }

    /** The first quarter a report from {@code from} on reads flows of: year on year reaches back a year. */
    public static int lookback(int from) {
        return (Math.floorDiv(from, 4) - 1) * 4;
    }

    /**
     * The rows of quarters {@code from}..{@code to} of one group, from its figures by quarter: those of quarters
     * from {@link #lookback} on, and (under any earlier key) the sum of all before, which counts for the cumulative
     * figures only. {@code targetOf} gives the place's target for a year, or null.
     */
    public static List<Row> rows(TreeMap<Integer, FigureValues> byQuarter, int from, int to, IntFunction<Target> targetOf) {
        FigureValues running = new FigureValues();
        for (FigureValues earlier : byQuarter.headMap(from).values()) {
            addCumulative(running, earlier);
        }
        List<Row> rows = new ArrayList<>(to - from + 1);
        for (int q = from; q <= to; q++) {
            FigureValues own = byQuarter.getOrDefault(q, new FigureValues());
            addCumulative(running, own);
            FigureValues figures = new FigureValues();
            for (Figure f : Figure.values()) {
                figures.set(f, f.cumulative ? running.get(f) : own.get(f));
            }
            rows.add(new Row(figures, blocks(byQuarter, q, figures, targetOf.apply(Math.floorDiv(q, 4)))));
        }
        return rows;
    }

    private static void addCumulative(FigureValues running, FigureValues quarter) {
        for (Figure f : Figure.values()) {
            if (f.cumulative) {
                running.add(f, quarter.get(f));
            }
        }
    }

    private static Blocks blocks(TreeMap<Integer, FigureValues> byQuarter, int q, FigureValues row, Target target) {
        Map<Flow, BigDecimal> ytd = new EnumMap<>(Flow.class);
        Map<Flow, BigDecimal> yoy = new EnumMap<>(Flow.class);
        Map<Flow, BigDecimal> completion = new EnumMap<>(Flow.class);
        int firstOfYear = Math.floorDiv(q, 4) * 4;
        for (Flow flow : Flow.values()) {
            BigDecimal now = sum(byQuarter, firstOfYear, q, flow.figure);
            BigDecimal before = sum(byQuarter, firstOfYear - 4, q - 4, flow.figure);
            ytd.put(flow, now);
            yoy.put(flow, ratio(now.subtract(before), before));
            if (flow.targeted) {
                BigDecimal goal = target == null ? null : target.values().get(flow);
                completion.put(flow, goal == null ? null : ratio(now, goal));
            }
        }
        Map<Rate, BigDecimal> rates = new EnumMap<>(Rate.class);
        for (Rate r : Rate.values()) {
            rates.put(r, ratio(row.get(r.numerator), row.get(r.divisor)));
        }
        return new Blocks(ytd, yoy, rates, completion);
    }

    private static BigDecimal sum(TreeMap<Integer, FigureValues> byQuarter, int from, int to, Figure f) {
        BigDecimal sum = BigDecimal.ZERO;
        for (FigureValues v : byQuarter.subMap(from, true, to, true).values()) {
            sum = sum.add(v.get(f));
        }
        return sum;
    }

    /** A rate as reports write it: without trailing zeros, but with one decimal at least (1.0, 0.5, 0.1333). */
    public static BigDecimal written(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1) : stripped;
    }

    /** {@code a / b} rounded half-even to 4 places, null when {@code b} is 0. */
    static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.divide(b, 4, RoundingMode.HALF_EVEN);
    }
}
