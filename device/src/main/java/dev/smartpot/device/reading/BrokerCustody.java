package dev.smartpot.device.reading;

/**
 * What the broker holds of this pot's readings until the mothership confirms them: the readings up to {@link #through()}
 * reached the broker (its PUBACK), and those still queued wait for the mothership's word. Since when they wait counts
 * in the queue's clock, so it goes on across a deep sleep or a reset as the readings' own times do. Guarded by the
 * queue's lock, kept in retained memory with it.
 */
public final class BrokerCustody {

    /** For {@link #waitingSince()}: nothing waits. */
    public static final long NOT_WAITING = Long.MIN_VALUE;

    private final ReadingQueue queue;
    private long through = -1;
    private long evicted;
    private long waitingSince = NOT_WAITING;
    private boolean confirming;

    BrokerCustody(ReadingQueue queue) {
        this.queue = queue;
    }

    /** The newest seq the broker acknowledged, queued or not; -1 for none. */
    public long through() {
        synchronized (queue) {
            return through;
        }
    }

    /** The broker acknowledged the readings up to {@code seq}. */
    public void reached(long seq) {
        synchronized (queue) {
            if (seq > through) {
                through = seq;
                queue.changed();
            }
        }
    }

    /** Queued readings the broker has, waiting for the mothership's confirmation. */
    public int count() {
        synchronized (queue) {
            long n = through - queue.oldestSeq() + 1;
            int size = queue.size();
            return n <= 0 || size == 0 ? 0 : n >= size ? size : (int) n;
        }
    }

    /** True for a queued reading the broker has (the queue's lock held). */
    boolean covers(long seq) {
        return seq <= through;
    }

    /** A full queue let a reading go that the broker has: trusted, not lost. */
    void evicted() {
        evicted++;
    }

    /** Readings at the broker a full queue let go before the mothership confirmed them, since boot. */
    public long evictedCount() {
        synchronized (queue) {
            return evicted;
        }
    }

    /** Since when (queue clock) readings at the broker wait for a confirmation, or {@link #NOT_WAITING}. */
    public long waitingSince() {
        synchronized (queue) {
            return waitingSince;
        }
    }

    /** Waiting starts (again) at {@code now}, or {@link #NOT_WAITING}. */
    public void waitingSince(long now) {
        synchronized (queue) {
            if (waitingSince != now) {
                waitingSince = now;
                queue.changed();
            }
        }
    }

    /**
     * True while a mothership confirms this pot's readings: readings at the broker wait for its word. False until
     * the first confirmation (a broker alone behaves as it always did) and after {@code ack.wait} without one.
     */
    public boolean confirming() {
        synchronized (queue) {
            return confirming;
        }
    }

    public void confirming(boolean now) {
        synchronized (queue) {
            if (confirming != now) {
                confirming = now;
                queue.changed();
            }
        }
    }

    /** The queue's clock moved by {@code millis} (a reset or a deep sleep). */
    void shift(long millis) {
        if (waitingSince != NOT_WAITING) {
            waitingSince += millis;
        }
    }

    /** Refilled from retained memory. */
    public void restore(long throughSeq, long since, boolean wasConfirming) {
        synchronized (queue) {
            through = throughSeq;
            waitingSince = since;
            confirming = wasConfirming;
        }
    }
}
