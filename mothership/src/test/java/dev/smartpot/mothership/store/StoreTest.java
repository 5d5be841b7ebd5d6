package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.Series;
import dev.smartpot.mothership.ingest.Inbound;

/** The store on a real SQLite file: schema versions, rollups, resolutions for charts, retention. */
class StoreTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private Path file;
    private Database db;
    private StoreWriter writer;
    private final AtomicLong acks = new AtomicLong();

    @BeforeEach
    void open() throws Exception {
        file = Files.createTempDirectory("mship-store").resolve("m.db");
        db = Database.sqlite(file);
        writer = new StoreWriter(db, new BootTracker(), Clock.fixed(NOW, ZoneOffset.UTC), 10_000);
        writer.gather(java.time.Duration.ZERO); // these tests are not about the gather: no 1 s wait per reading
        writer.start(StoreWriter.Listener.NONE);
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    /** A year of one pot, hourly, with the pot's own timestamps (moisture = hour of day). */
    private void aYearHourly(int hours) {
        for (int h = 0; h < hours; h++) {
            long ts = NOW.minus(Duration.ofHours(hours - h)).toEpochMilli();
            writer.offer(new StoreWriter.Received(new Inbound.Reading("p", null, h, 2000, (double) (h % 24), null,
                    3_600_000L * h, ts, 0, null), ts, acks::incrementAndGet));
        }
    }

    @Test
    void schemaVersionsAreAppliedOnceAndReopeningChangesNothing() throws Exception {
        db.close();
        db = Database.sqlite(file);
        assertEquals((long) Migrations.FILES.size(), (long) db.read(c -> count(c, "SELECT count(*) FROM schema_versions")));
    }

    @Test
    void seriesPicksTheCoarsestResolutionThatStillDrawsAChart() throws Exception {
        aYearHourly(24 * 365);
        org.awaitility.Awaitility.await().until(() -> acks.get() == 24 * 365);
        ReadingQueries q = new ReadingQueries(db);
        Series year = q.series("p", NOW.minus(Duration.ofDays(365)), NOW, 1000);
        assertEquals("1h", year.resolution());
        assertEquals(24 * 365, year.time().length);
        Series week = q.series("p", NOW.minus(Duration.ofDays(7)), NOW, 1000);
        assertEquals("5m", week.resolution());
        Series hours = q.series("p", NOW.minus(Duration.ofHours(5)), NOW, 1000);
        assertEquals("raw", hours.resolution());
        assertEquals(5, hours.time().length);
        assertEquals(24 * 365, q.countAndDropped("p")[0]);
    }

    @Test
    void retentionDropsOldRawReadingsButKeepsTheHourlyRollups() throws Exception {
        aYearHourly(24 * 60);
        org.awaitility.Awaitility.await().until(() -> acks.get() == 24 * 60);
        long deleted = writer.submit(c -> Retention.DEFAULT.apply(c, NOW.toEpochMilli())).join();
        assertEquals(24 * 30, deleted);
        assertEquals(24L * 30, (long) db.read(c -> count(c, "SELECT count(*) FROM all_readings")));
        assertEquals(24L * 60, (long) db.read(c -> count(c, "SELECT count(*) FROM rollup_1h")));
    }

    @Test
    void aDuplicateBatchAddsNothingToTheRollups() throws Exception {
        List<StoreWriter.Received> twice = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            twice.add(new StoreWriter.Received(new Inbound.Reading("p", null, 0, 2000, 40.0, null, 0L, NOW.toEpochMilli(), 0,
                    null), NOW.toEpochMilli(), acks::incrementAndGet));
        }
        twice.forEach(writer::offer);
        org.awaitility.Awaitility.await().until(() -> acks.get() == 2);
        assertEquals(1, new ReadingQueries(db).countAndDropped("p")[0], "counted once while in the inbox");
        writer.close(); // a clean stop moves the inbox: its readings join the rollups
        assertEquals(1L, (long) db.read(c -> count(c, "SELECT sum(readings) FROM rollup_5m")));
        assertEquals(1, writer.duplicates());
    }

    @Test
    void aDifferentReadingUnderAStoredIdentityIsAConflictKeptNotADuplicate() throws Exception {
        long at = NOW.toEpochMilli();
        writer.offer(new StoreWriter.Received(new Inbound.Reading("p", 1L, 7, 2000, 40.0, null, 35_000L, at, 0, null), at,
                acks::incrementAndGet));
        writer.offer(new StoreWriter.Received(new Inbound.Reading("p", 1L, 7, 2000, 40.0, null, 35_000L, at, 0, null), at,
                acks::incrementAndGet));
        // The pot lost its boot counter: boot 1, seq 7 again, but another reading.
        writer.offer(new StoreWriter.Received(new Inbound.Reading("p", 1L, 7, 2600, 33.3, null, 1_000L, at, 0, null), at,
                acks::incrementAndGet));
        org.awaitility.Awaitility.await().until(() -> acks.get() == 3);
        assertEquals(1, writer.duplicates(), "the same reading again is a duplicate");
        assertEquals(1, writer.conflicts(), "another reading under the same identity is a conflict");
        assertEquals(1L, (long) db.read(c -> count(c, "SELECT count(*) FROM all_readings")));
        String problem = db.read(c -> {
            try (var q = c.prepareStatement("SELECT problem FROM messages WHERE topic = 'to_mothership/p'");
                 var r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        });
        assertTrue(problem != null && problem.startsWith("boot 1, seq 7 is already stored with moisture 40.0%")
                && problem.contains("this one says moisture 33.3%") && problem.contains("boot counter went back"), problem);
    }

    @Test
    void aJunkFloodIsCountedButOnlyASampleIsKept() {
        for (int i = 0; i < 300; i++) {
            writer.offer(new StoreWriter.Received(new Inbound.Message("to_mothership", "x" + i, true, "malformed JSON"),
                    NOW.toEpochMilli(), acks::incrementAndGet));
        }
        writer.offer(new StoreWriter.Received(new Inbound.Message("to_mothership", "Test to mothership #1", false, null),
                NOW.toEpochMilli(), acks::incrementAndGet));
        org.awaitility.Awaitility.await().until(() -> acks.get() == 301);
        assertEquals((long) IngestTables.JUNK_KEPT_PER_MINUTE + 1, (long) db.read(c -> count(c, "SELECT count(*) FROM messages")));
    }

    @Test
    void lastWateredIsKeptHoweverLongAgo() {
        Instant longAgo = NOW.minus(Duration.ofDays(40));
        for (String outcome : new String[] {"done", "refused"}) {
            dev.smartpot.mothership.api.WateringView w = new dev.smartpot.mothership.api.WateringView(0, "p", 100, "manual",
                    "alice", outcome.equals("done") ? longAgo : NOW, outcome, null, 20.0, null);
            writer.submit(c -> WateringLog.insert(c, w)).join();
        }
        assertEquals(java.util.Map.of("p", longAgo), WateringLog.lastWatered(db), "a refusal is not a watering");
    }

    @Test
    void aRedeliveredStatusKeepsItsFirstTime() throws Exception {
        try (Database other = Database.sqlite(file.resolveSibling("status.db"))) {
            dev.smartpot.mothership.testing.RedeliveredStatus.check(other);
        }
    }

    @Test
    void errorsNameTheFileAndTheFix() {
        java.sql.SQLException full = new java.sql.SQLException("[SQLITE_FULL] database or disk is full");
        String m = StoreErrors.describe(full, "SQLite /data/m.db");
        assertTrue(m.startsWith("SQLite /data/m.db: the disk is full"), m);
        String ro = StoreErrors.describe(new java.sql.SQLException("[SQLITE_READONLY] attempt to write a readonly database"),
                "SQLite /data/m.db");
        assertTrue(ro.contains("not writable") && ro.contains("write access"), ro);
    }

    private static long count(Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
