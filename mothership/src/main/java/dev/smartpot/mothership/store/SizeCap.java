package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A size cap for a SQLite database ({@code PRAGMA max_page_count}), set from any thread and applied by the
 * writer before its next write, also while it retries a failed batch. At the cap SQLite fails writes as
 * on a full disk, which is also how the tests make a full disk as root.
 */
final class SizeCap {

    /** SQLite's default page size; the cap is rounded to pages of it. */
    private static final long PAGE = 4096;
    /** SQLite's own maximum page count: "no cap". */
    private static final long UNLIMITED = 4294967294L;

    private volatile long wantedPages;
    /** What the current connection has: -1 = a fresh connection (SQLite's default, no cap). */
    private long appliedPages = -1;

    void set(long bytes) {
        wantedPages = bytes <= 0 ? 0 : Math.max(1, bytes / PAGE);
    }

    void newConnection() {
        appliedPages = -1;
    }

    void apply(Connection c) throws SQLException {
        long wanted = wantedPages;
        if (wanted == appliedPages || wanted == 0 && appliedPages == -1) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA max_page_count = " + (wanted == 0 ? UNLIMITED : wanted));
        }
        appliedPages = wanted;
    }
}
