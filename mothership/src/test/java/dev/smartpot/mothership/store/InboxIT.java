package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.smartpot.mothership.api.Series;
import dev.smartpot.mothership.confirm.ConfirmedRuns;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.mothership.testing.PostgresServer;

/**
 * Readings staged in the inbox (issue 20) on a real SQLite file: exactly once across the inbox and readings, a move
 * sorted with its rollups, an abandoned move or writer (what a SIGKILL leaves), and every reader answering the same
 * before and after a move. The same on a real PostgreSQL, where readings are written to {@code readings} directly
 * (instances sharing a database rely on its primary key) and every reader still reads the inbox's part.
 */
class InboxIT {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final String[] POTS = {"p-c", "p-a", "p-b"};
    private static PostgresServer pg;
    private static int databases;

    private final List<Database> opened = new ArrayList<>();
    private final List<StoreWriter> writers = new ArrayList<>();
    private final AtomicLong acks = new AtomicLong();
    private long offered;
    private String where;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        pg.close();
    }

    @AfterEach
    void close() {
        writers.forEach(StoreWriter::close);
        opened.forEach(Database::close);
    }

    /** A fresh store of this kind; {@link #reopen} opens the same one again. */
    private Database store(String kind) throws Exception {
        if (kind.equals("sqlite")) {
            Path dir = Files.createDirectories(Path.of("target", "inbox-it"));
            where = Files.createTempDirectory(dir, "db").resolve("m.db").toString();
        } else {
            where = pg.createDatabase("inbox" + (++databases));
        }
        return reopen();
    }

    private Database reopen() throws SQLException {
        Database db = where.startsWith("jdbc:") ? Database.open(where, null, null) : Database.sqlite(Path.of(where));
        opened.add(db);
        return db;
    }

    private StoreWriter writer(Database db) {
        StoreWriter w = new StoreWriter(db, new BootTracker(), Clock.fixed(NOW, ZoneOffset.UTC), 10_000);
        w.gather(Duration.ZERO);
        w.start(StoreWriter.Listener.NONE);
        writers.add(w);
        return w;
    }

    private static Inbound.Reading reading(String pot, long seq, double moisture) {
        return new Inbound.Reading(pot, 1L, seq, 2000, moisture, null, seq * 5_000, NOW.toEpochMilli() - 7_200_000 + seq * 60_000,
                seq % 7 == 3 ? 1 : 0, null);
    }

    private void offerAndWait(StoreWriter w, Inbound.Reading... readings) {
        for (Inbound.Reading r : readings) {
            offered++;
            w.offer(new StoreWriter.Received(r, NOW.toEpochMilli(), acks::incrementAndGet));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> acks.get() == offered);
    }

    /** Offers these while the writer is held, so it takes them as one batch; returns once they are acknowledged. */
    private void offerAsOneBatch(StoreWriter w, List<Inbound.Reading> readings) throws InterruptedException {
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Boolean> held = w.submit(c -> {
            try {
                holding.countDown();
                return hold.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        // Only once the writer runs the task: a writer slow to wake would otherwise take the task with the first
        // readings, and they would arrive as two batches.
        assertTrue(holding.await(10, java.util.concurrent.TimeUnit.SECONDS), "the writer runs the holding task");
        for (Inbound.Reading r : readings) {
            offered++;
            w.offer(new StoreWriter.Received(r, NOW.toEpochMilli(), acks::incrementAndGet));
        }
        hold.countDown();
        assertTrue(held.join(), "the writer was held while the readings queued");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> acks.get() == offered);
    }

    /** Every pot's readings seq 0..count-1, interleaved across pots as a fleet sends them. */
    private void fleet(StoreWriter w, int count) {
        List<Inbound.Reading> all = new ArrayList<>();
        for (int seq = 0; seq < count; seq++) {
            for (int p = 0; p < POTS.length; p++) {
                all.add(reading(POTS[p], seq, 30.0 + p + (seq % 5) * 0.25));
            }
        }
        offerAndWait(w, all.toArray(new Inbound.Reading[0]));
    }

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement q = c.prepareStatement(sql); ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aRedeliveryIsADuplicateAndAnotherReadingAConflictWhetherItsFirstCopyIsInTheInboxOrMoved(String kind) throws Exception {
        Database db = store(kind);
        StoreWriter w = writer(db);
        offerAndWait(w, reading("p-a", 1, 40.0), reading("p-a", 2, 41.0));
        boolean staged = kind.equals("sqlite");
        assertEquals(staged ? 2 : 0, count(db, "SELECT count(*) FROM inbox"), "on SQLite new readings land in the inbox");
        assertEquals(staged ? 0 : 2, count(db, "SELECT count(*) FROM readings"));
        offerAndWait(w, reading("p-a", 1, 40.0), reading("p-a", 2, 99.0));
        assertEquals(1, w.duplicates(), "the same reading again, its first copy in the inbox");
        assertEquals(1, w.conflicts(), "another reading under a key held by the inbox");
        w.close(); // a clean stop moves the inbox

        assertEquals(0, count(db, "SELECT count(*) FROM inbox"));
        assertEquals(2, count(db, "SELECT count(*) FROM readings"));
        StoreWriter after = writer(db); // a new writer: nothing of the inbox in its memory
        offerAndWait(after, reading("p-a", 1, 40.0), reading("p-a", 2, 99.0), reading("p-a", 3, 42.0));
        assertEquals(1, after.duplicates(), "the same reading again, its first copy moved");
        assertEquals(1, after.conflicts(), "another reading under a key held by readings");
        assertEquals(3, count(db, "SELECT count(*) FROM all_readings"));
        assertEquals(2, count(db, "SELECT count(*) FROM messages WHERE problem LIKE '%reused a reading''s identity%'"),
                "each conflict is kept as a message");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void everyReaderAnswersTheSameBeforeAndAfterAMove(String kind) throws Exception {
        Database db = store(kind);
        StoreWriter w = writer(db);
        fleet(w, 40);
        offerAndWait(w, new Inbound.Reading("p-a", 2L, 0, null, null, "sensor_timeout", 1_000L, NOW.toEpochMilli() - 1_000, 0, null));
        assertEquals(kind.equals("sqlite") ? 121 : 0, count(db, "SELECT count(*) FROM inbox"));
        Map<String, Object> before = answers(db);
        w.close();
        assertEquals(0, count(db, "SELECT count(*) FROM inbox"));
        Map<String, Object> after = answers(db);
        assertEquals(before.keySet(), after.keySet());
        for (String what : before.keySet()) {
            Object b = before.get(what);
            Object a = after.get(what);
            if (b instanceof double[] bd) {
                assertArrayEquals(bd, (double[]) a, 1e-9, what);
            } else if (b instanceof long[] bl) {
                assertArrayEquals(bl, (long[]) a, what);
            } else {
                assertEquals(b, a, what);
            }
        }
        assertEquals(40, ((long[]) before.get("p-b count"))[0], "the inbox's readings are counted before they move");
    }

    /** What each reader of readings says, by a name for the assertion's message. */
    private static Map<String, Object> answers(Database db) {
        ReadingQueries q = new ReadingQueries(db);
        Map<String, Object> out = new java.util.TreeMap<>();
        for (String pot : POTS) {
            Instant from = NOW.minus(Duration.ofDays(400));
            out.put(pot + " readings", q.readings(pot, from, NOW, 1_000));
            out.put(pot + " newest 5", q.latest(pot, 5));
            out.put(pot + " count", q.countAndDropped(pot));
            for (Series s : new Series[] {q.series(pot, from, NOW, 200), q.series(pot, NOW.minus(Duration.ofHours(3)), NOW, 20),
                    q.series(pot, NOW.minus(Duration.ofHours(3)), NOW, 1_000)}) {
                String name = pot + " series " + s.resolution();
                out.put(name + " time", s.time());
                out.put(name + " avg", s.avg());
                out.put(name + " min", s.min());
                out.put(name + " max", s.max());
            }
        }
        BootTracker.State boot = q.bootState("p-a");
        out.put("p-a boot", List.of(boot.boot, boot.lastSeq, boot.firstSeq));
        StartState.load(db, 3).forEach((pot, s) -> out.put(pot + " start", List.of(s.newestFirst(), s.count(), s.dropped(),
                s.boot() == null ? List.of() : List.of(s.boot().boot, s.boot().lastSeq, s.boot().firstSeq))));
        ConfirmedRuns runs = ConfirmedRuns.load(db);
        for (String pot : POTS) {
            out.put(pot + " confirmed", runs.ackJson(pot));
        }
        return out;
    }

    @Test
    void aMoveSortsByPotBootAndSeqAddsTheRollupsAndEmptiesTheInbox() throws Exception {
        Database db = store("sqlite");
        StoreWriter w = writer(db);
        fleet(w, 30);
        int moved = w.submit(c -> InboxMove.move(c, db.dialect())).join();
        assertEquals(90, moved);
        assertEquals(0, count(db, "SELECT count(*) FROM inbox"));
        List<String> order = db.read(c -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT pot_id, seq FROM readings ORDER BY rowid");
                 ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    keys.add(r.getString(1) + "/" + r.getLong(2));
                }
            }
            return keys;
        });
        List<String> sorted = new ArrayList<>(order);
        sorted.sort((x, y) -> x.split("/")[0].equals(y.split("/")[0]) ? Long.compare(Long.parseLong(x.split("/")[1]),
                Long.parseLong(y.split("/")[1])) : x.compareTo(y));
        assertEquals(sorted, order, "appended pot by pot, seq by seq");
        // The rollups as the per-reading arithmetic gives them: 30 readings a pot a minute apart = 6 five-minute buckets.
        for (int p = 0; p < POTS.length; p++) {
            String pot = POTS[p];
            assertEquals(6, count(db, "SELECT count(*) FROM rollup_5m WHERE pot_id = '" + pot + "'"));
            assertEquals(30, count(db, "SELECT sum(readings) FROM rollup_5m WHERE pot_id = '" + pot + "'"));
            assertEquals(30, count(db, "SELECT sum(n) FROM rollup_1h WHERE pot_id = '" + pot + "'"));
            assertEquals(4, count(db, "SELECT sum(dropped) FROM rollup_1h WHERE pot_id = '" + pot + "'"), "seq 3, 10, 17, 24");
            double lo = 30.0 + p;
            double hi = 30.0 + p + 1.0;
            assertEquals(lo, db.read(c -> scalar(c, "SELECT min(min_m) FROM rollup_5m WHERE pot_id = '" + pot + "'")), 1e-9);
            assertEquals(hi, db.read(c -> scalar(c, "SELECT max(max_m) FROM rollup_1h WHERE pot_id = '" + pot + "'")), 1e-9);
            assertEquals(30 * (30.0 + p) + 6 * (0.25 + 0.5 + 0.75 + 1.0),
                    db.read(c -> scalar(c, "SELECT sum(total) FROM rollup_5m WHERE pot_id = '" + pot + "'")), 1e-9);
        }
        fleet(w, 31); // seq 0..29 again (duplicates) and 30: a second move adds to the buckets
        assertEquals(3, count(db, "SELECT count(*) FROM inbox"));
        w.submit(c -> InboxMove.move(c, db.dialect())).join();
        assertEquals(93, count(db, "SELECT sum(readings) FROM rollup_1h"));
        assertEquals(93, count(db, "SELECT count(*) FROM readings"));
    }

    private static double scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql); ResultSet r = q.executeQuery()) {
            r.next();
            return r.getDouble(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aMoveOrAWriterAbandonedMidWayLosesAndDoublesNothing(String kind) throws Exception {
        Database db = store(kind);
        StoreWriter w = writer(db);
        fleet(w, 20);
        int staged = kind.equals("sqlite") ? 60 : 0;
        // A move cut off before its commit (a SIGKILL mid-move): its connection goes away without committing.
        try (Connection c = db.newConnection()) {
            c.setAutoCommit(false);
            assertEquals(staged, InboxMove.move(c, db.dialect()));
        }
        assertEquals(staged, count(db, "SELECT count(*) FROM inbox"));
        assertEquals(60 - staged, count(db, "SELECT count(*) FROM readings"));
        fleet(w, 25); // the writer, never told, goes on: 15 new, 60 duplicates
        // The writer abandoned as a SIGKILL leaves it (never closed, its memory of the inbox lost): a restart
        // moves what the inbox holds, and the broker's redeliveries are recognized.
        Database restarted = reopen();
        assertEquals(0, count(restarted, "SELECT count(*) FROM inbox"), "moved at start");
        assertEquals(75, count(restarted, "SELECT count(*) FROM readings"));
        StoreWriter again = writer(restarted);
        fleet(again, 26);
        assertEquals(75, again.duplicates(), "every redelivery recognized");
        assertEquals(0, again.conflicts());
        assertEquals(78, count(restarted, "SELECT count(*) FROM all_readings"));
        assertEquals(78, count(restarted, "SELECT count(*) FROM (SELECT DISTINCT pot_id, boot, seq FROM all_readings) k"));
        again.close();
        assertEquals(78, count(restarted, "SELECT sum(readings) FROM rollup_1h"), "each reading rolled up once");
        assertTrue(count(restarted, "SELECT count(*) FROM readings WHERE boot <> 1") == 0, "no redelivery taken for a reboot");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aMoveSkipsAReadingStoredAlreadyAndMovesTheRestRatherThanFailEveryMoveToCome(String kind) throws Exception {
        Database db = store(kind);
        long ts = NOW.toEpochMilli();
        try (Connection c = db.newConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("INSERT INTO readings (pot_id, boot, seq, moisture, ts, received_at) VALUES ('p-a', 1, 1, 40.0, " + ts
                    + ", " + ts + ")");
            // The same reading in the inbox again, beside a new one: nothing the writer does, but a store restored or
            // edited by hand can hold it.
            String gen = InboxMove.CURRENT_GEN;
            s.execute("INSERT INTO inbox_slots (slot, gen, pot_id, boot, seq, moisture, ts, received_at) VALUES (1, " + gen
                    + ", 'p-a', 1, 1, 99.0, " + ts + ", " + ts + "), (2, " + gen + ", 'p-b', 1, 7, 41.0, " + ts + ", " + ts + ")");
            assertEquals(2, count(db, "SELECT count(*) FROM inbox"));
            assertTrue(InboxMove.moveNow(c, db.dialect(), "a test"), "the move commits");
        }
        assertEquals(0, count(db, "SELECT count(*) FROM inbox"));
        assertEquals(2, count(db, "SELECT count(*) FROM readings"));
        assertEquals(40, count(db, "SELECT moisture FROM readings WHERE pot_id = 'p-a' AND seq = 1"), "the stored copy stays");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aDeletedPotLeavesNothingInTheInboxAndComesBackAfresh(String kind) throws Exception {
        Database db = store(kind);
        StoreWriter w = writer(db);
        fleet(w, 3);
        assertTrue(w.deletePot("p-a").join());
        assertEquals(0, count(db, "SELECT count(*) FROM all_readings WHERE pot_id = 'p-a'"));
        offerAndWait(w, reading("p-a", 1, 40.0));
        assertEquals(0, w.duplicates(), "its old reading's key is forgotten with it");
        assertEquals(1, count(db, "SELECT count(*) FROM all_readings WHERE pot_id = 'p-a'"));
    }

    @Test
    void aBigBatchGoesToReadingsDirectlyAndStillMeetsTheInboxsCopies() throws Exception {
        Database db = store("sqlite");
        StoreWriter w = writer(db);
        offerAndWait(w, reading("p-a", 1, 40.0), reading("p-a", 2, 41.0));
        List<Inbound.Reading> backlog = new ArrayList<>(List.of(reading("p-a", 1, 40.0), reading("p-a", 2, 99.0)));
        for (int seq = 0; seq < InboxMove.DIRECT_BATCH + 100; seq++) {
            backlog.add(reading("p-b", seq, 50.0));
        }
        offerAsOneBatch(w, backlog); // as after an outage
        assertEquals(InboxMove.DIRECT_BATCH + 100, count(db, "SELECT count(*) FROM readings"), "the big batch went to readings");
        assertEquals(2, count(db, "SELECT count(*) FROM inbox"), "the inbox kept its own");
        assertEquals(1, w.duplicates(), "a redelivery of a reading in the inbox, in a big batch");
        assertEquals(1, w.conflicts(), "another reading under a key the inbox holds, in a big batch");
        w.close();
        assertEquals(InboxMove.DIRECT_BATCH + 102, count(db, "SELECT sum(readings) FROM rollup_1h"), "each reading rolled up once");
    }

    @Test
    void theInboxWritesOverItsSlotsMoveAfterMoveSoACommitAllocatesNoPage() throws Exception {
        Database db = store("sqlite");
        StoreWriter w = writer(db);
        fleet(w, 20);
        w.close(); // moved: 60 slots to write over
        StoreWriter again = writer(db);
        // Each commit of a few readings over slots of the ring: the pages they are on and nothing else (no new leaf,
        // so no parent page, first page or free-list page); 9 readings of about 70 bytes span at most two 1 KB pages.
        // Appending instead, about every other commit would start a leaf and cost three pages more.
        Path wal = Path.of(where + "-wal");
        for (int commit = 0; commit < 6; commit++) {
            long before = Files.size(wal);
            List<Inbound.Reading> nine = new ArrayList<>();
            for (int seq = 20 + 3 * commit; seq < 23 + 3 * commit; seq++) {
                for (String pot : POTS) {
                    nine.add(reading(pot, seq, 40.0));
                }
            }
            offerAsOneBatch(again, nine);
            long frames = (Files.size(wal) - before) / (Dialect.PAGE_SIZE + 24);
            assertTrue(frames >= 1 && frames <= 2, "pages commit " + commit + " appended to the write-ahead log: " + frames);
        }
        fleet(again, 40); // 114 redeliveries, then 6 new readings: slots 55 to 60
        assertEquals(60, count(db, "SELECT count(*) FROM inbox"));
        assertEquals(60, count(db, "SELECT count(*) FROM inbox_slots"), "no slot added: the moved readings' are written over");
        again.close();
        assertEquals(120, count(db, "SELECT count(*) FROM readings"));
        assertEquals(120, count(db, "SELECT sum(readings) FROM rollup_1h"), "each reading rolled up once");
    }

    @Test
    void aRingAFloodMadeBigShrinksBackAtTheNextMove() throws Exception {
        Database db = store("sqlite");
        StoreWriter w = writer(db);
        for (int round = 0; round < 5; round++) { // batches under DIRECT_BATCH, so they go to the inbox
            List<Inbound.Reading> some = new ArrayList<>();
            for (int seq = round * 100; seq < round * 100 + 100; seq++) {
                for (String pot : POTS) {
                    some.add(reading(pot, seq, 40.0));
                }
            }
            offerAndWait(w, some.toArray(new Inbound.Reading[0]));
        }
        assertEquals(1_500, count(db, "SELECT count(*) FROM inbox_slots"));
        w.close();
        StoreWriter after = writer(db);
        offerAndWait(after, reading("p-a", 900, 40.0));
        after.close(); // a move of one reading
        assertEquals(2 + InboxMove.SPARE_SLOTS, count(db, "SELECT count(*) FROM inbox_slots"), "slots beyond twice the move's and the spare");
        assertEquals(1_501, count(db, "SELECT count(*) FROM readings"));
        assertEquals(0, count(db, "SELECT count(*) FROM inbox"));
    }

    @Test
    void readingsAnOlderVersionLeftInItsInboxTableAreMovedAtStart() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "inbox-it")), "v7");
        Path file = dir.resolve("m.db");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrations.apply(c, Dialect.SQLITE, 7); // the inbox as a table, as version 7 made it
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("INSERT INTO pots (id, first_seen) VALUES ('p-a', 1)");
                s.execute("INSERT INTO inbox (pot_id, boot, seq, moisture, ts, received_at) VALUES ('p-a', 1, 1, 40.0, "
                        + NOW.toEpochMilli() + ", " + NOW.toEpochMilli() + "), ('p-a', 1, 2, 41.0, " + NOW.toEpochMilli()
                        + ", " + NOW.toEpochMilli() + ")");
            }
        }
        where = file.toString();
        Database db = reopen();
        assertEquals(2, count(db, "SELECT count(*) FROM readings"), "what a SIGKILL left in version 7's inbox");
        assertEquals(2, count(db, "SELECT sum(readings) FROM rollup_1h"));
        assertEquals(0, count(db, "SELECT count(*) FROM inbox"));
    }
}
