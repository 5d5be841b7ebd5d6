package dev.smartpot.device.state;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.RetainedMemory;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.link.LinkMemory;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.text.LogLine;

/**
 * What a reset or a deep sleep must not lose, kept in the board's {@link RetainedMemory}: the reading queue, the next
 * {@code seq}, the boot counter, the drops counted and reported, the deep-sleep cycle's own counters and the
 * {@link LinkMemory}. Packed by hand into one byte array allocated once, big-endian, ending in a CRC-32 so noise (after
 * a power cut) or another layout reads as nothing.
 *
 * <p>When the queue holds more than the region (about 380 readings in 6 KB, 16 bytes each), the newest readings are kept and the
 * older ones counted as dropped, so a reset loses at most those and reports them. Readings from before a reset move
 * to the new boot's clock: their uptime becomes negative, as if the reset took no time (the error is the reset's
 * own length, about a second on an ESP32). After a deep sleep the clock is moved on by the time slept.
 */
public final class RetainedState {

    /** "SPR4": layout 4, with what the broker holds unconfirmed (older layouts read as nothing, like noise). */
    private static final int MAGIC = 0x53505234;
    /** The boot word's top byte says why that boot ended (0: any reset, {@link #PLANNED}: a planned restart). */
    private static final int BOOT_MASK = 0x00ffffff;
    private static final int PLANNED = 1;
    /**
     * Magic, boot, count, seven longs, unpublished, last fault; then the link memory: session, BSSID, channel; then the
     * queue's wall base and the drops of readings this copy could not keep; then the broker's custody: the newest seq
     * it took, since when readings wait for the mothership, whether a mothership confirms.
     */
    private static final int HEADER = 4 + 4 + 4 + 8 * 7 + 4 + 4 + 4 + 8 + 4 + 8 + 8 + 8 + 8 + 4;
    private static final int READING = 4 * ReadingQueue.INTS_PER_READING;
    private static final int CRC = 4;
    /** The least a region must hold: the header, the CRC and one reading. */
    public static final int MIN_CAPACITY = HEADER + CRC + READING;

    private final RetainedMemory memory;
    private final SequenceMark mark;
    private final ReadingQueue queue;
    private final LinkMemory link;
    private final Log log;
    private final byte[] buffer;
    private final int maxReadings;

    private int boot = 1;
    private long nextSeq;
    private long sleptMillis;
    private int unpublished;
    private int lastCondition;
    private boolean wokeFromSleep;
    private int savedChanges;
    private long savedNextSeq = -1;
    /** Why this boot ends, stored with the state: {@link #PLANNED} once a planned restart is under way. */
    private int ending;
    /** True when the previous boot ended in a planned restart. */
    private boolean restartPlanned;
    private boolean stateKept;

    /**
     * @param memory null for a board without one: every boot then starts afresh
     * @param markStore flash for the {@link SequenceMark} that bounds a power cut's loss; null for none
     * @param link what the link learned (access point, session), kept and restored with the rest
     */
    public RetainedState(RetainedMemory memory, SettingsStore markStore, ReadingQueue queue, LinkMemory link, Log log) {
        this.memory = memory;
        this.mark = new SequenceMark(memory == null ? null : markStore, log);
        this.queue = queue;
        this.link = link;
        this.log = log;
        int capacity = memory == null ? 0 : memory.capacity();
        if (memory != null && capacity < MIN_CAPACITY) {
            throw new IllegalArgumentException("retained memory of " + capacity + " bytes is too small: at least "
                    + MIN_CAPACITY + " are needed");
        }
        this.buffer = new byte[capacity];
        this.maxReadings = memory == null ? 0 : (capacity - HEADER - CRC) / READING;
    }

    /**
     * Reads the kept state at boot and refills the queue from it; {@link #boot()}, {@link #nextSeq()} and the other
     * getters then say where to carry on. Logs what it found.
     */
    public void restore(long now, LogLine line) {
        if (memory == null) {
            return;
        }
        int length = memory.load(buffer);
        if (!valid(length)) {
            afterPowerCut(line);
            mark.write(boot, nextSeq, queue.isEmpty() ? nextSeq : queue.oldestSeq());
            return;
        }
        int at = 4;
        int savedBoot = BigEndian.getInt(buffer, at) & BOOT_MASK;
        int savedEnding = BigEndian.getInt(buffer, at) >>> 24;
        int count = BigEndian.getInt(buffer, at + 4);
        nextSeq = BigEndian.getLong(buffer, at + 8);
        long dropped = BigEndian.getLong(buffer, at + 16);
        long pendingDrops = BigEndian.getLong(buffer, at + 24);
        long savedAt = BigEndian.getLong(buffer, at + 32);
        long oldestSeq = BigEndian.getLong(buffer, at + 40);
        long oldestUptime = BigEndian.getLong(buffer, at + 48);
        sleptMillis = BigEndian.getLong(buffer, at + 56);
        unpublished = BigEndian.getInt(buffer, at + 64);
        lastCondition = BigEndian.getInt(buffer, at + 68);
        link.restore(BigEndian.getLong(buffer, at + 76), BigEndian.getInt(buffer, at + 84), BigEndian.getInt(buffer, at + 72));
        wokeFromSleep = sleptMillis > 0;
        stateKept = true;
        restartPlanned = !wokeFromSleep && savedEnding == PLANNED;
        boot = wokeFromSleep ? savedBoot : savedBoot + 1;
        queue.restoreStart(oldestSeq, oldestUptime, BigEndian.getLong(buffer, 92), dropped, pendingDrops);
        for (int i = 0; i < count; i++) {
            int r = HEADER + READING * i;
            queue.restoreStored(BigEndian.getInt(buffer, r), BigEndian.getInt(buffer, r + 4),
                    BigEndian.getInt(buffer, r + 8), BigEndian.getInt(buffer, r + 12));
        }
        queue.custody().restore(BigEndian.getLong(buffer, 108), BigEndian.getLong(buffer, 116), BigEndian.getInt(buffer, 124) != 0);
        // What the copy could not keep, the oldest reading kept reports.
        queue.oldestReportsMore(BigEndian.getLong(buffer, 100));
        // The clock this boot counts from: after a deep sleep it went on by the time slept, after a reset it is new.
        queue.shiftTimes(now - savedAt - sleptMillis);
        sleptMillis = 0;
        line.clear();
        if (wokeFromSleep) {
            line.append("woke from deep sleep: ");
        } else if (restartPlanned) {
            line.append("restarted as planned (vm.restart.every; boot ").append(boot).append("): ");
        } else {
            line.append("restarted (boot ").append(boot).append("): ");
        }
        line.append(queue.size()).append(" queued readings kept, seq from ").append(nextSeq);
        log.info(line);
        savedChanges = queue.changes();
        savedNextSeq = nextSeq;
        if (!wokeFromSleep) {
            mark.write(boot, nextSeq, queue.isEmpty() ? nextSeq : queue.oldestSeq());
        }
    }

    /** No state in retained memory: carry on from the flash mark if there is one, reporting what may be lost. */
    private void afterPowerCut(LogLine line) {
        if (!mark.load()) {
            log.info("retained memory holds no state (first power-up or a power cut): boot 1, seq from 0");
            return;
        }
        boot = mark.boot() + 1;
        nextSeq = mark.ceiling();
        long lost = mark.ceiling() - mark.undelivered();
        queue.restoreStart(nextSeq, 0, 0, 0, 0);
        queue.countLost(lost);
        log.warn(line.clear().append("retained memory was lost (a power cut): boot ").append(boot).append(", seq from ")
                .append(nextSeq).append("; up to ").append(lost).append(" readings from #").append(mark.undelivered())
                .append(" may be lost, reported as dropped"));
    }

    private boolean valid(int length) {
        if (length < HEADER + CRC || length > buffer.length || BigEndian.getInt(buffer, 0) != MAGIC) {
            return false;
        }
        int count = BigEndian.getInt(buffer, 8);
        return count >= 0 && length == HEADER + READING * count + CRC
                && BigEndian.getInt(buffer, length - CRC) == Crc32.of(buffer, 0, length - CRC);
    }

    /** Stores the state if the queue or {@code seq} changed since the last store; allocates nothing. */
    public void saveIfChanged(long now, long nextSeq) {
        if (memory != null && (queue.changes() != savedChanges || nextSeq != savedNextSeq)) {
            save(now, nextSeq, 0);
        }
        if (mark.due(nextSeq)) {
            mark.write(boot, nextSeq, queue.isEmpty() ? nextSeq : queue.oldestSeq());
        }
    }

    /**
     * Stores the state now.
     *
     * @param sleepMillis how long the board is about to sleep, 0 for a reset (or a store that is not the last)
     */
    public void save(long now, long nextSeq, long sleepMillis) {
        if (memory == null) {
            return;
        }
        // The reading taken beside the loop waits until the copy is whole.
        synchronized (queue) {
            saveLocked(now, nextSeq, sleepMillis);
        }
    }

    private void saveLocked(long now, long nextSeq, long sleepMillis) {
        int size = queue.size();
        // The caller read seq before this lock: a reading taken beside the loop since then is queued, and is newer.
        if (size > 0 && nextSeq < queue.oldestSeq() + size) {
            nextSeq = queue.oldestSeq() + size;
        }
        int skip = size > maxReadings ? size - maxReadings : 0;
        long oldestUptime = queue.oldestUptime();
        long lost = skip;
        for (int i = 0; i < skip; i++) {
            oldestUptime += ReadingQueue.deltaMillis(queue.storedAt(i + 1, 0));
            lost += queue.storedAt(i, 1) >>> 16;
        }
        int count = size - skip;
        BigEndian.putInt(buffer, 0, MAGIC);
        BigEndian.putInt(buffer, 4, boot | ending << 24);
        BigEndian.putInt(buffer, 8, count);
        BigEndian.putLong(buffer, 12, nextSeq);
        BigEndian.putLong(buffer, 20, queue.dropped() + skip);
        BigEndian.putLong(buffer, 28, queue.pendingDrops());
        BigEndian.putLong(buffer, 36, now);
        BigEndian.putLong(buffer, 44, queue.oldestSeq() + skip);
        BigEndian.putLong(buffer, 52, oldestUptime);
        BigEndian.putLong(buffer, 60, sleepMillis);
        BigEndian.putInt(buffer, 68, unpublished);
        BigEndian.putInt(buffer, 72, lastCondition);
        BigEndian.putInt(buffer, 76, link.session());
        BigEndian.putLong(buffer, 80, link.bssid());
        BigEndian.putInt(buffer, 88, link.channel());
        BigEndian.putLong(buffer, 92, queue.wallBase());
        BigEndian.putLong(buffer, 100, lost);
        BigEndian.putLong(buffer, 108, queue.custody().through());
        BigEndian.putLong(buffer, 116, queue.custody().waitingSince());
        BigEndian.putInt(buffer, 124, queue.custody().confirming() ? 1 : 0);
        for (int i = 0; i < count; i++) {
            int r = HEADER + READING * i;
            for (int part = 0; part < ReadingQueue.INTS_PER_READING; part++) {
                BigEndian.putInt(buffer, r + 4 * part, queue.storedAt(skip + i, part));
            }
        }
        int length = HEADER + READING * count;
        BigEndian.putInt(buffer, length, Crc32.of(buffer, 0, length));
        memory.store(buffer, length + CRC);
        savedChanges = queue.changes();
        savedNextSeq = nextSeq;
    }

    /** Marks this boot's end as a planned restart: the next store says so, and the next boot's first line. */
    public void endingInPlannedRestart() {
        ending = PLANNED;
    }

    /** Whether retained memory held a state at this boot: a reset or a wake kept it, a power-up or a power cut did not. */
    public boolean stateKept() {
        return stateKept;
    }

    /** True when the previous boot ended in a planned restart ({@code vm.restart.every}). */
    public boolean restartPlanned() {
        return restartPlanned;
    }

    /** The boot counter: 1 at the first power-up, one more at each reset; a deep sleep's wake keeps it. */
    public int boot() {
        return boot;
    }

    public long nextSeq() {
        return nextSeq;
    }

    /** True when this boot is a wake from the deep sleep the last state was stored for. */
    public boolean wokeFromSleep() {
        return wokeFromSleep;
    }

    /** Readings taken in deep sleep since the last publishing wake. */
    public int unpublished() {
        return unpublished;
    }

    public void unpublished(int readings) {
        unpublished = readings;
    }

    /** The last wake's soil condition (its fault and dry flag: {@code power.SoilCondition}; a change publishes at once), or 0. */
    public int lastCondition() {
        return lastCondition;
    }

    public void lastCondition(int condition) {
        lastCondition = condition;
    }

    /** Readings the region can keep. */
    public int maxReadings() {
        return maxReadings;
    }
}
