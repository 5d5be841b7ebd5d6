package dev.smartpot.mothership.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * At light traffic a commit per message writes the same few pages of the readings' table, its indexes and the
 * rollups again for every reading (SD card wear): the writer waits a little for more before it commits. It
 * waits only while the batch is small, so a busy broker is never slowed, and never with a write a person
 * waits for (a command, a setting) in the batch.
 */
final class Gather {

    /** How long a small batch waits for more by default. */
    static final Duration WINDOW = Duration.ofSeconds(1);
    /**
     * A batch this big commits at once: below Mosquitto's default window of 20 unacknowledged messages per
     * client (MQTT 3.1.1), so the broker never stops sending because the writer is still gathering (the
     * mothership acknowledges only after the commit).
     */
    static final int ENOUGH = 10;

    private volatile long windowNanos = WINDOW.toNanos();

    void window(Duration d) {
        windowNanos = d.toNanos();
    }

    /**
     * Adds what arrives within the window to {@code batch} (at most {@code max} in all) while it is smaller than
     * {@link #ENOUGH}, holds nothing {@code urgent} and {@code go} holds.
     */
    void more(BlockingQueue<Object> queue, List<Object> batch, int max, Predicate<Object> urgent, BooleanSupplier go)
            throws InterruptedException {
        long deadline = System.nanoTime() + windowNanos;
        int checked = 0;
        while (batch.size() < ENOUGH && go.getAsBoolean()) {
            for (; checked < batch.size(); checked++) {
                if (urgent.test(batch.get(checked))) {
                    return;
                }
            }
            long left = deadline - System.nanoTime();
            Object next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, max - batch.size());
        }
    }
}
