package org.landfall.reporting.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** A value for each {@link Figure} of the catalogue (zero where none was set). */
public final class FigureValues {

    private final Map<Figure, BigDecimal> values = new EnumMap<>(Figure.class);

    public BigDecimal get(Figure f) {
        return values.getOrDefault(f, BigDecimal.ZERO);
    }

    /** A count figure as the whole number it is. */
    public long count(Figure f) {
        return get(f).longValueExact();
    }

    public FigureValues set(Figure f, BigDecimal value) {
        values.put(f, value);
        return this;
    }

    public FigureValues add(Figure f, BigDecimal value) {
        return set(f, get(f).add(value));
    }

    /** Adds {@code sign} times every figure of {@code other}. */
    public FigureValues add(FigureValues other, int sign) {
        other.values.forEach((f, v) -> add(f, sign == 1 ? v : sign == -1 ? v.negate() : v.multiply(BigDecimal.valueOf(sign))));
        return this;
    }

    public boolean isZero() {
        return values.values().stream().allMatch(v -> v.signum() == 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FigureValues other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
