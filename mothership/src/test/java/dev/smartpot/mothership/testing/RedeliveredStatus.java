package dev.smartpot.mothership.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.smartpot.mothership.api.WakeView;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.mothership.store.BootTracker;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.PotTable;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.mothership.store.WakeLog;
import dev.smartpot.protocol.StatusDecoder;

/**
 * The stored status time on any store: the broker re-sending a pot's retained status keeps the time it was first
 * stored; the same words after a reading, or other words, are news.
 */
public final class RedeliveredStatus {

    private RedeliveredStatus() {
    }

    public static void check(Database db) {
        ShiftedClock clock = new ShiftedClock();
        AtomicLong acks = new AtomicLong();
        try (StoreWriter writer = new StoreWriter(db, new BootTracker(), clock, 1_000)) {
            writer.gather(Duration.ZERO); // not about the gather: no 1 s wait per write
            writer.start(StoreWriter.Listener.NONE);
            String asleep = "{\"state\":\"asleep\",\"sleep_ms\":3600000,\"wake\":{\"boot\":1,\"seq\":0,\"wifi_ms\":270,"
                    + "\"awake_ms\":641}}";
            Runnable status = () -> writer.offer(new StoreWriter.Received(new Inbound.Status("s1", asleep,
                    StatusDecoder.decode("s1", asleep).wake), clock.millis(), acks::incrementAndGet));
            writer.offer(new StoreWriter.Received(new Inbound.Reading("s1", null, 0, 2000, 50.0, null, 100L,
                    clock.millis(), 0, null), clock.millis(), acks::incrementAndGet));
            status.run();
            await().atMost(Duration.ofSeconds(10)).until(() -> acks.get() == 2);
            Instant first = statusAt(db);

            clock.advance(Duration.ofHours(6));
            status.run();
            await().atMost(Duration.ofSeconds(10)).until(() -> acks.get() == 3);
            assertEquals(first, statusAt(db), "a redelivery 6 h later keeps the first time");
            List<WakeView> wakes = WakeLog.between(db, "s1", Instant.EPOCH, Instant.now().plus(Duration.ofDays(2)), 10);
            assertEquals(1, wakes.size(), "the same wake redelivered is stored once: " + wakes);
            assertEquals(270L, wakes.get(0).wifiMs());
            assertEquals(641L, wakes.get(0).awakeMs());
            assertNull(wakes.get(0).mqttMs(), "a phase the pot did not report");
            assertEquals(first, wakes.get(0).receivedAt());

            clock.advance(Duration.ofHours(1));
            writer.offer(new StoreWriter.Received(new Inbound.Reading("s1", null, 1, 2000, 50.0, null, 200L,
                    clock.millis(), 0, null), clock.millis(), acks::incrementAndGet));
            status.run();
            await().atMost(Duration.ofSeconds(10)).until(() -> acks.get() == 5);
            Instant afterReading = statusAt(db);
            assertTrue(afterReading.isAfter(first.plus(Duration.ofHours(7)).minusSeconds(60)),
                    "the same words after a reading are a new sleep: " + afterReading);

            clock.advance(Duration.ofHours(1));
            writer.offer(new StoreWriter.Received(new Inbound.Status("s1", "{\"state\":\"asleep\",\"sleep_ms\":7200000}"), clock.millis(),
                    acks::incrementAndGet));
            await().atMost(Duration.ofSeconds(10)).until(() -> acks.get() == 6);
            assertTrue(statusAt(db).isAfter(afterReading.plus(Duration.ofHours(1)).minusSeconds(60)),
                    "other words are news");
        }
    }

    private static Instant statusAt(Database db) {
        return PotTable.all(db).stream().filter(r -> r.id().equals("s1")).findFirst().orElseThrow().statusAt();
    }
}
