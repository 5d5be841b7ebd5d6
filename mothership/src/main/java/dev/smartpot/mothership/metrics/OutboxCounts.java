package dev.smartpot.mothership.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Notifications per status, read from the notification outbox table ({@value #TABLE}) when this build has one;
 * an empty map while it does not (then the metric shows zeros).
 */
public final class OutboxCounts {

    static final String TABLE = "notify_outbox";

    private OutboxCounts() {
    }

    public static Map<String, Long> read(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (ResultSet tables = c.getMetaData().getTables(null, null, TABLE, new String[] {"TABLE"})) {
            if (!tables.next()) {
                return counts;
            }
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT status, count(*) FROM " + TABLE + " GROUP BY status")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        return counts;
    }
}
