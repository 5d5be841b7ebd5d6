package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Moves every reading of the inbox into {@code readings} in one transaction, sorted by (pot_id, boot, seq), so
 * each pot's leaves of the readings indexes are written once per move with all its new readings rather than
 * once per commit with one. Done when the inbox is big or old enough ({@link #due}), at start and at a clean stop.
 * The inbox only ever holds readings checked against {@code readings}, so the insert meets no duplicate.
 */
final class InboxMove {

    /** Rows that make a move worth it at once (a few per pot at 10,000 pots); a move of these takes well under a second. */
    static final int MOVE_ROWS = 20_000;
    /** The longest a reading waits in the inbox while readings keep coming. */
    static final long MOVE_AFTER_MILLIS = 300_000;

    private static final String COLUMNS = "pot_id, boot, seq, raw, moisture, fault, uptime_ms, dropped, ts, received_at,"
            + " battery_mv";

    private InboxMove() {
    }

    static boolean due(Inbox inbox, long now) {
        long oldest = inbox.oldestAddedAt();
        return oldest != 0 && (inbox.size() >= MOVE_ROWS || now - oldest >= MOVE_AFTER_MILLIS);
    }

    /** Moves in the caller's transaction; @return the readings moved. */
    static int move(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            int moved = s.executeUpdate("INSERT INTO readings (" + COLUMNS + ") SELECT " + COLUMNS
                    + " FROM inbox ORDER BY pot_id, boot, seq");
            s.executeUpdate("DELETE FROM inbox");
            return moved;
        }
    }

    /** Moves in a transaction of its own (at start and at a clean stop); a failure is told and left to the next try. */
    static boolean moveNow(Connection c, String where) {
        try {
            c.setAutoCommit(false);
            move(c);
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
