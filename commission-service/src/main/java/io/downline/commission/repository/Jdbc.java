package io.downline.commission.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.downline.platform.jdbc.SqlArrays;

/**
 * Set-based statements: JDBC array parameters ({@code unnest}) on the EntityManager's own connection, so they
 * commit or roll back with everything else the transaction writes.
 */
final class Jdbc {

    /** An array parameter; the statement names its type ({@code ?::uuid[]}). */
    record Array(List<?> values) {
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Jdbc() {
    }

    static Array array(List<?> values) {
        return new Array(values);
    }

    static int update(EntityManager em, String sql, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    static <T> List<T> query(EntityManager em, String sql, RowMapper<T> mapper, Object... parameters) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                    ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Array array) {
                    SqlArrays.bind(statement, i + 1, array.values());
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
