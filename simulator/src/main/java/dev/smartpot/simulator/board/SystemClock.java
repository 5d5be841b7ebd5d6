package dev.smartpot.simulator.board;

import dev.smartpot.device.board.Clock;

/** Uptime since this simulated boot, and the wall clock (a simulated pot "has SNTP"), on the board's time. */
public final class SystemClock implements Clock {

    private final BoardTime time;
    private final long bootMillis;
    private final boolean knowsTime;

    /** On the host's clocks. */
    public SystemClock(boolean knowsTime) {
        this(BoardTime.HOST, knowsTime);
    }

    public SystemClock(BoardTime time, boolean knowsTime) {
        this.time = time;
        this.bootMillis = time.monotonicMillis();
        this.knowsTime = knowsTime;
    }

    @Override
    public long uptimeMillis() {
        return time.monotonicMillis() - bootMillis;
    }

    @Override
    public long wallClockMillis() {
        return knowsTime ? time.wallClockMillis() : 0;
    }
}
