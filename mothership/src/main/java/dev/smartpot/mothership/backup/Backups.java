package dev.smartpot.mothership.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import dev.smartpot.mothership.store.Dialect;
import dev.smartpot.mothership.store.Migrations;
import dev.smartpot.mothership.store.StoreErrors;

/**
 * Makes a consistent backup file while the mothership runs: SQLite copies itself with {@code VACUUM INTO} (one
 * read transaction, so every row of one instant); PostgreSQL is read in one REPEATABLE READ snapshot into a new
 * SQLite file of the same schema version. The file appears under its name only when complete.
 */
public final class Backups {

    /** A finished backup: where, how big, and what it holds. */
    public record Made(Path file, long bytes, int schemaVersion, long pots, long readings) {
    }

    private Backups() {
    }

    public static Made backup(StoreAddress source, Path out) throws BackupException {
        if (Files.exists(out)) {
            throw new BackupException(out + " exists already. Fix: name a new file, or delete the old one first");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new BackupException("the folder " + parent + " is missing or not writable. Fix: create it, or name a file in a writable folder");
        }
        Path partial = parent.resolve("." + out.getFileName() + ".partial");
        try {
            BackupFile.createPrivate(partial);
            if (source.isSqlite()) {
                copySqlite(source, partial);
            } else {
                copyPostgres(source, partial);
            }
            Made made = describe(partial, out);
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
            return made;
        } catch (SQLException e) {
            if (source.isSqlite() && StoreErrors.locked(e)) {
                // Held by a mothership in another process that has no backup socket (it could not make one).
                throw new BackupException(source + " is held by a running mothership that takes no backups by hand. Fix: stop it"
                        + " first, or back up while it runs with its --backup-dir (the dashboard's Back up now)", e);
            }
            throw failed(source, parent, e);
        } catch (IOException e) {
            throw failed(source, parent, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // Only a leftover hidden file.
            }
        }
    }

    private static BackupException failed(StoreAddress source, Path parent, Exception e) {
        return new BackupException("the backup of " + source + " failed: " + e.getMessage() + ". Fix: "
                + (source.isSqlite() ? "check that --data is the mothership's data folder and " : "check --db, the user and password, and that ")
                + parent + " has free space", e);
    }

    private static void copySqlite(StoreAddress source, Path target) throws SQLException, BackupException {
        if (!Files.isRegularFile(source.sqliteFile())) {
            throw new BackupException("there is no mothership database at " + source.sqliteFile() + ". Fix: pass --data with the"
                    + " mothership's data folder (the one its --data names), or --db for PostgreSQL");
        }
        try (Connection c = source.open(); Statement s = c.createStatement()) {
            s.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        }
    }

    private static void copyPostgres(StoreAddress source, Path target) throws SQLException, BackupException {
        try (Connection from = source.open(); Connection to = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath())) {
            from.setAutoCommit(false);
            from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            from.setReadOnly(true);
            if (!BackupFile.flag(from, "SELECT to_regclass('schema_versions') IS NOT NULL")) {
                throw new BackupException(source + " holds no mothership schema. Fix: check --db (the database a mothership writes to)");
            }
            int version = Migrations.current(from);
            if (version > Migrations.latest()) {
                throw new BackupException(source + " is at schema version " + version + ", newer than this mothership's "
                        + Migrations.latest() + ". Fix: back it up with the newer mothership that wrote it");
            }
            Migrations.apply(to, Dialect.SQLITE, version);
            to.setAutoCommit(false);
            TableCopy.copyAll(from, to, TableCopy.sqliteTables(to));
            to.commit();
            from.commit();
        }
    }

    private static Made describe(Path partial, Path out) throws SQLException, IOException, BackupException {
        try (Connection c = BackupFile.openChecked(partial)) {
            return new Made(out, Files.size(partial), Migrations.current(c),
                    Long.parseLong(BackupFile.scalar(c, "SELECT count(*) FROM pots")),
                    Long.parseLong(BackupFile.scalar(c, "SELECT (SELECT count(*) FROM readings)"
                            + " + (SELECT count(*) FROM inbox)")));
        }
    }
}
