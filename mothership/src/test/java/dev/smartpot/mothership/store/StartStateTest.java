package dev.smartpot.mothership.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.ingest.Inbound;

/** The start's few queries for all pots give each pot what the per-pot queries give it. */
class StartStateTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private Database db;
    private StoreWriter writer;
    private final AtomicLong acks = new AtomicLong();
    private long sent;

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "start-state"));
        db = Database.sqlite(Files.createTempDirectory(dir, "db").resolve("m.db"));
        writer = new StoreWriter(db, new BootTracker(), Clock.fixed(NOW, ZoneOffset.UTC), 10_000);
        writer.gather(java.time.Duration.ZERO); // these tests are not about the gather: no 1 s wait per reading
        writer.start(StoreWriter.Listener.NONE);
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    private void send(Inbound in) {
        long at = NOW.toEpochMilli() + sent;
        sent++;
        writer.offer(new StoreWriter.Received(in, at, acks::incrementAndGet));
    }

    private void reading(String pot, long seq, long uptime) {
        send(new Inbound.Reading(pot, null, seq, 2000, 40.0 + seq, null, uptime, NOW.toEpochMilli() + uptime, seq == 3 ? 2 : 0, null));
    }

    @Test
    void everyPotGetsItsNewestReadingsItsBootAndItsTotals() {
        for (int seq = 0; seq < 6; seq++) {
            reading("rebooted", seq, 5_000L * seq);
        }
        for (int seq = 0; seq < 3; seq++) {
            reading("rebooted", seq, 100L + 5_000L * seq); // seq and uptime start again: its second boot
        }
        reading("one", 7, 35_000);
        send(new Inbound.Status("silent", "online"));
        await().atMost(Duration.ofSeconds(10)).until(() -> acks.get() == sent);

        Map<String, StartState.PotStart> starts = StartState.load(db, 4);
        ReadingQueries perPot = new ReadingQueries(db);
        for (String pot : new String[] {"rebooted", "one"}) {
            StartState.PotStart s = starts.get(pot);
            assertEquals(perPot.latest(pot, 4), s.newestFirst(), pot + ": newest readings, newest first");
            long[] totals = perPot.countAndDropped(pot);
            assertEquals(totals[0], s.count(), pot + ": readings ever");
            assertEquals(totals[1], s.dropped(), pot + ": dropped ever");
            BootTracker.State want = perPot.bootState(pot);
            assertEquals(describe(want), describe(s.boot()), pot + ": where its boot stands");
        }
        assertEquals("boot 1, last seq 2 at 10100, first seq 0 at 100", describe(starts.get("rebooted").boot()));
        StartState.PotStart silent = starts.getOrDefault("silent", new StartState.PotStart(java.util.List.of(), null, 0, 0));
        assertEquals(0, silent.newestFirst().size(), "a pot with a status but no reading");
        assertNull(silent.boot());
    }

    private static String describe(BootTracker.State s) {
        return s == null ? "none" : "boot " + s.boot + ", last seq " + s.lastSeq + " at " + s.lastUptime + ", first seq "
                + s.firstSeq + " at " + s.firstUptime;
    }
}
