package dev.smartpot.mothership.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import org.sqlite.SQLiteConfig;

import dev.smartpot.mothership.store.Migrations;

/**
 * The backup format: one SQLite database file with the mothership's schema at its source's version (see
 * docs/backup.md). SQLite is the common format, so a PostgreSQL mothership's backup restores into a SQLite data
 * folder and the other way round.
 */
final class BackupFile {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private BackupFile() {
    }

    /** Opens a backup read-only after checking it is one this build can restore; returns its schema version. */
    static Connection openChecked(Path file) throws BackupException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BackupException(file + " is not a readable file. Fix: pass the backup file that 'scripts/mothership backup' wrote");
        }
        if (!startsWithMagic(file)) {
            throw new BackupException(file + " is not a mothership backup (not an SQLite database file). Fix: pass a file that"
                    + " 'scripts/mothership backup' or the nightly backup (--backup-dir) wrote");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection c = null;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            String check = scalar(c, "PRAGMA quick_check");
            if (!"ok".equals(check)) {
                throw new BackupException(file + " is damaged (SQLite's check says: " + check + "). Fix: restore an older backup");
            }
            if (scalar(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_versions', 'pots', 'readings')")
                    .equals("3")) {
                int version = Migrations.current(c);
                if (version > Migrations.latest()) {
                    throw new BackupException(file + " was made by a newer mothership (schema version " + version + "; this one knows "
                            + Migrations.latest() + "). Fix: restore it with that newer mothership");
                }
                TableCopy.sqliteTables(c); // refuses names no schema has
                return c;
            }
            throw new BackupException(file + " is an SQLite file but not a mothership backup (no pots, readings and schema_versions"
                    + " tables). Fix: pass a file that 'scripts/mothership backup' wrote");
        } catch (SQLException e) {
            close(c);
            throw new BackupException(file + " cannot be read as a backup: " + e.getMessage() + ". Fix: pass a file that"
                    + " 'scripts/mothership backup' wrote", e);
        } catch (BackupException e) {
            close(c);
            throw e;
        }
    }

    static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /** A yes/no query's answer (PostgreSQL spells true "t" as text, so read it as a boolean). */
    static boolean flag(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() && r.getBoolean(1);
        }
    }

    /** An empty file only its owner may read: a backup holds every reading and the notification targets' secrets. */
    static void createPrivate(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static boolean startsWithMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    static void close(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // Already failing; the first error is the one reported.
        }
    }
}
