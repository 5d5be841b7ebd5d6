package dev.smartpot.bench.mothership;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A checkpoint of a running mothership's SQLite file, from the bench's own connection: what the write-ahead log holds
 * is copied into the database file, as the mothership's own checkpoint does once the log reaches 10,000 pages (every
 * hour or two at 20 pots). A window of minutes rarely holds one, so the bench runs one at the window's start (the
 * log empty of earlier pages) and at its end (counted: those bytes are the window's pages written a second time).
 */
final class WalCheckpoint {

    private WalCheckpoint() {
    }

    /**
     * Checkpoints {@code db} until every frame of its log is copied (a reader of the mothership's may hold some back for
     * a moment: tried again, up to 50 times); @return the bytes this thread caused to be written to storage meanwhile.
     */
    static long run(Path db) throws SQLException, IOException, InterruptedException {
        long before = threadWriteBytes();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            for (int attempt = 0; attempt < 50; attempt++) {
                try (ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                    r.next();
                    if (r.getInt(2) == r.getInt(3)) {
                        return threadWriteBytes() - before;
                    }
                }
                Thread.sleep(100); // a reader holds frames back: it ends its read within milliseconds
            }
        }
        throw new IllegalStateException("the checkpoint of " + db + " never completed in 50 tries: measure again");
    }

    /** /proc/thread-self/io: this thread's own count, so the bench's other threads do not add to it. */
    private static long threadWriteBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/io"))) {
            if (line.startsWith("write_bytes:")) {
                return Long.parseLong(line.substring("write_bytes:".length()).trim());
            }
        }
        throw new IllegalStateException("no write_bytes in /proc/thread-self/io: a kernel without I/O accounting");
    }
}
