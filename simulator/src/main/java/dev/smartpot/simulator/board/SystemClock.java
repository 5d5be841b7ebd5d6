package dev.smartpot.simulator.board;

import dev.smartpot.device.board.Clock;

/** Uptime since this simulated boot, and the host's wall clock (a simulated pot "has SNTP"). */
public final class SystemClock implements Clock {

    private final long bootNanos = System.nanoTime();
    private final boolean knowsTime;

    public SystemClock(boolean knowsTime) {
        this.knowsTime = knowsTime;
    }

    @Override
    public long uptimeMillis() {
        return (System.nanoTime() - bootNanos) / 1_000_000L;
    }

    @Override
    public long wallClockMillis() {
        return knowsTime ? System.currentTimeMillis() : 0;
    }
}
