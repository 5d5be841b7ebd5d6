package dev.smartpot.simulator.fleet;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.smartpot.device.PotNode;
import dev.smartpot.simulator.lifecycle.PotLifecycle;

/**
 * The fleet's scheduler for a pot in deep sleep: each wake runs on a thread of the link lane (it is short, and may
 * join WiFi and connect), and the sleep between two wakes is a scheduled wake-up on the fleet's scheduler, not a
 * blocked thread. What a wake, a sleep or a reboot does is the pot's {@link PotLifecycle}, as for a single pot.
 */
final class FleetWakes {

    private final PotLifecycle life;
    /** Boots the board again (a wake is a boot) and returns the fresh core. */
    private final Runnable boot;
    private final ScheduledExecutorService scheduler;
    private final Executor linkLane;
    private final CompletableFuture<Void> stopped;

    // Guarded by "this".
    private boolean waking;
    private boolean stopRequested;
    private ScheduledFuture<?> pendingWake;

    FleetWakes(PotLifecycle life, Runnable boot, ScheduledExecutorService scheduler, Executor linkLane,
            CompletableFuture<Void> stopped) {
        this.life = life;
        this.boot = boot;
        this.scheduler = scheduler;
        this.linkLane = linkLane;
        this.stopped = stopped;
    }

    /** After the first boot: its wake goes to the link lane. */
    synchronized void start() {
        if (!stopRequested) {
            waking = true;
            linkLane.execute(this::runWake);
        }
    }

    /** The pot is asked to stop: a wake under way ends early and says its goodbye; a sleeping pot just stays off. */
    synchronized void stop() {
        stopRequested = true;
        life.close();
        if (!waking) {
            if (pendingWake != null) {
                pendingWake.cancel(false);
            }
            stopped.complete(null);
        }
    }

    /** The power was cut: a sleeping pot starts at once, as a boot (the RTC timer went with the power). */
    synchronized void powerCut() {
        if (!waking && !stopRequested && pendingWake != null && pendingWake.cancel(false)) {
            pendingWake = scheduler.schedule(() -> wakeUp(0), 0, TimeUnit.MILLISECONDS);
        }
    }

    /** Between two wakes: the board is off but for its RTC (not connecting, not reconnecting). */
    synchronized boolean isAsleep() {
        return !waking && !stopped.isDone();
    }

    /** In the link lane: one wake (it ends in the core's deep sleep), then the sleep is scheduled, or the next boot. */
    private void runWake() {
        PotNode current = life.node();
        PotLifecycle.Next next;
        try {
            current.run();
            next = life.afterBoot();
        } catch (RuntimeException e) {
            life.board().log().error("wake crashed: " + e + "; the pot stays off");
            next = PotLifecycle.Next.STOP;
        }
        synchronized (this) {
            waking = false;
            if (stopRequested || next == PotLifecycle.Next.STOP) {
                stopped.complete(null);
            } else if (next == PotLifecycle.Next.SLEEP) {
                long real = life.realSleepMillis();
                pendingWake = scheduler.schedule(() -> wakeUp(real), real, TimeUnit.MILLISECONDS);
            } else {
                boot.run();
                start();
            }
        }
    }

    /** On a scheduler thread: the RTC timer fired; the board boots again and the wake goes to the link lane. */
    private synchronized void wakeUp(long realMillis) {
        if (stopRequested) {
            return;
        }
        life.endSleep(realMillis);
        boot.run();
        start();
    }
}
