package dev.smartpot.simulator.board;

import dev.smartpot.device.board.Sleeper;

/** Sleeps on a monitor so a message or a command can wake the device loop at once. */
public final class MonitorSleeper implements Sleeper {

    private boolean woken;

    @Override
    public synchronized void sleep(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (!woken) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            try {
                wait(left);
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
