package org.landfall.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.landfall.events.Stage;

/**
 * The statistics bureau's rules for one project, from its contract and its updates:
 * <ul>
 * <li>signed: the quarter of the signing date, with the contract value and planned jobs;</li>
 * <li>started, operational, suspended, cancelled: the quarter of the first entry into that stage (a resumption
 * after a suspension is no new start), with the contract value;</li>
 * <li>investment completed and jobs created: per quarter, the cumulative figure at the quarter's end (the figure
 * of the latest effective date on or before it, the later report winning a tie) minus that at the previous
 * quarter's end;</li>
 * <li>pipeline: the stage on the last day of each quarter from the signing quarter on.</li>
 * </ul>
 * A pure function: the same facts give the same figures, whatever order they arrived in.
 */
public final class ProjectFigures {

    /** The stages whose first entry counts, with the figures it sets: the count and the contract value. */
    private static final Map<Stage, List<Figure>> ENTERED = new EnumMap<>(Map.of(
            Stage.STARTED, List.of(Figure.STARTED_COUNT, Figure.STARTED_VALUE),
            Stage.OPERATIONAL, List.of(Figure.OPERATIONAL_COUNT, Figure.OPERATIONAL_VALUE),
            Stage.SUSPENDED, List.of(Figure.SUSPENDED_COUNT, Figure.SUSPENDED_VALUE),
            Stage.CANCELLED, List.of(Figure.CANCELLED_COUNT, Figure.CANCELLED_VALUE)));

    private ProjectFigures() {
    }

    public static Figures compute(Facts.ProjectVersion contract, List<Facts.Update> updates) {
        if (contract == null) {
            return Figures.NONE;
        }
        List<Facts.Update> ordered = updates.stream()
                .sorted(Comparator.comparing(Facts.Update::effectiveOn).thenComparing(Facts.Update::recordedAt)).toList();
        Map<Integer, FigureValues> quarters = new TreeMap<>();
        Function<Integer, FigureValues> at = q -> quarters.computeIfAbsent(q, k -> zero());
        BigDecimal value = money(contract.contractValue());

        at.apply(Quarter.of(contract.signedOn())).set(Figure.SIGNED_COUNT, BigDecimal.ONE)
                .set(Figure.SIGNED_VALUE, value).set(Figure.PLANNED_JOBS, BigDecimal.valueOf(contract.plannedJobs()));

        Map<Stage, LocalDate> firstEntry = new EnumMap<>(Stage.class);
        for (Facts.Update u : ordered) {
            if (u.stage() != null) {
                firstEntry.putIfAbsent(u.stage(), u.effectiveOn());
            }
        }
        ENTERED.forEach((stage, figures) -> {
            LocalDate first = firstEntry.get(stage);
            if (first != null) {
                at.apply(Quarter.of(first)).set(figures.get(0), BigDecimal.ONE).set(figures.get(1), value);
            }
        });

        increases(ordered, Facts.Update::investmentCompleted)
                .forEach((q, delta) -> at.apply(q).set(Figure.INVESTMENT_COMPLETED, delta));
        increases(ordered, u -> u.jobsCreated() == null ? null : BigDecimal.valueOf(u.jobsCreated()))
                .forEach((q, delta) -> at.apply(q).set(Figure.JOBS_CREATED, BigDecimal.valueOf(delta.longValueExact())));

        Map<Integer, Figures.Contribution> contributions = new TreeMap<>();
        quarters.forEach((q, figures) -> {
            if (!figures.isZero()) {
                contributions.put(q, new Figures.Contribution(contract.group(), figures));
            }
        });
        return new Figures(contributions, spans(contract, ordered));
    }

    /** Quarter -> increase of a cumulative figure within it, for the quarters where it changed. */
    private static Map<Integer, BigDecimal> increases(List<Facts.Update> ordered, Function<Facts.Update, BigDecimal> figure) {
        // the figure standing at each quarter's end: the last one in (effectiveOn, recordedAt) order wins
        TreeMap<Integer, BigDecimal> atQuarterEnd = new TreeMap<>();
        for (Facts.Update u : ordered) {
            BigDecimal f = figure.apply(u);
            if (f != null) {
                atQuarterEnd.put(Quarter.of(u.effectiveOn()), money(f));
            }
        }
        Map<Integer, BigDecimal> increases = new TreeMap<>();
        BigDecimal previous = money(BigDecimal.ZERO);
        for (var e : atQuarterEnd.entrySet()) {
            BigDecimal delta = e.getValue().subtract(previous);
            if (delta.signum() != 0) {
                increases.put(e.getKey(), delta);
            }
            previous = e.getValue();
        }
        return increases;
    }

    /** The stage at each quarter's end, as runs of equal quarters; the last run is open-ended. */
    private static List<Figures.StageSpan> spans(Facts.ProjectVersion contract, List<Facts.Update> ordered) {
        TreeMap<Integer, Stage> endOfQuarter = new TreeMap<>();
        int signedQuarter = Quarter.of(contract.signedOn());
        endOfQuarter.put(signedQuarter, Stage.SIGNED);
        for (Facts.Update u : ordered) {
            if (u.stage() != null) {
                endOfQuarter.put(Math.max(signedQuarter, Quarter.of(u.effectiveOn())), u.stage());
            }
        }
        List<Figures.StageSpan> spans = new ArrayList<>();
        Integer from = null;
        Stage current = null;
        for (var e : endOfQuarter.entrySet()) {
            if (e.getValue() != current) {
                if (current != null) {
                    spans.add(new Figures.StageSpan(contract.group(), current, from, e.getKey()));
                }
                from = e.getKey();
                current = e.getValue();
            }
        }
        spans.add(new Figures.StageSpan(contract.group(), current, from, null));
        return spans;
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Every figure at zero: counts as whole numbers, amounts as money. */
    private static FigureValues zero() {
        FigureValues v = new FigureValues();
        for (Figure f : Figure.values()) {
            v.set(f, f.kind == Figure.Kind.COUNT ? BigDecimal.ZERO : money(BigDecimal.ZERO));
        }
        return v;
    }
}
