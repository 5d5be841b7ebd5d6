package dev.smartpot.firmware.board;

import dev.smartpot.device.board.Clock;

/**
 * Uptime from BON's platform time (monotonic, from boot); wall-clock time from {@code System.currentTimeMillis()}
 * once it looks set (NTP or an RTC), else 0 as the core expects.
 */
public final class BonClock implements Clock {

    /** 2020-01-01T00:00:00Z: anything earlier is a clock nobody has set. */
    static final long EARLIEST_PLAUSIBLE_MILLIS = 1577836800000L;

    public long uptimeMillis() {
        return ej.bon.Util.platformTimeMillis();
    }

    public long wallClockMillis() {
        long now = System.currentTimeMillis();
        return now >= EARLIEST_PLAUSIBLE_MILLIS ? now : 0;
    }
}
