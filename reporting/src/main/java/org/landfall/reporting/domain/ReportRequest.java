package org.landfall.reporting.domain;

import java.time.Instant;
import java.util.Map;

/** What to report: quarters {@code from}..{@code to}, grouped and filtered, as of a moment (null: latest). */
public record ReportRequest(int from, int to, GroupBy groupBy, Map<String, String> filters, Instant asOf) {
}
