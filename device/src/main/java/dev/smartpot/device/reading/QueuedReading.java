package dev.smartpot.device.reading;

/**
 * One queued reading, unpacked by seq from what the {@link ReadingQueue} froze when it was taken, into reused fields:
 * the publisher encodes from it, so every send of a reading, first or again, writes the same bytes. Walking forward
 * (the next seq after the last one loaded) costs one step, not a walk from the oldest.
 */
public final class QueuedReading {

    public long seq;
    public long uptimeMillis;
    /** {@link RawCodes} value. */
    public int rawCode;
    /** -1 for none. */
    public int batteryMv;
    /** The drops it reports (readings before it that no earlier reading reported). */
    public int drops;
    public long commandsDropped;
    /** 0 when unknown. */
    public long wallMillis;

    private final ReadingQueue queue;
    /** The last reading loaded, where a walk forward starts; -1 for none. */
    private long walkedSeq = -1;
    private long walkedUptime;

    public QueuedReading(ReadingQueue queue) {
        this.queue = queue;
    }

    /** Loads the queued reading {@code seq}; false when it is not queued (sent and confirmed, or dropped). */
    public boolean load(long seq) {
        synchronized (queue) {
            long oldest = queue.oldestSeq();
            if (queue.isEmpty() || seq < oldest || seq - oldest >= queue.size()) {
                return false;
            }
            if (walkedSeq < oldest || walkedSeq > seq) {
                walkedSeq = oldest;
                walkedUptime = queue.oldestUptime();
            }
            while (walkedSeq < seq) {
                walkedSeq++;
                walkedUptime += ReadingQueue.deltaMillis(queue.storedAt((int) (walkedSeq - oldest), 0));
            }
            int i = (int) (seq - oldest);
            this.seq = seq;
            uptimeMillis = walkedUptime;
            rawCode = queue.storedAt(i, 0) & ReadingQueue.RAW_MASK;
            int batteryAndDrops = queue.storedAt(i, 1);
            int mv = batteryAndDrops & 0xffff;
            batteryMv = mv == ReadingQueue.NO_BATTERY ? -1 : mv;
            drops = batteryAndDrops >>> 16;
            commandsDropped = queue.storedAt(i, 2);
            wallMillis = queue.wallMillis(walkedUptime, queue.storedAt(i, 3));
            return true;
        }
    }

    /** Forgets where the last walk ended: the queue's clock moved (a restore). */
    public void reset() {
        walkedSeq = -1;
    }
}
