package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Moves every reading of the inbox into {@code readings} in one transaction, sorted by (pot_id, boot, seq), and adds
 * them to the 5-minute and hourly rollups (one upsert per pot and bucket), so each pot's leaves of the readings
 * indexes and rollups are written once per move with all its new readings rather than once per commit with one.
 * Done when the inbox is big or old enough ({@link #due}), at start and at a clean stop. The inbox only ever holds
 * readings checked against {@code readings}, so the insert meets no duplicate.
 */
final class InboxMove {

    /** Rows that make a move worth it at once (6 per pot at 5,000 pots, 3 at 10,000), kept in memory meanwhile. */
    static final int MOVE_ROWS = 30_000;
    /**
     * A batch this big (a backlog, a saturating load) goes to readings directly: it brings many readings per pot
     * already, so the inbox would save no page and its move would double the work (ingest speed).
     */
    static final int DIRECT_BATCH = 500;
    /**
     * The longest a reading waits in the inbox while readings keep coming. Every reader sees the inbox, so a person
     * never waits for a move; fewer moves write each pot's last, half-filled index leaves fewer times (SD card wear).
     */
    static final long MOVE_AFTER_MILLIS = 900_000;

    /** The generation whose slots hold the inbox now (0 before the first move), as the inbox view reads it (V008). */
    static final String CURRENT_GEN = "(SELECT coalesce(max(gen), 0) FROM inbox_gen)";

    /** Slots kept beyond twice the last move's readings, so a ring of a steady load never shrinks and regrows. */
    static final long SPARE_SLOTS = 1_000;

    private static final String COLUMNS = "pot_id, boot, seq, raw, moisture, fault, uptime_ms, dropped, ts, received_at,"
            + " battery_mv";

    private InboxMove() {
    }

    static boolean due(Inbox inbox, long now) {
        long oldest = inbox.oldestAddedAt();
        return oldest != 0 && (inbox.size() >= MOVE_ROWS || now - oldest >= MOVE_AFTER_MILLIS);
    }

    /** Moves in the caller's transaction; @return the readings moved. */
    static int move(Connection c, Dialect d) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(rollupSql("rollup_5m", ReadingWriter.FIVE_MINUTES, d));
            s.executeUpdate(rollupSql("rollup_1h", ReadingWriter.HOUR, d));
            // The inbox holds no stored reading, so nothing is skipped; skipping spares SQLite a 150 KB temporary file
            // each move of 20 pots (the statement's own rollback journal: BENCHMARKS.md, seventh pass).
            int moved = s.executeUpdate(d.insertSkipping + " readings (" + COLUMNS + ") SELECT " + COLUMNS
                    + " FROM inbox WHERE true ORDER BY pot_id, boot, seq" + d.skippingEnd);
            // A new generation empties the inbox without writing its slots (V008__inbox_ring.sql).
            s.executeUpdate("INSERT INTO inbox_gen (gen) SELECT " + CURRENT_GEN + " + 1");
            s.executeUpdate("DELETE FROM inbox_gen WHERE gen < " + CURRENT_GEN);
            // A ring a flood made big shrinks back near what a move brings now (every reader scans all its slots).
            s.executeUpdate("DELETE FROM inbox_slots WHERE slot > " + (2L * moved + SPARE_SLOTS));
            return moved;
        }
    }

    /**
     * Adds the inbox's readings to a rollup table: sum and count (so a bucket is added to, never read first);
     * readings counts every reading (faults too), n only those with a moisture; min/max stay null while n is 0.
     */
    private static String rollupSql(String table, long width, Dialect d) {
        return "INSERT INTO " + table + " AS t (pot_id, bucket, readings, dropped, n, total, min_m, max_m)"
                + " SELECT pot_id, " + bucket(width) + ", count(*), sum(dropped), count(moisture), coalesce(sum(moisture), 0),"
                + " min(moisture), max(moisture) FROM inbox WHERE true GROUP BY pot_id, " + bucket(width)
                + BatchRollups.addedToBucket(d);
    }

    /** A reading's bucket of this width: its start (times are after 2020, so integer division floors). */
    static String bucket(long width) {
        return "(ts / " + width + ") * " + width;
    }

    /** Moves in a transaction of its own (at start and at a clean stop); a failure is told and left to the next try. */
    static boolean moveNow(Connection c, Dialect d, String where) {
        try {
            c.setAutoCommit(false);
            move(c, d);
            c.commit();
            return true;
        } catch (SQLException e) {
            BatchWriter.rollbackQuietly(c);
            System.err.println("mothership: the inbox's readings stay there for now (" + where + "): "
                    + StoreErrors.describe(e, "the store"));
            return false;
        }
    }
}
