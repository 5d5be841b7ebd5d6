package dev.smartpot.mothership.backup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.mothership.store.Dialect;
import dev.smartpot.mothership.store.Migrations;

/** What restore refuses before it touches anything: a file that is not a backup, a newer one, a crafted one. */
class BackupFileTest {

    @TempDir
    Path tmp;

    @Test
    void refusesAnSqliteFileThatIsNoMothershipBackup() throws Exception {
        Path other = tmp.resolve("other.sqlite");
        sql(other, "CREATE TABLE plants (name TEXT)");
        assertRefused(other, "is an SQLite file but not a mothership backup (no pots, readings and schema_versions tables)");
    }

    @Test
    void refusesABackupFromANewerMothership() throws Exception {
        Path newer = backupFile("newer.sqlite");
        sql(newer, "INSERT INTO schema_versions VALUES (" + (Migrations.latest() + 1) + ", 'V999__future.sql', 0)");
        assertRefused(newer, "was made by a newer mothership (schema version " + (Migrations.latest() + 1));
    }

    @Test
    void refusesATableNameThatWouldBeSqlText() throws Exception {
        Path crafted = backupFile("crafted.sqlite");
        sql(crafted, "CREATE TABLE \"x'); DROP TABLE pots; --\" (a TEXT)");
        assertRefused(crafted, "which no mothership schema has; it is not a mothership backup");
        Path folder = tmp.resolve("restored");
        assertThrows(BackupException.class, () -> Restore.intoFolder(crafted, folder, "mothership.db"));
        assertFalse(Files.exists(folder.resolve("mothership.db")), "nothing restored");
    }

    private Path backupFile(String name) throws Exception {
        Path file = tmp.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrations.apply(c, Dialect.SQLITE);
        }
        return file;
    }

    private static void sql(Path file, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static void assertRefused(Path file, String why) {
        BackupException e = assertThrows(BackupException.class, () -> BackupFile.openChecked(file).close());
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
    }
}
