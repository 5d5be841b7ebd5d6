package dev.smartpot.mothership.store;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns a database error into what a person can act on: which database, what happened, what to do.
 * SQLite reports its result code in the message ({@code [SQLITE_FULL]}); PostgreSQL in its SQL state.
 */
public final class StoreErrors {

    private StoreErrors() {
    }

    /** SQLite's answer when another connection, or another process, holds the file. */
    public static boolean locked(SQLException e) {
        String lower = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return lower.contains("sqlite_busy") || lower.contains("sqlite_locked") || lower.contains("database is locked");
    }

    public static String describe(SQLException e, String database) {
        String m = String.valueOf(e.getMessage());
        String lower = m.toLowerCase(Locale.ROOT);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String what;
        if (lower.contains("sqlite_full") || lower.contains("disk is full") || state.equals("53100")) {
            what = "the disk is full (or the database reached its size limit); free space on that disk or raise"
                    + " the limit, ingest resumes by itself";
        } else if (lower.contains("sqlite_readonly") || lower.contains("readonly") || lower.contains("read-only")) {
            what = "the database file is not writable; give the mothership's user write access to the file and"
                    + " its folder (the -wal file too), ingest resumes by itself";
        } else if (lower.contains("sqlite_cantopen") || lower.contains("unable to open")) {
            what = "the database file cannot be opened; check that its folder exists and is writable";
        } else if (locked(e)) {
            what = "the database is locked by another program; stop the other program using the file"
                    + " (only one mothership may use a SQLite file), ingest resumes by itself";
        } else if (lower.contains("sqlite_ioerr") || lower.contains("disk i/o")) {
            what = "the disk reported an I/O error; check the SD card or disk (dmesg), ingest retries";
        } else if (lower.contains("sqlite_corrupt") || lower.contains("malformed")) {
            what = "the database file is damaged; restore it from a backup or move it away to start a new one";
        } else if (state.startsWith("08")) {
            what = "the connection to the database was lost; check that PostgreSQL runs and is reachable, ingest retries";
        } else if (state.equals("28P01") || state.equals("28000")) {
            what = "PostgreSQL refused the login; check the user and password in the --db url";
        } else {
            what = "the database said: " + m;
        }
        return database + ": " + what + " (" + firstLine(m) + ")";
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
