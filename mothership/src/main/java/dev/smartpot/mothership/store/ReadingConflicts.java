package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import dev.smartpot.mothership.ingest.Inbound;

/**
 * Tells a redelivery from a conflict: a reading whose (pot, boot, seq) is already stored is a duplicate only when it
 * says the same (counts, moisture, fault, uptime); otherwise the pot reused a reading's identity (its boot counter
 * went back), and the new reading must not vanish as a duplicate.
 */
final class ReadingConflicts {

    private ReadingConflicts() {
    }

    /** Finds the reading under {@code key} in {@code readings}, or null. */
    static PreparedStatement lookup(Connection c) throws SQLException {
        return c.prepareStatement("SELECT raw, moisture, fault, uptime_ms, received_at FROM readings"
                + " WHERE pot_id = ? AND boot = ? AND seq = ?");
    }

    /** The reading {@link #lookup} finds under {@code key}, or null. */
    static Inbox.Row stored(PreparedStatement lookup, Inbox.Key key) throws SQLException {
        lookup.setString(1, key.potId());
        lookup.setLong(2, key.boot());
        lookup.setLong(3, key.seq());
        try (ResultSet s = lookup.executeQuery()) {
            if (!s.next()) {
                return null;
            }
            return new Inbox.Row((Integer) nullable(s, 1, s.getInt(1)), (Double) nullable(s, 2, s.getDouble(2)),
                    s.getString(3), (Long) nullable(s, 4, s.getLong(4)), s.getLong(5));
        }
    }

    /** How {@code r} differs from the reading {@code readings} holds under {@code key}; null when the same or none. */
    static String against(Connection c, Inbox.Key key, Inbound.Reading r) throws SQLException {
        try (PreparedStatement lookup = lookup(c)) {
            Inbox.Row first = stored(lookup, key);
            return first == null ? null : against(key, first, r);
        }
    }

    /** How {@code r} differs from {@code first}, the reading stored under its key, in words; null when it is the same reading. */
    static String against(Inbox.Key key, Inbox.Row first, Inbound.Reading r) {
        if (Objects.equals(first.raw(), r.raw()) && Objects.equals(first.moisture(), r.moisture())
                && Objects.equals(first.fault(), r.fault()) && Objects.equals(first.uptimeMs(), r.uptimeMs())) {
            return null;
        }
        return "boot " + key.boot() + ", seq " + key.seq() + " is already stored with "
                + describe(first.raw(), first.moisture(), first.fault(), first.uptimeMs()) + "; this one says "
                + describe(r.raw(), r.moisture(), r.fault(), r.uptimeMs()) + ". The pot reused a reading's identity: its"
                + " boot counter went back (a board or simulator that lost its flash); expected each boot to count on";
    }

    private static Object nullable(ResultSet s, int column, Object value) throws SQLException {
        return s.wasNull() ? null : value;
    }

    private static String describe(Integer raw, Double moisture, String fault, Long uptime) {
        return (moisture != null ? "moisture " + moisture + "%" : "fault " + fault) + ", raw " + raw + ", uptime " + uptime
                + " ms";
    }
}
