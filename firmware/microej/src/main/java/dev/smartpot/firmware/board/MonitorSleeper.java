package dev.smartpot.firmware.board;

import dev.smartpot.device.board.Sleeper;

/** Waits on a monitor ({@code Object.wait}) until the time is up or {@link #wake()} is called. */
public final class MonitorSleeper implements Sleeper {

    private boolean woken;

    public synchronized void sleep(long millis) {
        long deadline = ej.bon.Util.platformTimeMillis() + millis;
        while (!woken) {
            long left = deadline - ej.bon.Util.platformTimeMillis();
            if (left <= 0) {
                break;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                break;
            }
        }
        woken = false;
    }

    public synchronized void wake() {
        woken = true;
        notifyAll();
    }
}
