package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class SizeCapTest {

    private static long pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aNewDatabaseHasSmallPagesAndTheCapCountsBytesInThem() throws Exception {
        Path file = Files.createTempDirectory(Path.of("target"), "sizecap").resolve("m.db");
        try (Database db = Database.sqlite(file)) {
            Connection c = db.writer();
            assertEquals(1024, pragma(c, "page_size"), "small pages: fewer bytes written per commit");
            SizeCap cap = new SizeCap();
            cap.set(2 * 1024 * 1024);
            cap.apply(c);
            assertEquals(2048, pragma(c, "max_page_count"));
        }
    }

    @Test
    void anOlderDatabaseHeldOpenKeepsItsPagesAndTheCapCountsInThose() throws Exception {
        Path file = Files.createTempDirectory(Path.of("target"), "sizecap").resolve("m.db");
        try (Connection old = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = old.createStatement()) {
            s.execute("PRAGMA page_size=4096");
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE made_before (x INTEGER)");
            // Open elsewhere, it is not converted at start (PageSizeConversionTest): the cap reads the file's own pages.
            s.execute("INSERT INTO made_before VALUES (1)");
            try (Database db = Database.sqlite(file)) {
                Connection c = db.writer();
                assertEquals(4096, pragma(c, "page_size"));
                SizeCap cap = new SizeCap();
                cap.set(2 * 1024 * 1024);
                cap.apply(c);
                assertEquals(512, pragma(c, "max_page_count"));
            }
        }
    }
}
