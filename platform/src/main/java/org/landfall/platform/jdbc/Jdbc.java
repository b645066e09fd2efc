package org.landfall.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

/**
 * Set-wise SQL on the current transaction's connection: {@code jdbc.sql("select ... where a = ?", a).list(mapper)}.
 * Entities stay with Panache; this is for statements over many rows, read by column name.
 */
@ApplicationScoped
public class Jdbc {

    @Inject
    EntityManager em;

    /** A statement; its parameters are the {@code ?} in order, bound by their Java type (see {@link SqlStatement}). */
    public SqlStatement sql(String sql, Object... parameters) {
        return new SqlStatement(this, sql, parameters);
    }

    /** An array parameter of a PostgreSQL element type ({@code uuid}, {@code text}, {@code int8}, ...). */
    public static SqlArray array(String elementType, Object[] elements) {
        return new SqlArray(elementType, elements);
    }

    public record SqlArray(String elementType, Object[] elements) {
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T work(Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }
}
