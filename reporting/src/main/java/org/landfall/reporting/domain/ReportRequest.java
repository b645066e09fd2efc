package org.landfall.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What to report: quarters {@code from}..{@code to}, grouped and filtered, as of a moment (null: latest).
 * {@code places} selects by place; {@code filters} match the other columns (sector, park) case-insensitively;
 * {@code designations} selects the projects with any of them (empty: all), {@code minContractValue} those with a
 * contract value at least it.
 */
public record ReportRequest(int from, int to, GroupBy groupBy, PlaceFilter places, Map<String, String> filters,
                            List<String> designations, BigDecimal minContractValue, Instant asOf) {

    /**
     * Whether the pre-aggregated latest figures can answer it: they are kept by place and sector only, so a
     * selection on park, designation or contract value is answered from the versioned figures.
     */
    public boolean preAggregated() {
        return GroupBy.ALL.columns.containsAll(groupBy.columns) && GroupBy.ALL.columns.containsAll(filters.keySet())
                && designations.isEmpty() && minContractValue == null;
    }

    public ReportRequest asOf(Instant moment) {
        return new ReportRequest(from, to, groupBy, places, filters, designations, minContractValue, moment);
    }
}
