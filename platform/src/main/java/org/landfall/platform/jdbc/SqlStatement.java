package org.landfall.platform.jdbc;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * One statement and its positional parameters, which grow together ({@link #append}), so that no parameter is
 * ever found by searching the SQL. Parameters bind by type: {@link Instant} as a timestamptz, {@link LocalDate}
 * as a date, {@link Jdbc.SqlArray} as an array, null as an untyped null (PostgreSQL infers it), anything else
 * as the driver maps it.
 */
public final class SqlStatement {

    /** Maps the current row of a result, read by column name. */
    public interface Mapper<T> {
        T map(SqlRow row) throws SQLException;
    }

    private final Jdbc jdbc;
    private final StringBuilder sql;
    private final List<Object> parameters;

    SqlStatement(Jdbc jdbc, String sql, Object... parameters) {
        this.jdbc = jdbc;
        this.sql = new StringBuilder(sql);
        this.parameters = new ArrayList<>(Arrays.asList(parameters));
    }

    /** Adds SQL text and the parameters of its {@code ?}. */
    public SqlStatement append(String text, Object... more) {
        sql.append(text);
        parameters.addAll(Arrays.asList(more));
        return this;
    }

    public <T> List<T> list(Mapper<T> mapper) {
        return jdbc.work(c -> {
            try (PreparedStatement s = prepare(c); ResultSet r = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                SqlRow row = new SqlRow(r);
                while (r.next()) {
                    out.add(mapper.map(row));
                }
                return out;
            }
        });
    }

    /** The one row the statement returns. */
    public <T> T single(Mapper<T> mapper) {
        List<T> rows = list(mapper);
        if (rows.size() != 1) {
            throw new IllegalStateException(rows.size() + " rows where one was expected: " + sql);
        }
        return rows.get(0);
    }

    /** Runs a statement whose rows are of no interest (a query taking locks, say). */
    public void execute() {
        jdbc.work(c -> {
            try (PreparedStatement s = prepare(c)) {
                return s.execute();
            }
        });
    }

    public int update() {
        return jdbc.work(c -> {
            try (PreparedStatement s = prepare(c)) {
                return s.executeUpdate();
            }
        });
    }

    /** One JDBC batch, one round trip: the statement once for each item, with the parameters it gives. */
    public <T> void batch(Collection<T> items, Function<T, List<Object>> parametersOf) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.work(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (T item : items) {
                    bind(c, s, parametersOf.apply(item));
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }

    private PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql.toString());
        try {
            bind(c, s, parameters);
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private static void bind(Connection c, PreparedStatement s, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                s.setNull(i + 1, Types.NULL);
            } else if (v instanceof Instant instant) {
                s.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (v instanceof LocalDate date) {
                s.setDate(i + 1, Date.valueOf(date));
            } else if (v instanceof Jdbc.SqlArray a) {
                s.setArray(i + 1, c.createArrayOf(a.elementType(), a.elements()));
            } else {
                s.setObject(i + 1, v);
            }
        }
    }
}
