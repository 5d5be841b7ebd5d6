package dev.smartpot.bench.mothership;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What a checkpoint of a running mothership's write-ahead log would write, read from the log file itself: the mothership
 * holds its SQLite file for itself (no other process may open it), so the bench cannot run a checkpoint beside it. A
 * checkpoint copies each page the log holds into the database file once, so its bytes are the distinct pages of the
 * frames appended since a mark, times the page size. The mothership's own checkpoint comes every hour or two (10,000
 * pages): a window rarely holds one, and when it does the log starts again and only the new log's pages are counted.
 */
final class WalLog {

    private static final int WAL_HEADER = 32;
    private static final int FRAME_HEADER = 24;

    /** Where the log stood: its salts (new at each restart of the log) and the frames it held. */
    record Mark(long salts, long frames) {
    }

    private WalLog() {
    }

    static Mark mark(Path db) throws IOException {
        ByteBuffer log = read(db);
        return log == null ? new Mark(0, 0) : new Mark(salts(log), frames(log));
    }

    /** The bytes a checkpoint now would write for the frames appended since {@code since}. */
    static long checkpointBytesSince(Path db, Mark since) throws IOException {
        ByteBuffer log = read(db);
        if (log == null) {
            return 0;
        }
        int pageSize = log.getInt(8);
        long first = salts(log) == since.salts() ? since.frames() : 0;
        Set<Integer> pages = new HashSet<>();
        for (long f = first; f < frames(log); f++) {
            int at = (int) (WAL_HEADER + f * (FRAME_HEADER + pageSize));
            // A frame of an earlier log that this one has not written over yet carries the old salts.
            if (log.getLong(at + 8) == salts(log)) {
                pages.add(log.getInt(at));
            }
        }
        return (long) pages.size() * pageSize;
    }

    private static ByteBuffer read(Path db) throws IOException {
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        if (!Files.exists(wal) || Files.size(wal) < WAL_HEADER) {
            return null;
        }
        return ByteBuffer.wrap(Files.readAllBytes(wal));
    }

    private static long salts(ByteBuffer log) {
        return log.getLong(16);
    }

    private static long frames(ByteBuffer log) {
        return (log.capacity() - WAL_HEADER) / (FRAME_HEADER + log.getInt(8));
    }
}
