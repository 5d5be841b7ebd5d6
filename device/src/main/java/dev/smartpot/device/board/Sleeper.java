package dev.smartpot.device.board;

/** Lets the device loop wait without spinning, and lets other threads cut the wait short. */
public interface Sleeper {

    /** Waits up to {@code millis}, returning early once {@link #wake()} is called. */
    void sleep(long millis);

    /** Ends the current (or the next) {@link #sleep(long)} at once; callable from any thread. */
    void wake();
}
