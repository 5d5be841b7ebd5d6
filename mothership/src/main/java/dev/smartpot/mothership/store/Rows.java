package dev.smartpot.mothership.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Nullable columns read and written the same way on every JDBC driver, and ids returned by an INSERT. */
final class Rows {

    private Rows() {
    }

    static Long longOrNull(ResultSet r, int i) throws SQLException {
        long v = r.getLong(i);
        return r.wasNull() ? null : v;
    }

    static Integer intOrNull(ResultSet r, int i) throws SQLException {
        int v = r.getInt(i);
        return r.wasNull() ? null : v;
    }

    static Double doubleOrNull(ResultSet r, int i) throws SQLException {
        double v = r.getDouble(i);
        return r.wasNull() ? null : v;
    }

    static Instant instantOrNull(ResultSet r, int i) throws SQLException {
        Long v = longOrNull(r, i);
        return v == null ? null : Instant.ofEpochMilli(v);
    }

    /** Binds {@code value}, or SQL NULL of {@code sqlType} when it is null. */
    static void setNullable(PreparedStatement p, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            p.setNull(index, sqlType);
        } else {
            p.setObject(index, value, sqlType);
        }
    }

    /** The id an {@code INSERT ... RETURNING id} gave. */
    static long returnedId(PreparedStatement p) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
