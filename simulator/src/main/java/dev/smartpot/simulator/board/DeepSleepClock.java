package dev.smartpot.simulator.board;

import dev.smartpot.device.board.Clock;

/**
 * The clock of a simulated pot in deep sleep: like the ESP32's RTC timer it runs on across sleeps, and a sleep that
 * the simulator shortens ({@code sim.sleep.speedup}) still moves it on by the whole sleep, so the pot's uptime and
 * wall clock are what they would be on a board that slept the full interval.
 */
public final class DeepSleepClock implements Clock {

    private final BoardTime time;
    private final long bootMillis;
    private final boolean knowsTime;
    private volatile long skippedMillis;

    public DeepSleepClock(BoardTime time, boolean knowsTime) {
        this.time = time;
        this.bootMillis = time.monotonicMillis();
        this.knowsTime = knowsTime;
    }

    /** The part of a sleep that was not waited in real time. */
    public void skip(long millis) {
        skippedMillis += millis;
    }

    @Override
    public long uptimeMillis() {
        return time.monotonicMillis() - bootMillis + skippedMillis;
    }

    @Override
    public long wallClockMillis() {
        return knowsTime ? time.wallClockMillis() + skippedMillis : 0;
    }
}
