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
 * <li>investment completed, funds in place and jobs created: per quarter, the cumulative figure at the quarter's
 * end (the figure of the latest effective date on or before it, the later report winning a tie) minus that at the
 * previous quarter's end;</li>
 * <li>pipeline: the stage on the last day of each quarter from the signing quarter on;</li>
 * <li>plans: in every quarter of a year the project has a plan for (the latest recorded), the plan, whether the
 * stage at the quarter's end is STARTED or OPERATIONAL, whether a planned start has happened by then, and the
 * investment completed since the year began;</li>
 * <li>fulfilment: due in the quarter of plannedStartOn, and due and started in the later of that quarter and the
 * first start's (both summed from the beginning).</li>
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

    public static Figures compute(Facts.ProjectVersion contract, List<Facts.Update> updates, List<Facts.Plan> plans) {
        if (contract == null) {
            return Figures.NONE;
        }
        List<Facts.Update> ordered = updates.stream()
                // Two updates of one date recorded at one moment are ordered by id: the same facts, the same figures.
                .sorted(Comparator.comparing(Facts.Update::effectiveOn).thenComparing(Facts.Update::recordedAt)
                        .thenComparing(Facts.Update::updateId)).toList();
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

        TreeMap<Integer, BigDecimal> invested = atQuarterEnd(ordered, Facts.Update::investmentCompleted);
        increases(invested).forEach((q, delta) -> at.apply(q).set(Figure.INVESTMENT_COMPLETED, delta));
        increases(atQuarterEnd(ordered, Facts.Update::fundsInPlace)).forEach((q, delta) -> at.apply(q).set(Figure.FUNDS_IN_PLACE, delta));
        increases(atQuarterEnd(ordered, u -> u.jobsCreated() == null ? null : BigDecimal.valueOf(u.jobsCreated())))
                .forEach((q, delta) -> at.apply(q).set(Figure.JOBS_CREATED, BigDecimal.valueOf(delta.longValueExact())));

        TreeMap<Integer, Stage> endOfQuarter = endOfQuarter(contract, ordered);
        LocalDate firstStart = firstEntry.get(Stage.STARTED);
        Integer startQuarter = firstStart == null ? null : Quarter.of(firstStart);
        for (Facts.Plan plan : latestPlans(plans)) {
            BigDecimal planned = money(plan.plannedInvestment());
            int firstOfYear = plan.year() * 4;
            for (int q = firstOfYear; q < firstOfYear + 4; q++) {
                FigureValues f = at.apply(q).set(Figure.PLANNED_COUNT, BigDecimal.ONE).set(Figure.PLANNED_INVESTMENT, planned)
                        .set(Figure.PLANNED_INVESTMENT_DONE, standing(invested, q).subtract(standing(invested, firstOfYear - 1)));
                var stage = endOfQuarter.floorEntry(q);
                if (stage != null && (stage.getValue() == Stage.STARTED || stage.getValue() == Stage.OPERATIONAL)) {
                    f.set(Figure.PLANNED_STARTED_COUNT, BigDecimal.ONE).set(Figure.PLANNED_STARTED_INVESTMENT, planned);
                }
                if (plan.startPlanned()) {
                    f.set(Figure.PLANNED_STARTS, BigDecimal.ONE);
                    if (startQuarter != null && startQuarter <= q) {
                        f.set(Figure.PLANNED_STARTS_MET, BigDecimal.ONE);
                    }
                }
            }
        }
        if (contract.plannedStartOn() != null) {
            int due = Quarter.of(contract.plannedStartOn());
            at.apply(due).set(Figure.DUE_COUNT, BigDecimal.ONE);
            if (startQuarter != null) {
                at.apply(Math.max(due, startQuarter)).set(Figure.DUE_STARTED, BigDecimal.ONE);
            }
        }

        Map<Integer, Figures.Contribution> contributions = new TreeMap<>();
        Facts.Profile profile = contract.profile();
        quarters.forEach((q, figures) -> {
            if (!figures.isZero()) {
                contributions.put(q, new Figures.Contribution(profile, figures));
            }
        });
        return new Figures(contributions, spans(profile, endOfQuarter));
    }

    /** The plan that holds for each year: the latest recorded (the event id orders two recorded at one moment). */
    private static java.util.Collection<Facts.Plan> latestPlans(List<Facts.Plan> plans) {
        Map<Integer, Facts.Plan> byYear = new TreeMap<>();
        plans.stream().sorted(Comparator.comparing(Facts.Plan::recordedAt).thenComparing(Facts.Plan::eventId))
                .forEach(p -> byYear.put(p.year(), p));
        return byYear.values();
    }

    /** A cumulative figure standing at quarter {@code q}'s end: the last one reported for a quarter up to it. */
    private static BigDecimal standing(TreeMap<Integer, BigDecimal> atQuarterEnd, int q) {
        var e = atQuarterEnd.floorEntry(q);
        return e == null ? money(BigDecimal.ZERO) : e.getValue();
    }

    /**
     * A cumulative figure standing at the end of each quarter it was reported in: the last one in (effectiveOn,
     * recordedAt) order wins.
     */
    private static TreeMap<Integer, BigDecimal> atQuarterEnd(List<Facts.Update> ordered, Function<Facts.Update, BigDecimal> figure) {
        TreeMap<Integer, BigDecimal> atQuarterEnd = new TreeMap<>();
        for (Facts.Update u : ordered) {
            BigDecimal f = figure.apply(u);
            if (f != null) {
                atQuarterEnd.put(Quarter.of(u.effectiveOn()), money(f));
            }
        }
        return atQuarterEnd;
    }

    /** Quarter -> increase of a cumulative figure within it, for the quarters where it changed. */
    private static Map<Integer, BigDecimal> increases(TreeMap<Integer, BigDecimal> atQuarterEnd) {
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

    /** The stage at the end of the quarters where it changed, from the signing quarter on. */
    private static TreeMap<Integer, Stage> endOfQuarter(Facts.ProjectVersion contract, List<Facts.Update> ordered) {
        TreeMap<Integer, Stage> endOfQuarter = new TreeMap<>();
        int signedQuarter = Quarter.of(contract.signedOn());
        endOfQuarter.put(signedQuarter, Stage.SIGNED);
        for (Facts.Update u : ordered) {
            if (u.stage() != null) {
                endOfQuarter.put(Math.max(signedQuarter, Quarter.of(u.effectiveOn())), u.stage());
            }
        }
        return endOfQuarter;
    }

    /** The stage at each quarter's end, as runs of equal quarters; the last run is open-ended. */
    private static List<Figures.StageSpan> spans(Facts.Profile profile, TreeMap<Integer, Stage> endOfQuarter) {
        List<Figures.StageSpan> spans = new ArrayList<>();
        Integer from = null;
        Stage current = null;
        for (var e : endOfQuarter.entrySet()) {
            if (e.getValue() != current) {
                if (current != null) {
                    spans.add(new Figures.StageSpan(profile, current, from, e.getKey()));
                }
                from = e.getKey();
                current = e.getValue();
            }
        }
        spans.add(new Figures.StageSpan(profile, current, from, null));
        return spans;
    }

    public static BigDecimal money(BigDecimal v) {
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
