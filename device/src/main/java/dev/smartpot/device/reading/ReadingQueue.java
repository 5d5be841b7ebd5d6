package dev.smartpot.device.reading;

/**
 * Readings waiting to be published, oldest first, each frozen as it was taken: what its payload says (the raw code,
 * the time, the battery, the drops and dropped commands it reports, the wall clock) is fixed when it is added, so
 * every resend encodes the same bytes. Four ints a reading in one {@code int[]}, no object per reading.
 *
 * <p>Sequence numbers are consecutive (readings are only ever removed at the head), so only the head's is stored.
 * The first int packs the raw code (13 bits) with the time since the previous reading in hundredths of a second (19
 * bits, up to 87 minutes; longer gaps saturate). Times are rebuilt from the head's exact uptime, and each delta is
 * taken against the previous reading's rebuilt time, so rounding never accumulates: every time is within 5 ms of when
 * the reading was taken. The wall clock is kept as an offset from uptime, relative to one base per queue.
 *
 * <p>A reading the broker acknowledged may stay queued until the mothership confirms it ({@link BrokerCustody}). A
 * full queue lets those go first (they are the oldest), and does not count them as dropped: the broker has them.
 *
 * <p>Synchronized: the reading may be taken beside the loop that publishes.
 */
public final class ReadingQueue {

    /** Ints a reading takes: packed time and raw code, battery and drops, dropped commands, wall offset. */
    public static final int INTS_PER_READING = 4;
    /** No battery voltage with this reading. */
    public static final int NO_BATTERY = 0xffff;

    static final int RAW_BITS = 13;
    static final int RAW_MASK = (1 << RAW_BITS) - 1;
    private static final int MAX_DELTA_CS = (1 << (32 - RAW_BITS)) - 1;
    private static final int MAX_DROPS = 0xffff;

    private final int[] slots;
    private final int capacity;
    private int head;
    private int size;
    private long headSeq;
    private long headUptime;
    /** Rebuilt uptime of the newest reading, the base for the next delta. */
    private long tailUptime;
    /** What the readings' wall offsets count from: wall clock minus uptime, in ms. */
    private final WallOffsets wall = new WallOffsets();
    private long dropped;
    /** Drops not yet carried by a reading: the next reading added reports them. */
    private long pendingDrops;
    /** Counts every add and removal, so a copy kept elsewhere knows when it is out of date. */
    private int changes;
    private final BrokerCustody custody = new BrokerCustody(this);

    public ReadingQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        slots = new int[capacity * INTS_PER_READING];
    }

    /** Appends a reading with no battery, no wall clock and no dropped commands (see the full form). */
    public void add(long seq, long uptimeMillis, int rawCode) {
        add(seq, uptimeMillis, rawCode, -1, 0, 0);
    }

    /**
     * Appends a reading, frozen as it is now. When full, the oldest reading is dropped first and counted in
     * {@link #dropped()}; the new reading reports it (with whatever the dropped one would have reported).
     *
     * @param seq must be one more than the previous reading's (or anything when empty)
     * @param rawCode {@link RawCodes} value, 0 to 8191
     * @param batteryMv the battery measured with it, -1 for none
     * @param commandsDropped commands dropped since boot, as of now
     * @param wallMillis the wall clock now, 0 when unknown
     */
    public synchronized void add(long seq, long uptimeMillis, int rawCode, int batteryMv, long commandsDropped, long wallMillis) {
        if (size == capacity) {
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
        int drops = pendingDrops > MAX_DROPS ? MAX_DROPS : (int) pendingDrops;
        pendingDrops -= drops;
        int at = ((head + size) % capacity) * INTS_PER_READING;
        slots[at] = (deltaCs << RAW_BITS) | (rawCode & RAW_MASK);
        slots[at + 1] = (drops << 16) | (batteryMv < 0 || batteryMv >= NO_BATTERY ? NO_BATTERY : batteryMv);
        slots[at + 2] = commandsDropped > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) commandsDropped;
        // Against the rebuilt uptime, so the wall time given back is exactly the one given.
        slots[at + 3] = wall.offset(wallMillis, tailUptime, size == 0);
        size++;
        changes++;
    }

    private void dropOldest() {
        if (custody.covers(headSeq)) {
            // The broker has it (and the drops it reported): trusted, not lost.
            removeOldest();
            custody.evicted();
            return;
        }
        pendingDrops += 1 + (slots[head * INTS_PER_READING + 1] >>> 16);
        removeOldest();
        dropped++;
    }

    /** Removes the oldest reading (after it was delivered). */
    public synchronized void removeOldest() {
        if (size == 0) {
            return;
        }
        head = (head + 1) % capacity;
        size--;
        headSeq++;
        changes++;
        if (size > 0) {
            headUptime += (slots[head * INTS_PER_READING] >>> RAW_BITS) * 10L;
        }
    }

    /** Removes the oldest reading if it is still {@code seq} (a full queue may have dropped it meanwhile). */
    public synchronized boolean removeIfOldest(long seq) {
        if (size == 0 || headSeq != seq) {
            return false;
        }
        removeOldest();
        return true;
    }

    /** Removes the readings from the oldest up to {@code seq}; returns how many. */
    public synchronized int removeThrough(long seq) {
        int removed = 0;
        while (size > 0 && headSeq <= seq) {
            removeOldest();
            removed++;
        }
        return removed;
    }

    /** What the broker holds of these readings until the mothership confirms them. */
    public BrokerCustody custody() {
        return custody;
    }

    /** Something kept with the queue changed: a copy is out of date. */
    synchronized void changed() {
        changes++;
    }

    public synchronized boolean isEmpty() {
        return size == 0;
    }

    public synchronized int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Readings dropped because the queue was full, since boot. */
    public synchronized long dropped() {
        return dropped;
    }

    /** Drops no reading reports yet (the next reading taken does). */
    public synchronized long pendingDrops() {
        return pendingDrops;
    }

    public synchronized long oldestSeq() {
        return headSeq;
    }

    public synchronized long oldestUptime() {
        return headUptime;
    }

    public synchronized int oldestRawCode() {
        return slots[head * INTS_PER_READING] & RAW_MASK;
    }

    /** Grows with every add and removal (wrapping): equal values mean the same contents. */
    public synchronized int changes() {
        return changes;
    }

    /** Int {@code part} (0 to {@link #INTS_PER_READING} - 1) of the {@code i}-th reading from the oldest, as stored. */
    public synchronized int storedAt(int i, int part) {
        return slots[((head + i) % capacity) * INTS_PER_READING + part];
    }

    /** The time since the previous reading that a reading's first stored int holds, in milliseconds. */
    public static long deltaMillis(int packed) {
        return (packed >>> RAW_BITS) * 10L;
    }

    /** The wall clock of a reading at {@code uptime} whose stored offset is {@code offset}, 0 when unknown. */
    synchronized long wallMillis(long uptime, int offset) {
        return wall.wallMillis(uptime, offset);
    }

    /** Uptime of the newest reading as rebuilt from the deltas (the oldest's for a single reading). */
    public synchronized long newestUptime() {
        return tailUptime;
    }

    /** What the wall offsets count from (kept with a copy of the queue). */
    public synchronized long wallBase() {
        return wall.base();
    }

    /**
     * Starts refilling an empty queue from a copy (see {@link #restoreStored}): the oldest reading's sequence number
     * and uptime, the wall base, and the drops counted (and not yet reported) before.
     */
    public synchronized void restoreStart(long oldestSeq, long oldestUptime, long wallBase, long droppedBefore,
            long pendingBefore) {
        head = 0;
        size = 0;
        headSeq = oldestSeq;
        headUptime = oldestUptime;
        tailUptime = oldestUptime;
        wall.restore(wallBase);
        dropped = droppedBefore;
        pendingDrops = pendingBefore;
        changes++;
    }

    /** Appends a reading from a copy, oldest first, as {@link #storedAt} gave its ints; a full queue drops the oldest. */
    public synchronized void restoreStored(int packed, int batteryAndDrops, int commandsDropped, int wallOffset) {
        if (size == capacity) {
            dropOldest();
        }
        if (size > 0) {
            tailUptime += (packed >>> RAW_BITS) * 10L;
        } else {
            packed &= RAW_MASK;
        }
        int at = ((head + size) % capacity) * INTS_PER_READING;
        slots[at] = packed;
        slots[at + 1] = batteryAndDrops;
        slots[at + 2] = commandsDropped;
        slots[at + 3] = wallOffset;
        size++;
        changes++;
    }

    /**
     * The oldest reading reports {@code more} drops besides its own (readings a reset could not keep): it was never
     * sent in this boot, whose readings carry a new boot counter anyway.
     */
    public synchronized void oldestReportsMore(long more) {
        if (size == 0) {
            pendingDrops += more;
            return;
        }
        int at = head * INTS_PER_READING + 1;
        long drops = (slots[at] >>> 16) + more;
        slots[at] = (int) ((drops > MAX_DROPS ? MAX_DROPS : drops) << 16) | (slots[at] & 0xffff);
    }

    /** Shifts every reading's time by {@code millis} (a new boot counts uptime from zero again); wall times stay. */
    public synchronized void shiftTimes(long millis) {
        headUptime += millis;
        tailUptime += millis;
        wall.shift(millis);
        custody.shift(millis);
    }

    /** Counts readings lost outside the queue (to a power cut), so the next reading reports them. */
    public synchronized void countLost(long readings) {
        dropped += readings;
        pendingDrops += readings;
    }

    /** Bytes this queue holds on the heap for its readings. */
    public int footprintBytes() {
        return slots.length * 4;
    }
}
