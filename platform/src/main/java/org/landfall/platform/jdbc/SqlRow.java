package org.landfall.platform.jdbc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The current row of a result, read by column name; SQL nulls come back as Java nulls. */
public final class SqlRow {

    private final ResultSet r;

    SqlRow(ResultSet r) {
        this.r = r;
    }

    public String string(String column) throws SQLException {
        return r.getString(column);
    }

    public Integer integer(String column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? null : v;
    }

    public byte[] bytes(String column) throws SQLException {
        return r.getBytes(column);
    }

    public Long longValue(String column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }

    public Boolean bool(String column) throws SQLException {
        boolean v = r.getBoolean(column);
        return r.wasNull() ? null : v;
    }

    public BigDecimal decimal(String column) throws SQLException {
        return r.getBigDecimal(column);
    }

    public UUID uuid(String column) throws SQLException {
        return r.getObject(column, UUID.class);
    }

    public LocalDate date(String column) throws SQLException {
        Date d = r.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** A text[]: its elements in order (null for SQL null). */
    public List<String> strings(String column) throws SQLException {
        Array a = r.getArray(column);
        return a == null ? null : List.of((String[]) a.getArray());
    }

    /** A timestamptz: the one place it becomes an {@link Instant}. */
    public Instant instant(String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
