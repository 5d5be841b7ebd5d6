package dev.smartpot.simulator.board;

/**
 * Where a simulated board's time comes from and how its waits pass: the host's clocks ({@link #HOST}, what
 * {@code scripts/simulate} runs on), or a test's manual time that moves only when the pot waits, so hours of a pot's
 * life (deep sleeps, wakes, restarts) run in milliseconds. Every clock, sleeper and pause of a single pot's board reads
 * it; nothing of the board reads {@code System.nanoTime} or sleeps on its own.
 */
public interface BoardTime {

    /** The host's own clocks and waits. */
    BoardTime HOST = new HostTime();

    /** A reading that never goes back, in ms (its zero means nothing). */
    long monotonicMillis();

    /** Milliseconds since the Unix epoch. */
    long wallClockMillis();

    /**
     * Waits on {@code monitor} (whose lock the caller holds) for up to {@code millis} of this time, or less: until it is
     * notified, or (manual time) until something due on the way ran. The caller checks what it waits for and waits
     * again. {@code Long.MAX_VALUE}: until notified.
     */
    void waitOn(Object monitor, long millis) throws InterruptedException;

    /** A pause nothing cuts short, such as a WiFi join. */
    void pause(long millis) throws InterruptedException;
}
