package dev.smartpot.simulator.kit;

import java.util.ArrayList;
import java.util.List;

import dev.smartpot.simulator.board.BoardTime;

/**
 * A board's time that moves only when the pot waits: a sleep, a deep sleep or a WiFi join moves it on at once, so hours
 * of a pot's life pass in milliseconds. What the test plans for a moment ({@link #at}: the access point back, a power
 * cut, the stop) runs on the pot's thread when its time comes, and ends the wait under way there, as a thread beside
 * the pot would wake it then. Only the pot's own thread waits on it.
 */
public final class ManualBoardTime implements BoardTime {

    /** The wall clock at the board's time 0: 2026-12-07 08:00 UTC. */
    public static final long WALL_AT_ZERO = 1_796_630_400_000L;

    private record Planned(long at, Runnable action) {
    }

    private volatile long now;
    private final List<Planned> planned = new ArrayList<>();

    /** Runs {@code action} on the pot's thread once the board's time reaches {@code atMillis}. */
    public synchronized ManualBoardTime at(long atMillis, Runnable action) {
        planned.add(new Planned(atMillis, action));
        return this;
    }

    @Override
    public long monotonicMillis() {
        return now;
    }

    @Override
    public long wallClockMillis() {
        return WALL_AT_ZERO + now;
    }

    @Override
    public void waitOn(Object monitor, long millis) throws InterruptedException {
        if (!runDueBefore(millis) && millis == Long.MAX_VALUE) {
            // Nothing planned will ever end this wait: only another thread can (a test that stops the pot).
            monitor.wait(1000);
        }
    }

    @Override
    public void pause(long millis) {
        long end = now + millis;
        while (runDueBefore(end - now)) {
            // Something planned ran on the way; the pause goes on to its end.
        }
    }

    /** Moves on to the first planned moment within {@code millis} and runs it (true), or by all of it (false). */
    private boolean runDueBefore(long millis) {
        long end = millis == Long.MAX_VALUE ? Long.MAX_VALUE : now + millis;
        Planned first = null;
        synchronized (this) {
            for (Planned p : planned) {
                if (p.at() <= end && (first == null || p.at() < first.at())) {
                    first = p;
                }
            }
            if (first != null) {
                planned.remove(first);
            }
        }
        if (first == null) {
            if (end != Long.MAX_VALUE) {
                now = end;
            }
            return false;
        }
        now = Math.max(now, first.at());
        first.action().run();
        return true;
    }
}
