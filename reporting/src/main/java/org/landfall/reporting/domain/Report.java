package org.landfall.reporting.domain;

import java.time.Instant;
import java.util.List;

/**
 * A report: the moment its figures are as of (for the latest figures, the watermark: every fact recorded up to it
 * is applied, and {@code ?asOf=} that moment gives the same rows), and one row per quarter and group.
 */
public record Report(Instant asOf, List<ReportRow> rows) {
}
