package dev.smartpot.simulator.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.smartpot.broker.EmbeddedBroker;

/**
 * How a run ends: when its duration passes, someone types quit, or Ctrl-C (SIGINT or SIGTERM) arrives. On
 * Ctrl-C the JVM waits a grace period so the pots can say "offline" and the embedded broker can close.
 */
public final class Shutdown {

    /** What runs until the duration passes or someone quits; it stops its pots before returning. */
    public interface Run {
        void run() throws InterruptedException;
    }

    private final CountDownLatch quit = new CountDownLatch(1);

    /** Asks the run to end (the console's quit, Ctrl-C). */
    public void quit() {
        quit.countDown();
    }

    /** Counts down once someone asked to quit. */
    public CountDownLatch quitSignal() {
        return quit;
    }

    /**
     * Runs {@code run}, then closes {@code embeddedBroker} (if any). Ctrl-C counts as quit, and the JVM waits up to
     * {@code graceSeconds} for the run to finish before it halts.
     */
    public void untilQuit(int graceSeconds, EmbeddedBroker embeddedBroker, Run run) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            quit.countDown();
            try {
                stopped.await(graceSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (embeddedBroker != null) {
                embeddedBroker.close();
            }
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is already on its way out.
            }
        }
    }

    /** What ended a run that was not quit. */
    public enum End {
        QUIT, DURATION, READINGS
    }

    /** How often a run with a readings target looks at its count. */
    private static final long READINGS_POLL_MILLIS = 50;

    /**
     * Waits until quit, {@code millis} (0: no limit) pass, or {@code target} is reached (null: no target); says which
     * came first.
     */
    public End await(long millis, BooleanSupplier target) throws InterruptedException {
        if (target == null) {
            return await(millis) ? End.DURATION : End.QUIT;
        }
        long deadline = millis > 0 ? System.currentTimeMillis() + millis : Long.MAX_VALUE;
        while (true) {
            if (target.getAsBoolean()) {
                return End.READINGS;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return End.DURATION;
            }
            if (quit.await(Math.min(left, READINGS_POLL_MILLIS), TimeUnit.MILLISECONDS)) {
                return End.QUIT;
            }
        }
    }

    /** Waits until quit or {@code millis} (0: no limit) pass; true when the time ran out. */
    public boolean await(long millis) throws InterruptedException {
        if (millis > 0) {
            return !quit.await(millis, TimeUnit.MILLISECONDS);
        }
        quit.await();
        return false;
    }
}
