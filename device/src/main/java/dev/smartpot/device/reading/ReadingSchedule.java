package dev.smartpot.device.reading;

import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.mqtt.Inbox;
import dev.smartpot.device.text.LogLine;

/**
 * Takes a reading every interval, whether or not the link is up, and queues it with the next sequence number, frozen
 * as it is at that moment (raw code, uptime, wall clock, battery, dropped commands). The schedule starts at the first
 * reading; a reading taken after its time counts as late ({@link #largestDelayMillis()}); a stall of more than an
 * interval skips the missed slots rather than bursting.
 *
 * <p>Synchronized: a runtime may take readings on a thread of their own ({@link SamplingThread}) beside the loop
 * that talks to the network, so a stuck link never holds a reading back.
 */
public final class ReadingSchedule {

    private final SoilSensor sensor;
    /** Measures the battery with each reading; null when the pot reads no battery voltage. */
    private final BatteryGauge battery;
    private final ReadingQueue queue;
    /** Counts the commands a flood made the pot drop; null when nothing counts them. */
    private final Inbox commandDrops;
    private final Clock clock;
    private final Log log;
    /** This schedule's own: it may log on another thread than the loop's. */
    private final LogLine line = new LogLine(96);
    private long intervalMillis;
    private long nextSeq;
    private long nextReadingAt;
    /** Volatile: a runtime's view of the pot reads it from another thread. */
    private volatile int lastRawCode = -1;
    private volatile long largestDelay;
    /** Set by the first reading of this boot: the schedule counts from it. */
    private boolean anchored;
    /** From this uptime on, readings wait for the loop's planned restart (the next boot takes them); MAX for never. */
    private final long holdFrom;
    /** Whether the link was up at the last look: the "offline: queued" line says so. */
    private volatile boolean online;

    /**
     * @param battery null for a pot that reads no battery voltage
     * @param commandDrops null when nothing counts dropped commands
     * @param firstSeq the sequence number of the first reading (carried on from before a reset or a deep sleep)
     * @param holdFrom the uptime of a planned restart, from which the due reading is left to the next boot;
     *        {@code Long.MAX_VALUE} for none
     */
    public ReadingSchedule(SoilSensor sensor, BatteryGauge battery, ReadingQueue queue, Inbox commandDrops, Clock clock,
            Log log, long intervalMillis, long now, long firstSeq, long holdFrom) {
        this.holdFrom = holdFrom;
        this.sensor = sensor;
        this.battery = battery;
        this.queue = queue;
        this.commandDrops = commandDrops;
        this.clock = clock;
        this.log = log;
        this.intervalMillis = intervalMillis;
        this.nextReadingAt = now;
        this.nextSeq = firstSeq;
    }

    /** Tells the schedule whether the link is up, for the "offline: queued" line. */
    public void linkUp(boolean up) {
        online = up;
    }

    /** Takes the reading that is due by {@code now}, if any; true if it took one. */
    public synchronized boolean takeIfDue(long now) {
        if (now < nextReadingAt || now >= holdFrom) {
            return false;
        }
        if (anchored && now - nextReadingAt > largestDelay) {
            largestDelay = now - nextReadingAt;
        }
        take(now);
        boolean anchoredBefore = anchored;
        anchored = true;
        nextReadingAt = !anchoredBefore ? now + intervalMillis : nextReadingAt + intervalMillis;
        if (nextReadingAt <= now) {
            nextReadingAt = now + intervalMillis;
        }
        notifyAll();
        return true;
    }

    /** Reads the sensor and queues the reading with the next sequence number; returns its raw code. */
    public synchronized int take(long now) {
        int rawCode = sensor.read();
        if (rawCode == RawCodes.READ_ERROR) {
            log.warn("soil sensor read failed: " + sensor.lastFailure());
        }
        int batteryMv = -1;
        if (battery != null) {
            battery.measure(nextSeq);
            batteryMv = battery.millivoltsFor(nextSeq);
        }
        lastRawCode = rawCode;
        boolean wasFull = queue.size() == queue.capacity();
        queue.add(nextSeq, now, rawCode, batteryMv, commandDrops == null ? 0 : commandDrops.dropped(), clock.wallClockMillis());
        if (wasFull) {
            log.warn(line.clear().append("queue full (").append(queue.capacity()).append(" readings): dropped the oldest; ")
                    .append(queue.dropped()).append(" dropped since boot"));
        }
        if (!online) {
            log.info(line.clear().append("offline: reading #").append(nextSeq).append(" queued (").append(queue.size())
                    .append(" waiting)"));
        }
        nextSeq++;
        return rawCode;
    }

    /** Uses a new interval from the next reading on, keeping the last reading as the anchor. */
    public synchronized void changeInterval(long now, long millis) {
        if (anchored) {
            nextReadingAt = Math.max(now, nextReadingAt - intervalMillis + millis);
        }
        intervalMillis = millis;
        notifyAll();
    }

    public synchronized long nextReadingAt() {
        return nextReadingAt;
    }

    public synchronized long intervalMillis() {
        return intervalMillis;
    }

    /** Readings taken since boot; the last one has sequence number this minus one. */
    public synchronized long readingsTaken() {
        return nextSeq;
    }

    /** The raw code of the last reading, or -1 before the first. */
    public int lastRawCode() {
        return lastRawCode;
    }

    /** The most a reading of this boot was taken after its time, in ms: what a stalled loop cost the schedule. */
    public long largestDelayMillis() {
        return largestDelay;
    }

    /**
     * On a thread of the runtime's: waits until the next reading is due (or {@code limitMillis} passed) by the
     * schedule's clock. A changed interval cuts the wait short.
     */
    synchronized void awaitDue(long limitMillis) throws InterruptedException {
        long wait = Math.min(limitMillis, nextReadingAt - clock.uptimeMillis());
        if (wait > 0) {
            wait(wait);
        }
    }
}
