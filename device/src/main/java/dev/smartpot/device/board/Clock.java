package dev.smartpot.device.board;

/** Time as the board knows it. */
public interface Clock {

    /** Milliseconds since boot; never goes backwards. */
    long uptimeMillis();

    /** Wall-clock milliseconds since the Unix epoch, or 0 while the board does not know the time. */
    long wallClockMillis();
}
