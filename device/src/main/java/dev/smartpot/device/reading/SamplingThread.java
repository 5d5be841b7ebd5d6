package dev.smartpot.device.reading;

import dev.smartpot.device.board.Clock;

/**
 * Takes the readings on a thread of their own, beside the loop that talks to the network: a WiFi join, a connect, a
 * publish or a flood of commands that holds the loop cannot hold the schedule. The loop still takes a reading it
 * finds due (a runtime without this thread, such as the fleet, relies on that alone).
 */
public final class SamplingThread implements Runnable {

    /** Looks at the clock at least this often even when nothing is due: a clock that jumped is noticed. */
    private static final long MAX_WAIT_MILLIS = 1000;

    private final ReadingSchedule schedule;
    private final Clock clock;
    private volatile boolean running;
    private Thread thread;

    public SamplingThread(ReadingSchedule schedule, Clock clock) {
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Starts the thread (once). */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this, "readings");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread and waits for it: after this, only the loop takes readings. */
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t == null) {
            return;
        }
        synchronized (schedule) {
            schedule.notifyAll();
        }
        try {
            t.join(MAX_WAIT_MILLIS * 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void run() {
        while (running) {
            try {
                schedule.takeIfDue(clock.uptimeMillis());
                if (running) {
                    schedule.awaitDue(MAX_WAIT_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A sensor that throws must not end the readings: the loop's own look still takes them.
                running = false;
                throw e;
            }
        }
    }
}
