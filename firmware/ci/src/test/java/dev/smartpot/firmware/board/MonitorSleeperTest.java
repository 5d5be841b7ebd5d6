package dev.smartpot.firmware.board;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MonitorSleeperTest {

    @Test
    void sleepsUntilTheTimeIsUp() {
        MonitorSleeper s = new MonitorSleeper();
        long t0 = System.nanoTime();
        s.sleep(60);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 55 && ms < 2000, "slept " + ms + " ms");
    }

    @Test
    void wakeEndsTheSleepAtOnce() throws InterruptedException {
        MonitorSleeper s = new MonitorSleeper();
        Thread sleeping = Thread.currentThread();
        Thread waker = new Thread(() -> {
            // Wakes once this thread is inside the sleep (waiting on the monitor with a timeout), not before.
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (sleeping.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            s.wake();
        });
        waker.start();
        long t0 = System.nanoTime();
        s.sleep(10_000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        waker.join();
        assertTrue(ms < 5000, "woke after " + ms + " ms");
    }

    @Test
    void aWakeBeforeTheSleepIsNotLost() {
        MonitorSleeper s = new MonitorSleeper();
        s.wake();
        long t0 = System.nanoTime();
        s.sleep(10_000);
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 1000);
    }
}
