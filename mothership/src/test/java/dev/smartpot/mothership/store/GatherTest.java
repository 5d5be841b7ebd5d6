package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.junit.jupiter.api.Test;

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
    void aBatchThatIsBigEnoughDoesNotWait() throws Exception {
        gather.window(Duration.ofMinutes(1));
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < Gather.ENOUGH; i++) {
            batch.add("r" + i);
        }
        queue.add("later");
        more(batch);
        assertEquals(Gather.ENOUGH, batch.size());
        assertEquals(List.of("later"), new ArrayList<>(queue), "left for the next batch");
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
}
