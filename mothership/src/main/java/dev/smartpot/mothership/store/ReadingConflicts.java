package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.ingest.Inbound;

/**
 * Tells a redelivery from a conflict: a reading whose (pot, boot, seq) is already stored is a duplicate only when it
 * says the same (counts, moisture, fault, uptime); otherwise the pot reused a reading's identity (its boot counter
 * went back), and the new reading must not vanish as a duplicate.
 */
final class ReadingConflicts {

    private ReadingConflicts() {
    }

    /** How {@code r} differs from the stored reading under its key, in words; null when it is the same reading. */
    static String against(Connection c, ReadingView key, Inbound.Reading r) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT raw, moisture, fault, uptime_ms FROM readings WHERE pot_id = ? AND boot = ? AND seq = ?")) {
            q.setString(1, key.potId());
            q.setLong(2, key.boot());
            q.setLong(3, key.seq());
            try (ResultSet s = q.executeQuery()) {
                if (!s.next()) {
                    return null;
                }
                Integer raw = (Integer) nullable(s, 1, s.getInt(1));
                Double moisture = (Double) nullable(s, 2, s.getDouble(2));
                String fault = s.getString(3);
                Long uptime = (Long) nullable(s, 4, s.getLong(4));
                if (Objects.equals(raw, r.raw()) && Objects.equals(moisture, r.moisture()) && Objects.equals(fault, r.fault())
                        && Objects.equals(uptime, r.uptimeMs())) {
                    return null;
                }
                return "boot " + key.boot() + ", seq " + key.seq() + " is already stored with "
                        + describe(raw, moisture, fault, uptime) + "; this one says " + describe(r.raw(), r.moisture(),
                        r.fault(), r.uptimeMs()) + ". The pot reused a reading's identity: its boot counter went back"
                        + " (a board or simulator that lost its flash); expected each boot to count on";
            }
        }
    }

    private static Object nullable(ResultSet s, int column, Object value) throws SQLException {
        return s.wasNull() ? null : value;
    }

    private static String describe(Integer raw, Double moisture, String fault, Long uptime) {
        return (moisture != null ? "moisture " + moisture + "%" : "fault " + fault) + ", raw " + raw + ", uptime " + uptime
                + " ms";
    }
}
