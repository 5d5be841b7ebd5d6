package dev.smartpot.mothership.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.Dialect;

/**
 * The notifications to send, one row per alert and target, in the table {@code notify_outbox}. Rows are written
 * in the alert's own transaction ({@link #add}), claimed with a lease so that of several motherships sharing one
 * PostgreSQL exactly one sends each ({@link #claim}), and marked sent only once the receiver acknowledged it.
 * Writes take the store writer's connection; {@link #deliveries} reads.
 */
final class Outbox {

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String FAILED = "failed";

    /** A claimed row. {@code held}: it waited out quiet hours and goes into a digest. */
    record Row(long id, long alertId, String targetKey, boolean held, int attempts, long createdAt) {
    }

    private final Dialect dialect;

    Outbox(Dialect dialect) {
        this.dialect = dialect;
    }

    static void add(Connection c, long alertId, Target t, Instant due, boolean held, Instant now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO notify_outbox (alert_id, target_key, target_shown, status,"
                + " held, attempts, next_at, created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")) {
            p.setLong(1, alertId);
            p.setString(2, t.key());
            p.setString(3, t.masked());
            p.setString(4, PENDING);
            p.setInt(5, held ? 1 : 0);
            p.setLong(6, due.toEpochMilli());
            p.setLong(7, now.toEpochMilli());
            p.executeUpdate();
        }
    }

    /**
     * Leases up to {@code limit} due rows for this sender's targets until {@code leaseUntil}. A row whose lease ran out
     * (its sender died) is due again. On PostgreSQL the rows are locked and skipped by a concurrent claim; the lease
     * condition is checked again on the row itself, so two claims never both win it.
     */
    List<Row> claim(Connection c, String owner, Collection<String> keys, long now, long leaseUntil, int limit)
            throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        String free = "status = '" + PENDING + "' AND next_at <= ? AND (lease_until IS NULL OR lease_until < ?)";
        String sql = "UPDATE notify_outbox SET lease_owner = ?, lease_until = ? WHERE id IN (SELECT id FROM notify_outbox WHERE "
                + free + " AND target_key IN (" + in + ") ORDER BY id LIMIT ?"
                + (dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "") + ") AND " + free
                + " RETURNING id, alert_id, target_key, held, attempts, created_at";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            p.setString(i++, owner);
            p.setLong(i++, leaseUntil);
            p.setLong(i++, now);
            p.setLong(i++, now);
            for (String k : keys) {
                p.setString(i++, k);
            }
            p.setInt(i++, limit);
            p.setLong(i++, now);
            p.setLong(i, now);
            List<Row> rows = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getLong(1), r.getLong(2), r.getString(3), r.getInt(4) == 1, r.getInt(5), r.getLong(6)));
                }
            }
            rows.sort(java.util.Comparator.comparingLong(Row::id));
            return rows;
        }
    }

    /** The receiver acknowledged it: never sent again. */
    static Void sent(Connection c, long id, String owner, long now) throws SQLException {
        return finish(c, "UPDATE notify_outbox SET status = '" + SENT + "', sent_at = ?, attempts = attempts + 1,"
                + " lease_owner = NULL, lease_until = NULL, last_error = NULL WHERE id = ? AND lease_owner = ?", now, id, owner);
    }

    /** Not taken: tried again at {@code nextAt}. */
    static Void retry(Connection c, long id, String owner, long nextAt, String error) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE notify_outbox SET attempts = attempts + 1, next_at = ?,"
                + " last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")) {
            p.setLong(1, nextAt);
            p.setString(2, error);
            p.setLong(3, id);
            p.setString(4, owner);
            p.executeUpdate();
        }
        return null;
    }

    /** Not taken before the bound: given up, and the dashboard says so with the last error. */
    static Void giveUp(Connection c, long id, String owner, String error) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE notify_outbox SET status = '" + FAILED + "', attempts = attempts + 1,"
                + " last_error = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")) {
            p.setString(1, error);
            p.setLong(2, id);
            p.setString(3, owner);
            p.executeUpdate();
        }
        return null;
    }

    private static Void finish(Connection c, String sql, long now, long id, String owner) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, now);
            p.setLong(2, id);
            p.setString(3, owner);
            p.executeUpdate();
        }
        return null;
    }

    /** Hands claimed rows back unsent: free for the next claim at once. */
    static Void release(Connection c, List<Row> rows, String owner) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE notify_outbox SET lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND lease_owner = ?")) {
            for (Row r : rows) {
                p.setLong(1, r.id());
                p.setString(2, owner);
                p.addBatch();
            }
            p.executeBatch();
        }
        return null;
    }

    /** Whether any row of these targets is due now (a cheap read before a claim, which writes). */
    static boolean anyDue(Database db, Collection<String> keys, long now) {
        if (keys.isEmpty()) {
            return false;
        }
        String in = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM notify_outbox WHERE status = '" + PENDING
                    + "' AND next_at <= ? AND (lease_until IS NULL OR lease_until < ?) AND target_key IN (" + in + ") LIMIT 1")) {
                q.setLong(1, now);
                q.setLong(2, now);
                int i = 3;
                for (String k : keys) {
                    q.setString(i++, k);
                }
                try (ResultSet r = q.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** The deliveries of one alert (alertId > 0) or the newest of all, newest first. */
    static List<Delivery> deliveries(Database db, long alertId, int limit) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, alert_id, target_key, target_shown, status, held, attempts,"
                    + " next_at, sent_at, last_error, created_at FROM notify_outbox" + (alertId > 0 ? " WHERE alert_id = ?" : "")
                    + " ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                if (alertId > 0) {
                    q.setLong(i++, alertId);
                }
                q.setInt(i, limit);
                List<Delivery> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        long sent = r.getLong(9);
                        Instant sentAt = r.wasNull() ? null : Instant.ofEpochMilli(sent);
                        out.add(new Delivery(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getInt(6) == 1, r.getInt(7), Instant.ofEpochMilli(r.getLong(8)),
                                sentAt, r.getString(10),
                                Instant.ofEpochMilli(r.getLong(11))));
                    }
                }
                return out;
            }
        });
    }
}
