package org.landfall.reporting.domain;

import org.landfall.platform.problem.MessageKey;

/** Reporting's messages, in {@code Messages.properties} (English) and {@code Messages_zh_CN.properties} beside this enum. */
public enum ReportText implements MessageKey {
    TO_BEFORE_FROM, RANGE_TOO_LONG, NOT_A_QUARTER, GROUP_BY, AS_OF, STREAMS_PER_PERSON, STREAMS_IN_ALL, TOO_MANY_ROWS
}
