package dev.smartpot.mothership.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Converts a SQLite file made with another page size (4 KB before the SD card work) to {@link Dialect#PAGE_SIZE}
 * once, at start, before anything else uses it: SQLite changes a file's page size only by rewriting it. The copy is
 * made beside the file ({@code VACUUM INTO}) under an exclusive lock, checked, synced, and only then renamed over the
 * original, so a crash or a full disk at any step leaves the original as it was (a half-made copy is removed at the
 * next start). Without the room for a copy, or with the file open in another program, the file keeps its pages and
 * the log says what the conversion needs.
 */
final class PageSizeConversion {

    /** Opens a new writer connection (configured as every connection is). */
    interface Opener {
        Connection open() throws SQLException;
    }

    /** Room kept free beyond the copy itself, so the running mothership does not start on a full disk. */
    private static final long SPARE_BYTES = 16L * 1024 * 1024;

    private PageSizeConversion() {
    }

    /** The writer connection to use from now on: {@code c} itself, or a new one on the converted file. */
    static Connection ifNeeded(Connection c, Path file, Opener opener) throws SQLException {
        Path copy = file.resolveSibling(file.getFileName() + ".converting");
        deleteQuietly(copy);
        long pageSize = pragma(c, "page_size");
        if (pageSize == Dialect.PAGE_SIZE) {
            return c;
        }
        long bytes = pragma(c, "page_count") * pageSize;
        String what = file + " (" + pageSize + "-byte pages, " + megabytes(bytes) + ")";
        long free = usableSpace(file);
        if (free < bytes + SPARE_BYTES) {
            System.err.println("mothership: " + what + " keeps its pages (more bytes written to the SD card per reading"
                    + " than a new file's " + Dialect.PAGE_SIZE + "-byte pages): converting needs " + megabytes(bytes + SPARE_BYTES)
                    + " free beside it, " + megabytes(free) + " are; free some room and start again to convert it");
            return c;
        }
        System.err.println("mothership: converting " + what + " to " + Dialect.PAGE_SIZE + "-byte pages, once (fewer bytes"
                + " written to the SD card per reading); a copy is made beside it first, the original stays until the copy"
                + " is complete...");
        if (!alone(c)) {
            System.err.println("mothership: " + what + " keeps its pages, nothing changed: another program has it open;"
                    + " stop it and start again to convert");
            // A fresh connection: this one may have left WAL mode before the lock failed.
            c.close();
            return opener.open();
        }
        long start = System.nanoTime();
        try {
            copy(c, copy);
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            sync(file.toAbsolutePath().getParent(), StandardOpenOption.READ);
        } catch (SQLException | IOException | RuntimeException e) {
            deleteQuietly(copy);
            System.err.println("mothership: " + what + " keeps its pages, nothing changed: the copy failed (" + e.getMessage()
                    + "); it is tried again at the next start");
        }
        // Closing ends the exclusive lock; a new connection is in WAL mode again (Dialect.configure).
        c.close();
        Connection converted = opener.open();
        if (pragma(converted, "page_size") == Dialect.PAGE_SIZE) {
            System.err.println(String.format(Locale.ROOT, "mothership: converted %s to %d-byte pages in %.1f s", file,
                    Dialect.PAGE_SIZE, (System.nanoTime() - start) / 1e9));
        }
        return converted;
    }

    /**
     * True when no other connection has the file open, and none can open it until {@code c} closes: SQLite leaves
     * WAL mode only for a connection that is alone, and an exclusive lock in exclusive locking mode is kept.
     */
    private static boolean alone(Connection c) {
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA journal_mode=DELETE")) {
                if (!r.next() || !"delete".equalsIgnoreCase(r.getString(1))) {
                    return false;
                }
            }
            s.execute("PRAGMA locking_mode=EXCLUSIVE");
            s.execute("BEGIN EXCLUSIVE");
            s.execute("COMMIT");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** A complete, checked copy with the new pages, on the storage (SQLite does not sync what VACUUM INTO writes). */
    private static void copy(Connection c, Path copy) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=" + Dialect.PAGE_SIZE);
        }
        try (PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, copy.toString());
            vacuum.execute();
        }
        try (Connection check = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy);
             Statement s = check.createStatement();
             ResultSet r = s.executeQuery("PRAGMA quick_check")) {
            String verdict = r.next() ? r.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new SQLException("the copy failed its check: " + verdict);
            }
        }
        sync(copy, StandardOpenOption.WRITE);
    }

    private static void sync(Path path, StandardOpenOption mode) throws IOException {
        try (FileChannel ch = FileChannel.open(path, mode)) {
            ch.force(true);
        }
    }

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static long usableSpace(Path file) {
        try {
            return Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Tried again at the next start.
        }
    }
}
