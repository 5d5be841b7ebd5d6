package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.ingest.Inbound;

/**
 * A batch as big as a saturating broker or a backlog brings (written to {@code readings} directly, pots interleaved):
 * what the in-memory state hears of it is each reading in arrival order with its boot and whether it was new, a
 * redelivery or a conflict, exactly as for readings that came one by one.
 */
class BigBatchTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final int PER_POT = 200;

    private Database db;
    private StoreWriter writer;
    private final AtomicLong acks = new AtomicLong();
    private final List<StoreWriter.Committed> batches = new CopyOnWriteArrayList<>();
    private int offered;

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "big-batch"));
        db = Database.sqlite(Files.createTempDirectory(dir, "db").resolve("m.db"));
        writer = new StoreWriter(db, new BootTracker(), Clock.fixed(NOW, ZoneOffset.UTC), 10_000);
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    private void offer(String pot, Long boot, long seq, double moisture, long uptime) {
        long at = NOW.toEpochMilli() - 1_000_000 + offered;
        writer.offer(new StoreWriter.Received(new Inbound.Reading(pot, boot, seq, 2000, moisture, null, uptime, at, 0, null),
                at, acks::incrementAndGet));
        offered++;
    }

    @Test
    void eachReadingIsToldInArrivalOrderWithItsBootAndOutcome() throws Exception {
        // Pots c, a, b interleaved; a sends no boot (the store tells its boots apart), b and c say theirs.
        for (int seq = 1; seq <= PER_POT; seq++) {
            offer("c", 1L, seq, 30, seq * 1_000L);
            offer("a", null, seq, 40, seq * 1_000L);
            offer("b", 2L, seq, 50, seq * 1_000L);
        }
        offer("b", 2L, 7, 50, 7_000L); // the same reading again: a redelivery
        offer("c", 1L, 9, 33.3, 1_000L); // another reading under a stored identity: a conflict
        offer("a", null, 5, 40, 5_000L); // a late copy of a reading already stored (looked up in this very batch)
        offer("a", null, 1, 41, 500L); // seq and uptime went back: pot a restarted
        // Everything queued before the writer starts: one batch, past InboxMove.DIRECT_BATCH.
        writer.gather(Duration.ZERO);
        writer.start(new StoreWriter.Listener() {
            @Override
            public void committed(StoreWriter.Committed batch) {
                batches.add(batch);
            }

            @Override
            public void storeHealth(String error) {
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> acks.get() == offered);
        assertEquals(1, batches.size(), "one batch");
        List<StoredReading> told = batches.get(0).readings();
        assertTrue(told.size() >= InboxMove.DIRECT_BATCH);
        assertEquals(offered, told.size());
        for (int i = 0; i < 3 * PER_POT; i++) {
            StoredReading r = told.get(i);
            assertEquals(new String[] {"c", "a", "b"}[i % 3], r.view().potId(), "arrival order at " + i);
            assertEquals(i / 3 + 1, r.view().seq());
            assertEquals(r.view().potId().equals("b") ? 2 : r.view().potId().equals("c") ? 1 : 0, r.view().boot());
            assertTrue(r.inserted(), "new at " + i);
        }
        StoredReading again = told.get(3 * PER_POT);
        assertEquals("b", again.view().potId());
        assertTrue(again.duplicate());
        StoredReading conflict = told.get(3 * PER_POT + 1);
        assertEquals("c", conflict.view().potId());
        assertNotNull(conflict.conflict());
        assertTrue(conflict.conflict().startsWith("boot 1, seq 9 is already stored with moisture 30.0%"), conflict.conflict());
        StoredReading late = told.get(3 * PER_POT + 2);
        assertEquals(0, late.view().boot(), "the stored reading's boot");
        assertTrue(late.duplicate());
        assertNull(late.conflict());
        StoredReading restarted = told.get(3 * PER_POT + 3);
        assertEquals(1, restarted.view().boot(), "a new boot for pot a");
        assertTrue(restarted.inserted());
        assertEquals(3L * PER_POT + 1, count("SELECT count(*) FROM readings"));
        assertEquals(3L * PER_POT + 1, count("SELECT sum(readings) FROM rollup_5m"), "new readings only, each once");
        assertEquals(3L * PER_POT + 1, count("SELECT sum(readings) FROM rollup_1h"));
        assertEquals(2L, count("SELECT count(*) FROM readings WHERE pot_id = 'a' AND seq = 1"), "a's seq 1 in both boots");
    }

    private long count(String sql) {
        return db.read(c -> {
            try (var q = c.prepareStatement(sql); ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
