package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.mothership.api.AlertView;

/**
 * The alerts, open and closed: raised, closed and acknowledged here, read back for the page and the API. Writes
 * take the writer's connection (run them through {@link StoreWriter#submit}); reads take the database.
 */
public final class AlertLog {

    private AlertLog() {
    }

    /**
     * What raising an alert did: stored it ({@code fresh}), or found this pot's alert of this kind already
     * open (another mothership instance on the same database raised it first) and returned that one.
     */
    public record Raised(AlertView alert, boolean fresh) {
    }

    /** Stores a new open alert unless the pot already has one of this kind open (a unique index decides). */
    public static Raised raise(Connection c, AlertView v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO alerts (pot_id, kind, message, raised_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING RETURNING id")) {
            p.setString(1, v.potId());
            p.setString(2, v.kind());
            p.setString(3, v.message());
            p.setLong(4, v.raisedAt().toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    return new Raised(new AlertView(r.getLong(1), v.potId(), v.kind(), v.message(), v.raisedAt(),
                            null, null, null), true);
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT id, pot_id, kind, message, raised_at, closed_at,"
                + " acknowledged_at, acknowledged_by FROM alerts WHERE pot_id = ? AND kind = ? AND closed_at IS NULL")) {
            q.setString(1, v.potId());
            q.setString(2, v.kind());
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("alert " + v.kind() + " of pot " + v.potId() + " was neither stored nor open");
                }
                return new Raised(alertRow(r), false);
            }
        }
    }

    /** Closes an open alert; false when it was closed already (by another instance sharing the database). */
    public static boolean close(Connection c, long id, Instant closedAt) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE alerts SET closed_at = ? WHERE id = ? AND closed_at IS NULL")) {
            p.setLong(1, closedAt.toEpochMilli());
            p.setLong(2, id);
            return p.executeUpdate() == 1;
        }
    }

    public static Void update(Connection c, AlertView v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE alerts SET closed_at = ?, acknowledged_at = ?,"
                + " acknowledged_by = ? WHERE id = ?")) {
            Rows.setNullable(p, 1, v.closedAt() == null ? null : v.closedAt().toEpochMilli(), Types.BIGINT);
            Rows.setNullable(p, 2, v.acknowledgedAt() == null ? null : v.acknowledgedAt().toEpochMilli(), Types.BIGINT);
            p.setString(3, v.acknowledgedBy());
            p.setLong(4, v.id());
            p.executeUpdate();
        }
        return null;
    }

    /** Open alerts first (newest first), then closed ones newest first. */
    public static List<AlertView> recent(Database db, boolean includeClosed, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, pot_id, kind, message, raised_at, closed_at,"
                    + " acknowledged_at, acknowledged_by FROM alerts" + (includeClosed ? "" : " WHERE closed_at IS NULL")
                    + " ORDER BY CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END, raised_at DESC, id DESC LIMIT ?")) {
                q.setInt(1, limit);
                List<AlertView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(alertRow(r));
                    }
                }
                return out;
            }
        });
    }

    /** One pot's alerts raised in [from, to), newest first, at most {@code limit}: the marks on its chart. */
    public static List<AlertView> ofPot(Database db, String potId, Instant from, Instant to, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, pot_id, kind, message, raised_at, closed_at,"
                    + " acknowledged_at, acknowledged_by FROM alerts WHERE pot_id = ? AND raised_at >= ? AND raised_at < ?"
                    + " ORDER BY raised_at DESC, id DESC LIMIT ?")) {
                q.setString(1, potId);
                q.setLong(2, from.toEpochMilli());
                q.setLong(3, to.toEpochMilli());
                q.setInt(4, limit);
                List<AlertView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(alertRow(r));
                    }
                }
                return out;
            }
        });
    }

    /** The alert with this id, as a list of zero or one. */
    public static List<AlertView> byId(Database db, long id) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, pot_id, kind, message, raised_at, closed_at,"
                    + " acknowledged_at, acknowledged_by FROM alerts WHERE id = ?")) {
                q.setLong(1, id);
                List<AlertView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(alertRow(r));
                    }
                }
                return out;
            }
        });
    }

    private static AlertView alertRow(ResultSet r) throws SQLException {
        return new AlertView(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                Instant.ofEpochMilli(r.getLong(5)), Rows.instantOrNull(r, 6), Rows.instantOrNull(r, 7), r.getString(8));
    }
}
