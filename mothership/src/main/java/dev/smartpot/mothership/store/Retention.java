package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Forgets what is older than its keep time: raw readings (default 30 days), 5-minute rollups (a year),
 * hourly rollups (forever unless set), messages (30 days, and at most the newest 10,000 junk ones). Runs as a writer task, so it never races ingest.
 *
 * @param hourly null = keep forever
 */
public record Retention(Duration raw, Duration fiveMinute, Duration hourly, Duration messages) {

    /** The newest junk messages kept, whatever their age. */
    public static final int MAX_JUNK_KEPT = 10_000;

    public static final Retention DEFAULT = new Retention(Duration.ofDays(30), Duration.ofDays(366), null,
            Duration.ofDays(30));

    public Retention {
        if (raw == null || fiveMinute == null || messages == null || raw.isNegative() || raw.isZero()) {
            throw new IllegalArgumentException("retention times must be positive; expected e.g. 30 days for raw readings");
        }
    }

    /** @return rows deleted */
    public long apply(Connection c, long now) throws SQLException {
        // The inbox's readings first join readings and the rollups, or old ones would be deleted before they are counted.
        // The writer's memory of the inbox keeps their keys until its next move: they are stored, so that is still right.
        InboxMove.move(c, Dialect.of(c.getMetaData().getURL()));
        long deleted = delete(c, "DELETE FROM readings WHERE ts < ?", now - raw.toMillis());
        // A wake's phases are kept as long as the readings they came with.
        deleted += delete(c, "DELETE FROM wakes WHERE received_at < ?", now - raw.toMillis());
        deleted += delete(c, "DELETE FROM connects WHERE received_at < ?", now - raw.toMillis());
        deleted += delete(c, "DELETE FROM rollup_5m WHERE bucket < ?", now - fiveMinute.toMillis());
        if (hourly != null) {
            deleted += delete(c, "DELETE FROM rollup_1h WHERE bucket < ?", now - hourly.toMillis());
        }
        deleted += delete(c, "DELETE FROM messages WHERE received_at < ?", now - messages.toMillis());
        // Junk is also capped by count: a hostile publisher cannot fill the disk with it.
        try (PreparedStatement p = c.prepareStatement("DELETE FROM messages WHERE junk = 1 AND id < (SELECT id FROM messages"
                + " WHERE junk = 1 ORDER BY id DESC LIMIT 1 OFFSET ?)")) {
            p.setInt(1, MAX_JUNK_KEPT);
            deleted += p.executeUpdate();
        }
        return deleted;
    }

    private static long delete(Connection c, String sql, long before) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, before);
            return p.executeUpdate();
        }
    }
}
