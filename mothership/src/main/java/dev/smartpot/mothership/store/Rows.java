package dev.smartpot.mothership.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Nullable column reads that behave the same on every JDBC driver. */
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
}
