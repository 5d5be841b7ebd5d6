package dev.smartpot.simulator.board;

import dev.smartpot.device.board.Sleeper;

/** Sleeps on a monitor so a message or a command can wake the device loop at once. */
public final class MonitorSleeper implements Sleeper {

    private final BoardTime time;
    private boolean woken;

    /** On the host's time. */
    public MonitorSleeper() {
        this(BoardTime.HOST);
    }

    public MonitorSleeper(BoardTime time) {
        this.time = time;
    }

    @Override
    public synchronized void sleep(long millis) {
        long deadline = time.monotonicMillis() + millis;
        while (!woken) {
            long left = deadline - time.monotonicMillis();
            if (left <= 0) {
                break;
            }
            try {
                time.waitOn(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        woken = false;
    }

    @Override
    public synchronized void wake() {
        woken = true;
        notifyAll();
    }
}
