package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which mothership instance runs the automatic watering rules when several share one PostgreSQL: the one
 * holding a PostgreSQL advisory lock on a connection of its own. Both instances judge every pot DRY, and
 * both would water it; with this, one does. When that instance dies its connection closes, the lock is
 * free, and another instance takes it on its next evaluation tick. On SQLite (one instance) always held.
 */
public final class RulesLock implements AutoCloseable {

    private static final long KEY = 0x736d617274776174L;

    private final Database db;
    private Connection connection;
    private boolean held;

    public RulesLock(Database db) {
        this.db = db;
    }

    /** Whether this instance runs the rules now; takes the lock when it is free. Never blocks on another instance. */
    public synchronized boolean held() {
        if (db.dialect() != Dialect.POSTGRESQL) {
            return true;
        }
        try {
            if (connection == null || !connection.isValid(2)) {
                close();
                connection = db.newConnection();
            }
            if (!held) {
                try (Statement s = connection.createStatement();
                     ResultSet r = s.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                    held = r.next() && r.getBoolean(1);
                }
            }
            return held;
        } catch (SQLException e) {
            // The database is unreachable: no instance can be sure it is the only one, so none waters.
            close();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        held = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a broken connection: the server has dropped the lock with it.
            }
            connection = null;
        }
    }
}
