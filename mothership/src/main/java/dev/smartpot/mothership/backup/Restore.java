package dev.smartpot.mothership.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.smartpot.mothership.store.Dialect;
import dev.smartpot.mothership.store.Migrations;

/**
 * Fills an empty store from a backup file: a SQLite data folder gets the file itself, a PostgreSQL database gets
 * every row copied in one transaction. A store that holds anything is refused, so a restore never mixes two
 * histories or overwrites a living one.
 */
public final class Restore {

    /** What went in: the schema version of the backup and the rows per table. */
    public record Restored(String target, int schemaVersion, Map<String, Long> rows) {
    }

    private Restore() {
    }

    /** Into {@code dataDir/fileName}; the folder must be missing or empty. */
    public static Restored intoFolder(Path backup, Path dataDir, String fileName) throws BackupException {
        refuseNonEmpty(dataDir);
        try (Connection c = BackupFile.openChecked(backup)) {
            int version = Migrations.current(c);
            Map<String, Long> rows = count(c);
            try {
                Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(dataDir);
            }
            Path partial = dataDir.resolve("." + fileName + ".partial");
            BackupFile.createPrivate(partial);
            Files.copy(backup, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, dataDir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
            return new Restored("SQLite " + dataDir.resolve(fileName), version, rows);
        } catch (SQLException | IOException e) {
            throw new BackupException("the restore into " + dataDir + " failed: " + e.getMessage()
                    + ". Fix: check that the folder is writable and has free space", e);
        }
    }

    /** Into an empty PostgreSQL database (no mothership tables, or only empty ones). */
    public static Restored intoPostgres(Path backup, StoreAddress target) throws BackupException {
        try (Connection from = BackupFile.openChecked(backup); Connection to = target.open()) {
            int version = Migrations.current(from);
            List<String> tables = TableCopy.sqliteTables(from);
            refuseRows(to, target, tables);
            Migrations.apply(to, Dialect.POSTGRESQL, version);
            to.setAutoCommit(false);
            Map<String, Long> rows = TableCopy.copyAll(from, to, tables);
            for (String table : tables) {
                restartIdentity(to, table);
            }
            to.commit();
            return new Restored(target.describe(), version, rows);
        } catch (SQLException e) {
            throw new BackupException("the restore into " + target + " failed, nothing was kept: " + e.getMessage()
                    + ". Fix: check --db, the user and password, and that the database is empty", e);
        }
    }

    private static void refuseNonEmpty(Path dataDir) throws BackupException {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!Files.isDirectory(dataDir)) {
            throw new BackupException(dataDir + " is a file, not a data folder. Fix: pass --data with a new or empty folder");
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().limit(5).toList();
            if (!names.isEmpty()) {
                throw new BackupException("the data folder " + dataDir + " is not empty (it holds " + String.join(", ", names)
                        + "); a restore never overwrites a mothership's data. Fix: pass --data with a new or empty folder,"
                        + " or move this one aside first");
            }
        } catch (IOException e) {
            throw new BackupException(dataDir + " cannot be read: " + e.getMessage() + ". Fix: pass --data with a folder this user owns", e);
        }
    }

    private static void refuseRows(Connection c, StoreAddress target, List<String> tables) throws SQLException, BackupException {
        for (String table : tables) {
            boolean exists = BackupFile.flag(c, "SELECT to_regclass('" + table + "') IS NOT NULL");
            if (exists && BackupFile.flag(c, "SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                throw new BackupException(target + " is not empty (its table " + table + " has rows); a restore never mixes two"
                        + " histories. Fix: restore into a new database (createdb smartpot_restored) and point --db at it");
            }
        }
    }

    /** Rows came with their ids: the next id the database hands out must come after them. */
    private static void restartIdentity(Connection c, String table) throws SQLException {
        String sequence;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT pg_get_serial_sequence(table_name, column_name)"
                + " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '" + table
                + "' AND column_name = 'id'")) {
            sequence = r.next() ? r.getString(1) : null;
        }
        if (sequence != null) {
            try (Statement set = c.createStatement()) {
                set.execute("SELECT setval('" + sequence + "', COALESCE((SELECT max(id) FROM " + table + "), 0) + 1, false)");
            }
        }
    }

    private static Map<String, Long> count(Connection c) throws SQLException {
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        for (String table : TableCopy.sqliteTables(c)) {
            rows.put(table, Long.parseLong(BackupFile.scalar(c, "SELECT count(*) FROM " + table)));
        }
        return rows;
    }
}
