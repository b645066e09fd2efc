package org.landfall.events;

import java.math.BigDecimal;

/** A figure with its unit, such as a planned capacity of 40 GWh. */
public record Amount(BigDecimal value, String unit) {
}
