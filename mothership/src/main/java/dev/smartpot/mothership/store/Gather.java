package dev.smartpot.mothership.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * At light traffic a commit per message writes the same few pages of the readings' table, its indexes and the
 * rollups again for every reading (SD card wear), and each commit costs CPU: the writer waits a little for more
 * before it commits. Up to {@link #ENOUGH} messages it waits for the window; past that it keeps taking messages only
 * while they keep coming (a pause of {@link #GAP} ends the batch), so a broker that stopped sending because its
 * window of unacknowledged messages is full is not kept waiting: the mothership acknowledges only after the commit.
 * The same pause at the same size twice in a row is such a window (Mosquitto's default is 20 per client): from then
 * on a batch stops growing at half of it, so the broker keeps sending while the writer commits. Never a wait with a
 * write a person waits for (a command, a setting) in the batch.
 */
final class Gather {

    /**
     * How long a small batch waits for more by default. Each commit appends at least a page to the write-ahead log: for
     * 20 pots at one reading per 5 s the commits write about 174 MB a day at 1 s and 94 MB at 3 s (BENCHMARKS.md). A reading
     * reaches the dashboard, and its confirmation the pot, at most this much later; the evaluator counts it out of a
     * pot's silence; a sleeping pot's readings, replies, a person's writes and a clean stop never wait.
     */
    static final Duration WINDOW = Duration.ofSeconds(3);
    /**
     * A batch this big waits only while messages keep coming: below Mosquitto's default window of 20 unacknowledged
     * messages per client (MQTT 3.1.1), so the broker never stops sending while a batch this small is gathered.
     */
    static final int ENOUGH = 10;
    /**
     * Past {@link #ENOUGH}, no message for this long ends the batch: the broker is idle, or its window is full. A batch
     * that came slower waits {@link #PACES} of its own pace instead: 20 pots at 5 s send one every 250 ms, and ending
     * their batches at each such gap cut them at 10 and taught a broker window that was not there.
     */
    static final Duration GAP = Duration.ofMillis(100);
    /** How many of the batch's own gaps between messages end it past {@link #ENOUGH}, when that is longer than GAP. */
    static final int PACES = 4;

    private final LongSupplier nanoTime;
    private volatile long windowNanos = WINDOW.toNanos();
    /** The size a batch stops growing at: lowered to half the broker's window once that is seen (writer thread). */
    private int limit = Integer.MAX_VALUE;
    /** The size of the last batch a pause ended past {@link #ENOUGH}; -1 when the last one ended otherwise. */
    private int lastPaused = -1;

    Gather() {
        this(System::nanoTime);
    }

    /** @param nanoTime the clock the window and the gap are measured on (a test's hand) */
    Gather(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    void window(Duration d) {
        windowNanos = d.toNanos();
    }

    long windowMillis() {
        return windowNanos / 1_000_000;
    }

    /** The size a batch stops growing at now (for tests and the log). */
    int limit() {
        return limit;
    }

    /**
     * Adds what arrives within the window to {@code batch} (at most {@code max} in all): while it is smaller than
     * {@link #ENOUGH}, then while messages keep coming and it is smaller than the learnt limit; never once it holds
     * something {@code urgent} or {@code go} fails.
     */
    void more(BlockingQueue<Object> queue, List<Object> batch, int max, Predicate<Object> urgent, BooleanSupplier go)
            throws InterruptedException {
        long start = nanoTime.getAsLong();
        long deadline = start + windowNanos;
        int first = batch.size();
        int checked = 0;
        while (batch.size() < Math.min(max, limit) && go.getAsBoolean()) {
            for (; checked < batch.size(); checked++) {
                if (urgent.test(batch.get(checked))) {
                    lastPaused = -1;
                    return;
                }
            }
            long now = nanoTime.getAsLong();
            long left = deadline - now;
            boolean past = batch.size() >= ENOUGH;
            long pause = past ? pause(now - start, batch.size() - first) : left;
            long wait = Math.min(left, pause);
            Object next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                ended(past && left > pause ? batch.size() : -1);
                return;
            }
            batch.add(next);
            queue.drainTo(batch, max - batch.size());
        }
        lastPaused = -1;
    }

    /** The silence that ends a batch past {@link #ENOUGH}: GAP, or {@link #PACES} of the gaps its messages came at. */
    private static long pause(long gatheredNanos, int gathered) {
        long pace = gathered > 0 ? gatheredNanos / gathered : 0;
        return Math.max(GAP.toNanos(), PACES * pace);
    }

    /** @param pausedAt the batch's size when a pause ended it past {@link #ENOUGH}, or -1 */
    private void ended(int pausedAt) {
        if (pausedAt > 0 && pausedAt == lastPaused) {
            // The broker stopped at the same count twice: its window of unacknowledged messages. At half of it the
            // broker keeps sending while the writer commits.
            limit = Math.max(ENOUGH, pausedAt / 2);
            System.out.println("mothership: the broker paused twice at " + pausedAt + " unacknowledged messages, most"
                    + " likely its max_inflight_messages: a batch commits at " + limit + " from now on (fewer, larger"
                    + " commits with a larger window: board-config/mosquitto sets 10000)");
        }
        lastPaused = pausedAt;
    }
}
