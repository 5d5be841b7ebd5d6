package dev.smartpot.simulator.fleet;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Takes the readings of every pot of a fleet on time, on one thread that never touches the network: a pot's tick may
 * wait on its broker (a PUBACK, up to the transport's timeout), and with the broker frozen every scheduler thread
 * waits, so readings taken only in ticks would stop for the whole freeze. The fleet's counterpart of a single pot's
 * readings thread; each pot is looked at when its next reading is due, and at least every
 * {@link #MAX_WAIT_MILLIS} so a shortened interval is noticed.
 */
final class FleetSampler {

    /** Looks at a pot at least this often even when nothing is due: a changed interval or a jumped clock is noticed. */
    static final long MAX_WAIT_MILLIS = 1000;

    private final ScheduledThreadPoolExecutor thread;

    FleetSampler() {
        thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "fleet-readings");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
    }

    /** Looks after {@code pot}'s readings from now on, until it says its sampling is over. */
    void follow(FleetPotReadings pot) {
        lookAt(pot, 0);
    }

    private void lookAt(FleetPotReadings pot, long delayMillis) {
        if (thread.isShutdown()) {
            return;
        }
        thread.schedule(() -> {
            long next = pot.sampleIfDue();
            if (next >= 0) {
                lookAt(pot, Math.min(next, MAX_WAIT_MILLIS));
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    void shutdown() {
        thread.shutdownNow();
    }
}
