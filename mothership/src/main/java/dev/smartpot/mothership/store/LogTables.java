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
import dev.smartpot.mothership.api.CommandView;
import dev.smartpot.mothership.api.MessageView;
import dev.smartpot.mothership.api.WateringView;

/**
 * The logs a person reads back: commands with their replies, waterings, alerts, messages. Writes take
 * the writer's connection (run them through {@link StoreWriter#submit}); reads take the database.
 */
public final class LogTables {

    private LogTables() {
    }

    // --- commands

    public static long insertCommand(Connection c, CommandView v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO commands (pot_id, command, sent_by, sent_at, status,"
                + " reply, error, replied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            p.setString(1, v.potId());
            p.setString(2, v.command());
            p.setString(3, v.by());
            p.setLong(4, v.sentAt().toEpochMilli());
            p.setString(5, v.status());
            p.setString(6, v.reply());
            p.setString(7, v.error());
            ReadingWriter.setNullable(p, 8, v.repliedAt() == null ? null : v.repliedAt().toEpochMilli(), Types.BIGINT);
            return returnedId(p);
        }
    }

    public static Void finishCommand(Connection c, CommandView v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE commands SET status = ?, reply = ?, error = ?, replied_at = ?"
                + " WHERE id = ?")) {
            p.setString(1, v.status());
            p.setString(2, v.reply());
            p.setString(3, v.error());
            ReadingWriter.setNullable(p, 4, v.repliedAt() == null ? null : v.repliedAt().toEpochMilli(), Types.BIGINT);
            p.setLong(5, v.id());
            p.executeUpdate();
        }
        return null;
    }

    public static List<CommandView> commands(Database db, String potId, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, pot_id, command, sent_by, sent_at, status, reply, error,"
                    + " replied_at FROM commands" + (potId == null ? "" : " WHERE pot_id = ?") + " ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                if (potId != null) {
                    q.setString(i++, potId);
                }
                q.setInt(i, limit);
                List<CommandView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(new CommandView(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                Instant.ofEpochMilli(r.getLong(5)), r.getString(6), r.getString(7), r.getString(8),
                                Rows.instantOrNull(r, 9)));
                    }
                }
                return out;
            }
        });
    }

    // --- waterings

    public static long insertWatering(Connection c, WateringView v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO waterings (pot_id, ml, trigger_kind, done_by, at, outcome,"
                + " reason, moisture_before, moisture_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            p.setString(1, v.potId());
            p.setInt(2, v.ml());
            p.setString(3, v.trigger());
            p.setString(4, v.by());
            p.setLong(5, v.at().toEpochMilli());
            p.setString(6, v.outcome());
            p.setString(7, v.reason());
            ReadingWriter.setNullable(p, 8, v.moistureBefore(), Types.DOUBLE);
            ReadingWriter.setNullable(p, 9, v.moistureAfter(), Types.DOUBLE);
            return returnedId(p);
        }
    }

    public static Void updateWatering(Connection c, WateringView v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE waterings SET outcome = ?, reason = ?, moisture_after = ?"
                + " WHERE id = ?")) {
            p.setString(1, v.outcome());
            p.setString(2, v.reason());
            ReadingWriter.setNullable(p, 3, v.moistureAfter(), Types.DOUBLE);
            p.setLong(4, v.id());
            p.executeUpdate();
        }
        return null;
    }

    public static List<WateringView> waterings(Database db, String potId, long since, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, pot_id, ml, trigger_kind, done_by, at, outcome, reason,"
                    + " moisture_before, moisture_after FROM waterings WHERE at >= ?" + (potId == null ? "" : " AND pot_id = ?")
                    + " ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                q.setLong(i++, since);
                if (potId != null) {
                    q.setString(i++, potId);
                }
                q.setInt(i, limit);
                List<WateringView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(new WateringView(r.getLong(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5),
                                Instant.ofEpochMilli(r.getLong(6)), r.getString(7), r.getString(8),
                                Rows.doubleOrNull(r, 9), Rows.doubleOrNull(r, 10)));
                    }
                }
                return out;
            }
        });
    }

    /** Each pot's last watering that was done, however long ago. */
    public static java.util.Map<String, Instant> lastWatered(Database db) {
        return db.read(c -> {
            java.util.Map<String, Instant> out = new java.util.HashMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT pot_id, max(at) FROM waterings WHERE outcome = 'done'"
                    + " GROUP BY pot_id"); ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), Instant.ofEpochMilli(r.getLong(2)));
                }
            }
            return out;
        });
    }

    // --- alerts

    /**
     * What raising an alert did: stored it ({@code fresh}), or found this pot's alert of this kind already
     * open (another mothership instance on the same database raised it first) and returned that one.
     */
    public record Raised(AlertView alert, boolean fresh) {
    }

    /** Stores a new open alert unless the pot already has one of this kind open (a unique index decides). */
    public static Raised raiseAlert(Connection c, AlertView v) throws SQLException {
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
    public static boolean closeAlert(Connection c, long id, Instant closedAt) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE alerts SET closed_at = ? WHERE id = ? AND closed_at IS NULL")) {
            p.setLong(1, closedAt.toEpochMilli());
            p.setLong(2, id);
            return p.executeUpdate() == 1;
        }
    }

    public static Void updateAlert(Connection c, AlertView v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE alerts SET closed_at = ?, acknowledged_at = ?,"
                + " acknowledged_by = ? WHERE id = ?")) {
            ReadingWriter.setNullable(p, 1, v.closedAt() == null ? null : v.closedAt().toEpochMilli(), Types.BIGINT);
            ReadingWriter.setNullable(p, 2, v.acknowledgedAt() == null ? null : v.acknowledgedAt().toEpochMilli(), Types.BIGINT);
            p.setString(3, v.acknowledgedBy());
            p.setLong(4, v.id());
            p.executeUpdate();
        }
        return null;
    }

    /** Open alerts first (newest first), then closed ones newest first. */
    public static List<AlertView> alerts(Database db, boolean includeClosed, int limit) {
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

    /** The alert with this id, as a list of zero or one. */
    public static List<AlertView> alert(Database db, long id) {
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

    // --- messages

    public static List<MessageView> messages(Database db, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, topic, text, junk, problem, received_at FROM messages"
                    + " ORDER BY id DESC LIMIT ?")) {
                q.setInt(1, limit);
                List<MessageView> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(new MessageView(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4) != 0,
                                r.getString(5), Instant.ofEpochMilli(r.getLong(6))));
                    }
                }
                return out;
            }
        });
    }

    public static long junkCount(Database db) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM messages WHERE junk = 1");
                 ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private static long returnedId(PreparedStatement p) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
