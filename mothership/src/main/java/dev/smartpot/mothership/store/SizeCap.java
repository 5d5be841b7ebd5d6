package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A size cap for a SQLite database ({@code PRAGMA max_page_count}), set from any thread and applied by the
 * writer before its next write, also while it retries a failed batch. At the cap SQLite fails writes as
 * on a full disk, which is also how the tests make a full disk as root.
 */
final class SizeCap {

    /** SQLite's own maximum page count: "no cap". */
    private static final long UNLIMITED = 4294967294L;

    /** The cap in bytes, 0 = none. */
    private volatile long wantedBytes;
    /** What the current connection has: -1 = a fresh connection (SQLite's default, no cap). */
    private long appliedBytes = -1;

    void set(long bytes) {
        wantedBytes = Math.max(0, bytes);
    }

    void newConnection() {
        appliedBytes = -1;
    }

    void apply(Connection c) throws SQLException {
        long wanted = wantedBytes;
        if (wanted == appliedBytes || wanted == 0 && appliedBytes == -1) {
            return;
        }
        try (Statement s = c.createStatement()) {
            // Rounded to the file's own pages (1024 bytes for files made since the SD card work, 4096 before).
            long pages = wanted == 0 ? UNLIMITED : Math.max(1, wanted / pageSize(s));
            s.execute("PRAGMA max_page_count = " + pages);
        }
        appliedBytes = wanted;
    }

    private static long pageSize(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA page_size")) {
            return r.next() ? r.getLong(1) : 4096;
        }
    }
}
