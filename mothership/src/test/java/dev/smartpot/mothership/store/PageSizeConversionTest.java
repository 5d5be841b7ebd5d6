package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

/** A database made with 4 KB pages (before the SD card work) gets the small pages at start, everything kept. */
class PageSizeConversionTest {

    private static long query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A mothership database as an older build left it: 4 KB pages, WAL, the schema and {@code n} readings. */
    private static Path olderDatabase(int readings) throws Exception {
        Path file = Files.createTempDirectory(Path.of("target"), "pagesize").resolve("m.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size=4096");
                s.execute("PRAGMA journal_mode=WAL");
            }
            Migrations.apply(c, Dialect.SQLITE);
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO readings (pot_id, boot, seq, moisture, ts, received_at)"
                    + " VALUES (?, 1, ?, ?, ?, ?)")) {
                for (int i = 0; i < readings; i++) {
                    p.setString(1, "pot-" + i % 7);
                    p.setLong(2, i);
                    p.setDouble(3, i % 100);
                    p.setLong(4, 1_700_000_000_000L + i);
                    p.setLong(5, 1_700_000_000_000L + i);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
            assertEquals(4096, query(c, "PRAGMA page_size"));
        }
        return file;
    }

    @Test
    void anOlderDatabaseIsConvertedAtStartWithEveryRowKept() throws Exception {
        Path file = olderDatabase(5_000);
        try (Database db = Database.sqlite(file)) {
            assertEquals(Dialect.PAGE_SIZE, query(db.writer(), "PRAGMA page_size"));
            assertEquals("wal", db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
                    r.next();
                    return r.getString(1);
                }
            }));
            assertEquals(5_000L, (long) db.read(c -> query(c, "SELECT count(*) FROM readings")));
            assertEquals(4_999L * 5_000 / 2, (long) db.read(c -> query(c, "SELECT sum(seq) FROM readings")));
            assertEquals((long) Migrations.latest(), (long) db.read(Migrations::current));
        }
        assertFalse(Files.exists(file.resolveSibling("m.db.converting")), "no copy left beside it");
    }

    @Test
    void aCopyLeftByAnInterruptedConversionIsRemovedAndTheConversionDoneAgain() throws Exception {
        Path file = olderDatabase(100);
        Path halfMade = file.resolveSibling("m.db.converting");
        Files.write(halfMade, new byte[] {1, 2, 3});
        try (Database db = Database.sqlite(file)) {
            assertEquals(Dialect.PAGE_SIZE, query(db.writer(), "PRAGMA page_size"));
            assertEquals(100L, (long) db.read(c -> query(c, "SELECT count(*) FROM readings")));
        }
        assertFalse(Files.exists(halfMade));
    }

    @Test
    void aDatabaseAnotherProgramHoldsOpenKeepsItsPagesAndItsRows() throws Exception {
        Path file = olderDatabase(100);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement()) {
            s.execute("INSERT INTO readings (pot_id, boot, seq, ts, received_at) VALUES ('held', 1, 1, 1, 1)");
            try (Database db = Database.sqlite(file)) {
                assertEquals(4096, query(db.writer(), "PRAGMA page_size"));
                assertEquals(101L, (long) db.read(c -> query(c, "SELECT count(*) FROM readings")));
            }
        }
    }
}
