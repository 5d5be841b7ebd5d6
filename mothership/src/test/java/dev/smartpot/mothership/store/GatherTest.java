package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.ingest.Inbound;

class GatherTest {

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Gather gather = new Gather();

    private void more(List<Object> batch) throws InterruptedException {
        gather.more(queue, batch, 5_000, "urgent"::equals, () -> true);
    }

    @Test
    void aSmallBatchTakesWhatArrivesWhileItWaits() throws Exception {
        gather.window(Duration.ofMinutes(1));
        List<Object> batch = new ArrayList<>(List.of("r0"));
        Thread late = new Thread(() -> {
            for (int i = 1; i < Gather.ENOUGH; i++) {
                queue.add("r" + i);
            }
        });
        late.start();
        more(batch);
        late.join(10_000);
        assertEquals(Gather.ENOUGH, batch.size(), "it commits once it holds enough, not at the window's end");
    }

    @Test
    void aBatchThatIsBigEnoughDoesNotWaitForTheWindow() throws Exception {
        gather.window(Duration.ofMinutes(1));
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < Gather.ENOUGH; i++) {
            batch.add("r" + i);
        }
        queue.add("queued");
        more(batch);
        assertEquals(Gather.ENOUGH + 1, batch.size(), "what is queued joins; then a pause of GAP ends it, not the minute");
        assertTrue(queue.isEmpty());
    }

    @Test
    void aWriteAPersonWaitsForIsNeverHeldBack() throws Exception {
        gather.window(Duration.ofMinutes(1));
        List<Object> batch = new ArrayList<>(List.of("r0", "urgent"));
        queue.add("later");
        more(batch);
        assertEquals(List.of("r0", "urgent"), batch);
    }

    @Test
    void aZeroWindowCommitsAtOnce() throws Exception {
        gather.window(Duration.ZERO);
        List<Object> batch = new ArrayList<>(List.of("r0"));
        queue.add("r1");
        more(batch);
        assertEquals(List.of("r0"), batch);
    }

    @Test
    void whatArrivedBeforeTheWindowEndsGoesIntoTheBatch() throws Exception {
        gather.window(Duration.ofMillis(50));
        List<Object> batch = new ArrayList<>(List.of("r0"));
        queue.add("r1");
        queue.add("r2");
        more(batch);
        assertEquals(List.of("r0", "r1", "r2"), batch);
    }

    @Test
    void aReadingOfAPotAwakeOnlyBrieflyEndsTheWait() throws Exception {
        gather.window(Duration.ofMinutes(1));
        AtOnce atOnce = new AtOnce();
        atOnce.awakeBriefly("sleeper"::equals);
        assertFalse(atOnce.test(reading("always-on")), "an always-on pot's reading waits for company");
        assertTrue(atOnce.test(new Object()), "anything else queued is a task a person waits for");
        assertTrue(atOnce.test(about("new", "deep-sleep")), "a pot not known yet says it deep-sleeps before its readings");
        assertFalse(atOnce.test(about("new", "always-on")));
        assertTrue(atOnce.test(new StoreWriter.Received(new Inbound.Reply("always-on", "{\"ok\":true}", true, "water", null),
                0, () -> {
                })), "a reply to a command: its sender waits for the outcome");
        List<Object> batch = new ArrayList<>(List.of(reading("always-on")));
        queue.add(reading("sleeper"));
        gather.more(queue, batch, 5_000, atOnce, () -> true);
        assertEquals(2, batch.size(), "the sleeper's reading joined the batch and ended its wait");
        queue.add("later");
        batch = new ArrayList<>(List.of(reading("sleeper")));
        gather.more(queue, batch, 5_000, atOnce, () -> true);
        assertEquals(1, batch.size(), "a deep-sleep pot's reading does not wait: its acknowledgement must reach its wake");
        assertEquals(List.of("later"), new ArrayList<>(queue));
    }

    private static StoreWriter.Received about(String pot, String power) {
        return new StoreWriter.Received(new Inbound.About(pot, "0.1.0", null, true, 300L, 1000L, 600L, 900_000L, power,
                true), 0, () -> {
                });
    }

    private static StoreWriter.Received reading(String pot) {
        return new StoreWriter.Received(new Inbound.Reading(pot, 1L, 0, 2000, 50.0, null, 100L, null, 0, null), 0, () -> {
        });
    }
}
