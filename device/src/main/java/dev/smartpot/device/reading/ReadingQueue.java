package dev.smartpot.device.reading;

/**
 * Readings waiting to be published, oldest first, in one {@code int[]}: four bytes a reading and no
 * object per reading, so a day of readings fits the board's heap.
 *
 * <p>Sequence numbers are consecutive (readings are only ever removed at the head), so only the head's
 * is stored. Each slot packs the raw code (13 bits) with the time since the previous reading in
 * hundredths of a second (19 bits, up to 87 minutes; longer gaps saturate). Times are rebuilt from the
 * head's exact uptime, and each delta is taken against the previous reading's rebuilt time, so rounding
 * never accumulates: every time is within 5 ms of when the reading was taken.
 */
public final class ReadingQueue {

    private static final int RAW_BITS = 13;
    private static final int RAW_MASK = (1 << RAW_BITS) - 1;
    private static final int MAX_DELTA_CS = (1 << (32 - RAW_BITS)) - 1;

    private final int[] slots;
    private int head;
    private int size;
    private long headSeq;
    private long headUptime;
    /** Rebuilt uptime of the newest reading, the base for the next delta. */
    private long tailUptime;
    private long dropped;
    /** Counts every add and removal, so a copy kept elsewhere knows when it is out of date. */
    private int changes;

    public ReadingQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, got " + capacity);
        }
        slots = new int[capacity];
    }

    /**
     * Appends a reading. When full, the oldest reading is dropped first and counted in {@link #dropped()}.
     *
     * @param seq must be one more than the previous reading's (or anything when empty)
     * @param rawCode {@link RawCodes} value, 0 to 8191
     */
    public void add(long seq, long uptimeMillis, int rawCode) {
        if (size == slots.length) {
            dropOldest();
        }
        int deltaCs;
        if (size == 0) {
            headSeq = seq;
            headUptime = uptimeMillis;
            tailUptime = uptimeMillis;
            deltaCs = 0;
        } else {
            long delta = (uptimeMillis - tailUptime + 5) / 10;
            deltaCs = delta < 0 ? 0 : delta > MAX_DELTA_CS ? MAX_DELTA_CS : (int) delta;
            tailUptime += deltaCs * 10L;
        }
        slots[(head + size) % slots.length] = (deltaCs << RAW_BITS) | (rawCode & RAW_MASK);
        size++;
        changes++;
    }

    private void dropOldest() {
        removeOldest();
        dropped++;
    }

    /** Removes the oldest reading (after it was delivered). */
    public void removeOldest() {
        if (size == 0) {
            return;
        }
        head = (head + 1) % slots.length;
        size--;
        headSeq++;
        changes++;
        if (size > 0) {
            headUptime += (slots[head] >>> RAW_BITS) * 10L;
        }
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return slots.length;
    }

    /** Readings dropped because the queue was full, since boot. */
    public long dropped() {
        return dropped;
    }

    public long oldestSeq() {
        return headSeq;
    }

    public long oldestUptime() {
        return headUptime;
    }

    public int oldestRawCode() {
        return slots[head] & RAW_MASK;
    }

    /** Grows with every add and removal (wrapping): equal values mean the same contents. */
    public int changes() {
        return changes;
    }

    /** The {@code i}-th reading from the oldest, packed (raw code and time delta) as stored. */
    public int packedAt(int i) {
        return slots[(head + i) % slots.length];
    }

    /** The time since the previous reading that a packed reading holds, in milliseconds. */
    public static long deltaMillis(int packed) {
        return (packed >>> RAW_BITS) * 10L;
    }

    /** Uptime of the newest reading as rebuilt from the deltas (the oldest's for a single reading). */
    public long newestUptime() {
        return tailUptime;
    }

    /**
     * Starts refilling an empty queue from a copy (see {@link #restorePacked(int)}): the oldest reading's sequence
     * number and uptime, and the drops counted before.
     */
    public void restoreStart(long oldestSeq, long oldestUptime, long droppedBefore) {
        head = 0;
        size = 0;
        headSeq = oldestSeq;
        headUptime = oldestUptime;
        tailUptime = oldestUptime;
        dropped = droppedBefore;
        changes++;
    }

    /** Appends a packed reading from a copy, oldest first; a full queue drops the oldest as {@link #add} does. */
    public void restorePacked(int packed) {
        if (size == slots.length) {
            dropOldest();
        }
        if (size > 0) {
            tailUptime += (packed >>> RAW_BITS) * 10L;
        } else {
            packed &= RAW_MASK;
        }
        slots[(head + size) % slots.length] = packed;
        size++;
        changes++;
    }

    /** Shifts every reading's time by {@code millis} (a new boot counts uptime from zero again). */
    public void shiftTimes(long millis) {
        headUptime += millis;
        tailUptime += millis;
    }

    /** Counts readings lost outside the queue (to a power cut), so the next payload reports them. */
    public void countLost(long readings) {
        dropped += readings;
    }

    /** Bytes this queue holds on the heap for its readings. */
    public int footprintBytes() {
        return slots.length * 4;
    }
}
