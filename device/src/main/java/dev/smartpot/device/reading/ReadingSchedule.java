package dev.smartpot.device.reading;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.text.LogLine;

/**
 * Takes a reading every interval, whether or not the link is up, and queues it with the next sequence number.
 * The schedule starts at the first reading; a loop stalled for more than an interval skips the missed slots
 * rather than bursting.
 */
public final class ReadingSchedule {

    private final SoilSensor sensor;
    private final ReadingQueue queue;
    private final Log log;
    private final LogLine line;
    private long intervalMillis;
    private long nextSeq;
    private long nextReadingAt;
    /** Volatile: a runtime's view of the pot reads it from another thread. */
    private volatile int lastRawCode = -1;
    /** Set by the first reading of this boot: the schedule counts from it. */
    private boolean anchored;
    /** Measures the battery with each reading; null when the pot reads no battery voltage. */
    private BatteryGauge battery;

    /** @param line reused for the lines logged on every reading (no garbage per reading) */
    public ReadingSchedule(SoilSensor sensor, ReadingQueue queue, Log log, LogLine line, long intervalMillis, long now) {
        this.sensor = sensor;
        this.queue = queue;
        this.log = log;
        this.line = line;
        this.intervalMillis = intervalMillis;
        this.nextReadingAt = now;
    }

    /** Takes the reading that is due by {@code now}, if any. */
    public void takeIfDue(long now, boolean online) {
        if (now < nextReadingAt) {
            return;
        }
        take(now, online);
        boolean anchoredBefore = anchored;
        anchored = true;
        nextReadingAt = !anchoredBefore ? now + intervalMillis : nextReadingAt + intervalMillis;
        if (nextReadingAt <= now) {
            nextReadingAt = now + intervalMillis;
        }
    }

    /** Reads the sensor and queues the reading with the next sequence number; returns its raw code. */
    public int take(long now, boolean online) {
        int rawCode = sensor.read();
        if (rawCode == RawCodes.READ_ERROR) {
            log.warn("soil sensor read failed: " + sensor.lastFailure());
        }
        if (battery != null) {
            battery.measure(nextSeq);
        }
        lastRawCode = rawCode;
        boolean wasFull = queue.size() == queue.capacity();
        queue.add(nextSeq, now, rawCode);
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

    /** Measures the battery with every reading from now on. */
    public void measureBattery(BatteryGauge gauge) {
        battery = gauge;
    }

    /** Carries on the sequence kept from before a reset or a deep sleep: the next reading gets {@code seq}. */
    public void resumeAt(long seq) {
        nextSeq = seq;
    }

    /** Uses a new interval from the next reading on, keeping the last reading as the anchor. */
    public void changeInterval(long now, long millis) {
        if (anchored) {
            nextReadingAt = Math.max(now, nextReadingAt - intervalMillis + millis);
        }
        intervalMillis = millis;
    }

    public long nextReadingAt() {
        return nextReadingAt;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    /** Readings taken since boot; the last one has sequence number this minus one. */
    public long readingsTaken() {
        return nextSeq;
    }

    /** The raw code of the last reading, or -1 before the first. */
    public int lastRawCode() {
        return lastRawCode;
    }
}
