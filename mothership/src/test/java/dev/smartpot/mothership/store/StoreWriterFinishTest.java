package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.ingest.Inbound;

/**
 * A clean stop ({@link StoreWriter#finish()}) commits, acknowledges and tells what the writer holds while the broker
 * link is still up, the gather's batch too; what arrives after it is left unacknowledged for the broker to deliver
 * again. Before, the link closed first: the gathered readings were stored but never acknowledged nor confirmed, and came
 * back after a restart as duplicates (the demo's restart showed them).
 */
class StoreWriterFinishTest {

    private Database db;
    private StoreWriter writer;
    private final AtomicLong acks = new AtomicLong();
    private final List<Integer> told = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "clean-stop"));
        db = Database.sqlite(Files.createTempDirectory(dir, "db").resolve("m.db"));
        writer = new StoreWriter(db, new BootTracker(), Clock.systemUTC(), 10_000);
        writer.gather(Duration.ofMinutes(10)); // far longer than the test: only finish() can end the gather
        writer.start(new StoreWriter.Listener() {
            @Override
            public void committed(StoreWriter.Committed batch) {
                synchronized (told) {
                    told.add(batch.readings().size());
                }
            }

            @Override
            public void storeHealth(String error) {
            }
        });
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    private StoreWriter.Received reading(long seq) {
        long now = System.currentTimeMillis();
        return new StoreWriter.Received(new Inbound.Reading("p", 1L, seq, 2000, 40.0, null, 5_000L * seq, now, 0, null),
                now, acks::incrementAndGet);
    }

    private long stored() throws Exception {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM all_readings")) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    @Test
    void finishCommitsAcknowledgesAndTellsWhatTheGatherHolds() throws Exception {
        for (long seq = 1; seq <= 3; seq++) {
            assertTrue(writer.offer(reading(seq), 1_000));
        }
        writer.finish();
        assertEquals(3, acks.get(), "every reading held is acknowledged to the broker before the link closes");
        assertEquals(3, stored());
        synchronized (told) {
            assertEquals(3, told.stream().mapToInt(Integer::intValue).sum(), "and told (its pots' confirmations): " + told);
        }
    }

    @Test
    void aMessageOfferedAfterFinishIsNeitherStoredNorAcknowledged() throws Exception {
        writer.finish();
        assertTrue(writer.offer(reading(1), 1_000), "taken, so the link does not wait for room");
        writer.close();
        assertEquals(0, acks.get(), "unacknowledged: the broker delivers it again to the next session");
        assertEquals(0, stored());
    }
}
