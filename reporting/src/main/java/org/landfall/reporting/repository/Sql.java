package org.landfall.reporting.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values as native queries return them. */
public final class Sql {

    private Sql() {
    }

    /** A timestamptz, whichever Java type the driver and Hibernate chose for it. */
    public static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof Timestamp t ? t.toInstant() : o instanceof Instant i ? i : ((OffsetDateTime) o).toInstant();
    }
}
