package org.landfall.intake.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.landfall.events.ProjectSnapshot.Phase;
import org.landfall.platform.problem.FieldError;

/**
 * The rules that involve more than one field or today's date. Field-by-field rules (lengths, ranges, decimals)
 * are Bean Validation constraints on the request records; both apply to a new contract and to a corrected one.
 */
public final class ContractRules {

    /** Dates outside these bounds are typing mistakes (and some do not even fit a database date). */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private ContractRules() {
    }

    /** The broken rules of {@code c}, none if it may be stored; {@code today} is the date in Landfall's zone. */
    public static List<FieldError> check(Contract c, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (c.sector() != null && Sector.of(c.sector()).isEmpty()) {
            errors.add(new FieldError("sector", IntakeText.SECTOR_UNKNOWN.with()));
        }
        c.designations().stream().filter(d -> Designation.of(d).isEmpty()).forEach(d -> errors.add(new FieldError(
                "designations", IntakeText.DESIGNATION_UNKNOWN.with(d))));
        plausible(errors, "signedOn", c.signedOn());
        plausible(errors, "plannedStartOn", c.plannedStartOn());
        plausible(errors, "plannedOperationalOn", c.plannedOperationalOn());
        if (c.source() != null) {
            plausible(errors, "source.publishedOn", c.source().publishedOn());
        }
        if (c.signedOn() != null && c.signedOn().isAfter(today)) {
            errors.add(new FieldError("signedOn", IntakeText.SIGNED_IN_FUTURE.with(today)));
        }
        notBefore(errors, "plannedStartOn", c.plannedStartOn(), "signedOn", c.signedOn());
        notBefore(errors, "plannedOperationalOn", c.plannedOperationalOn(), "signedOn", c.signedOn());
        notBefore(errors, "plannedOperationalOn", c.plannedOperationalOn(), "plannedStartOn", c.plannedStartOn());
        if (c.phases() != null) {
            phases(errors, c.phases(), c.contractValue());
        }
        return errors;
    }

    private static void phases(List<FieldError> errors, List<Phase> phases, BigDecimal contractValue) {
        List<Integer> numbers = phases.stream().map(Phase::number).sorted().toList();
        if (!numbers.equals(IntStream.rangeClosed(1, phases.size()).boxed().toList())) {
            errors.add(new FieldError("phases", IntakeText.PHASE_NUMBERS.with(phases.size())));
        }
        BigDecimal sum = phases.stream().map(Phase::investment).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (contractValue != null && sum.compareTo(contractValue) > 0) {
            errors.add(new FieldError("phases", IntakeText.PHASES_ABOVE_VALUE.with(sum, contractValue)));
        }
    }

    private static void plausible(List<FieldError> errors, String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            errors.add(new FieldError(field, IntakeText.DATE_RANGE.with(EARLIEST, LATEST)));
        }
    }

    private static void notBefore(List<FieldError> errors, String field, LocalDate date, String otherField,
                                  LocalDate other) {
        if (date != null && other != null && date.isBefore(other)) {
            errors.add(new FieldError(field, IntakeText.NOT_BEFORE.with(otherField, other)));
        }
    }
}
