package exchange.safeguarding.kit.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Hot SQL run over plain JDBC on the current transaction's connection. Hibernate 7 adds a plan-cache entry
 * for every call of a native query with a result type, and each later lookup walks those entries: on a path
 * run hundreds of times a second that cost more than the query. Pending entity changes are flushed first, as
 * Hibernate does before a native query, so the SQL sees them.
 */
public final class NativeSql {

    private NativeSql() {
    }

    /** Every row, as arrays of column values (UUID, String, ... as the driver returns them). */
    public static List<Object[]> rows(EntityManager entityManager, String sql, Object... parameters) {
        return run(entityManager, sql, parameters, rows -> {
            int columns = rows.getMetaData().getColumnCount();
            Object[] row = new Object[columns];
            for (int i = 0; i < columns; i++) {
                row[i] = rows.getObject(i + 1);
            }
            return row;
        });
    }

    /** The first column of every row. */
    public static <T> List<T> column(EntityManager entityManager, String sql, Class<T> type, Object... parameters) {
        return run(entityManager, sql, parameters, rows -> rows.getObject(1, type));
    }

    /** An insert, update or delete; the number of rows it changed. */
    public static int update(EntityManager entityManager, String sql, Object... parameters) {
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> List<T> run(EntityManager entityManager, String sql, Object[] parameters, RowReader<T> reader) {
        entityManager.flush();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                List<T> out = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        out.add(reader.read(rows));
                    }
                }
                return out;
            }
        });
    }

    private static void bind(Connection connection, PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, bindable(connection, parameters[i]));
        }
    }

    /** Instants as timestamptz; collections and arrays of UUIDs, longs or strings as SQL arrays (for "= any(?)"). */
    private static Object bindable(Connection connection, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Collection<?> collection) {
            return array(connection, collection.toArray());
        }
        if (value instanceof Object[] array) {
            return array(connection, array);
        }
        return value;
    }

    private static Object array(Connection connection, Object[] values) throws SQLException {
        Object first = values.length > 0 ? values[0] : null;
        String type = first instanceof UUID ? "uuid" : first instanceof Long ? "bigint" : "text";
        return connection.createArrayOf(type, values);
    }
}
