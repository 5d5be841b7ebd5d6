package dev.smartpot.mothership.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a mothership keeps its rows: the SQLite file in its data folder, or a PostgreSQL database. Backup and
 * restore open their own connections from it, beside a running mothership's.
 */
public record StoreAddress(String jdbcUrl, String user, String password) {

    public static StoreAddress sqlite(Path file) {
        return new StoreAddress("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    public boolean isSqlite() {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    /** The SQLite file; only for {@link #isSqlite()}. */
    public Path sqliteFile() {
        return Path.of(jdbcUrl.substring("jdbc:sqlite:".length()));
    }

    Connection open() throws SQLException {
        Properties login = new Properties();
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        if (!isSqlite()) {
            // A batch of 1,000 rows as a few multi-row INSERTs: a restore of a year of readings goes several times faster.
            login.setProperty("reWriteBatchedInserts", "true");
        }
        Connection c = DriverManager.getConnection(jdbcUrl, login);
        if (isSqlite()) {
            try (var s = c.createStatement()) {
                // A running mothership may be mid-commit: wait for its lock rather than fail.
                s.execute("PRAGMA busy_timeout=10000");
            }
        }
        return c;
    }

    /** For messages: the file, or the url without a password parameter. */
    public String describe() {
        return isSqlite() ? "SQLite " + sqliteFile() : "PostgreSQL " + jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return describe();
    }
}
