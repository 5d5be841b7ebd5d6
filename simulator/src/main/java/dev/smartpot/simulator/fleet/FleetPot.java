package dev.smartpot.simulator.fleet;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.simulator.board.FakeWlan;
import dev.smartpot.simulator.board.MonitorSleeper;
import dev.smartpot.simulator.board.SimulatedBoard;
import dev.smartpot.simulator.board.SoilModelAdc;
import dev.smartpot.simulator.lifecycle.PotLifecycle;

/**
 * One pot of a fleet: the real core with a world of its own (chip id, access point, soil), driven by a
 * shared scheduler instead of a thread of its own. {@link PotNode#tick()} says how long until it is due
 * again; the pot is scheduled then, or at once when a transport thread wakes it. Ticks of one pot never
 * overlap, so the core still sees a single device loop.
 * <p>
 * Two lanes: an online pot ticks on the scheduler's threads, where a tick waits at most for a PUBACK. A pot
 * whose link is not up may connect in its tick (WiFi, CONNECT, the session's subscribes and "online", the
 * barrier round trip), which blocks for as long as the broker takes; that tick runs in the link lane instead,
 * so a fleet ramping up (or reconnecting) never holds back the readings of pots already online.
 * <p>
 * Its lifecycle is the single pot's ({@link PotLifecycle}): a reboot or a power cut boots a fresh core on the same RTC
 * memory; a pot in deep sleep is scheduled by {@link FleetWakes}: each wake in the link lane, each sleep a scheduled
 * wake-up, not a blocked thread.
 */
public final class FleetPot implements Sleeper {

    /** After a tick that threw, try again this much later rather than spin. */
    private static final long AFTER_CRASH_MILLIS = 1000;

    private final SimulatedBoard board;
    private final PotLifecycle life;
    private final TransportFactory transports;
    private final ScheduledExecutorService scheduler;
    /** Runs the ticks of a pot whose link is not up: they may block on connecting. */
    private final Executor linkLane;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    /** The scheduler of a pot in deep sleep; null for one that stays awake, whose ticks are scheduled here. */
    private final FleetWakes wakes;

    private volatile PotNode node;
    /** An awake pot's readings, taken on time by the fleet's sampler while a tick waits on the broker. */
    private final FleetPotReadings readings;

    // Scheduling state, guarded by "this".
    private long ticket;
    private ScheduledFuture<?> pending;
    private boolean ticking;
    /** A tick was handed to the link lane and has not started yet. */
    private boolean inLinkLane;
    private boolean wokenWhileTicking;
    private boolean stopRequested;
    private boolean closed;
    /** A stopping pot's ticks: what it queued delivered first, as the single pot's clean stop. */
    private final FleetCleanStop cleanStop;

    /** Makes the MQTT transport for each boot of a pot. */
    public interface TransportFactory {
        MqttTransport create(String clientId);
    }

    /** @param sleepSpeedup {@code sim.sleep.speedup}: a deep sleep is waited this many times shorter */
    FleetPot(DeviceConfig config, SimulatedBoard board, long sleepSpeedup, TransportFactory transports,
            ScheduledExecutorService scheduler, Executor linkLane, FleetSampler sampler) {
        this.board = board;
        this.life = new PotLifecycle(config, board, sleepSpeedup);
        this.readings = new FleetPotReadings(board, life, sampler);
        this.cleanStop = new FleetCleanStop(board, life, readings);
        this.transports = transports;
        this.scheduler = scheduler;
        this.linkLane = linkLane;
        this.wakes = board.sleepsDeeply() ? new FleetWakes(life, this::boot, scheduler, linkLane, stopped) : null;
    }

    /** Boots the pot (on the caller's thread: cheap, no I/O) and schedules its first tick (in deep sleep: its first wake). */
    void start() {
        synchronized (this) {
            if (stopRequested) {
                // Stopped before its turn in the ramp came: it never boots.
                return;
            }
        }
        life.loadFromLastRun();
        boot();
        if (wakes != null) {
            wakes.start();
            return;
        }
        synchronized (this) {
            scheduleTick(0);
        }
        readings.start();
    }

    /**
     * A boot, or a wake from deep sleep: a pot that stays awake waits on the scheduler between its ticks (this object
     * is its sleeper); a wake waits on a thread of the link lane for the short while it lasts.
     */
    private void boot() {
        MqttTransport link = transports.create(board.clientId());
        node = readings.boot(() -> life.boot(board.sleepsDeeply() ? new MonitorSleeper() : this, link, link, null));
    }

    /** After a clean stop: keeps the pot's RTC memory for the next run of the fleet, when it has a place for it. */
    void keepForNextRun() {
        life.keepForNextRun();
    }

    /**
     * Cuts the simulated power, as the single pot's: the link drops without a goodbye and RTC memory is lost (the flash
     * mark stays); the pot then boots again.
     */
    public void powerCut() {
        if (life.cutPower() && wakes != null) {
            wakes.powerCut();
        }
    }

    /**
     * Asks the pot to stop: an awake pot first delivers what the broker lacks (bounded, as the single pot's clean stop),
     * then says "offline" and disconnects; the future completes once it has.
     */
    CompletableFuture<Void> stop() {
        synchronized (this) {
            if (!stopRequested) {
                stopRequested = true;
                if (wakes != null) {
                    closed = true;
                    wakes.stop();
                } else if (node == null) {
                    closed = true;
                    stopped.complete(null);
                } else if (ticking) {
                    wokenWhileTicking = true;
                } else {
                    scheduleTick(0);
                }
            }
        }
        return stopped;
    }

    // ---- the device loop, one tick at a time --------------------------------------------------------

    private void scheduleTick(long delayMillis) {
        long mine = ++ticket;
        if (pending != null) {
            pending.cancel(false);
        }
        try {
            pending = scheduler.schedule(() -> due(mine), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The fleet gave up waiting for this pot's stop and shut its scheduler down: no tick follows.
            closed = true;
        }
    }

    /** On a scheduler thread: ticks an online (or stopping) pot here, hands any other's tick to the link lane. */
    private void due(long mine) {
        synchronized (this) {
            if (mine != ticket || ticking || closed) {
                return;
            }
            // The previous tick ended in this lock (scheduleTick), so its link state is visible here.
            if (!stopRequested && node.state() != PotNode.ONLINE) {
                if (!inLinkLane) {
                    inLinkLane = true;
                    linkLane.execute(this::tickInLinkLane);
                }
                return;
            }
        }
        tick(mine);
    }

    /** In the link lane: the pot's latest tick, whatever woke or rescheduled it while it waited for a thread. */
    private void tickInLinkLane() {
        long mine;
        synchronized (this) {
            inLinkLane = false;
            mine = ticket;
        }
        tick(mine);
    }

    private void tick(long mine) {
        boolean stopping;
        synchronized (this) {
            // A tick that was replaced by an earlier one (a wake) has nothing to do.
            if (mine != ticket || ticking || closed) {
                return;
            }
            ticking = true;
            stopping = stopRequested;
        }
        long wait = stopping ? cleanStop.tick(node, this::tickOnce) : tickOnce(node);
        synchronized (this) {
            ticking = false;
            if (wait < 0) {
                closed = true;
            } else {
                if (wokenWhileTicking) {
                    wokenWhileTicking = false;
                    wait = 0;
                }
                scheduleTick(wait);
            }
        }
        if (wait < 0) {
            stopped.complete(null);
        }
    }

    /** One tick of the core, the end of its boot included (a reboot boots the next); returns how long until the next. */
    private long tickOnce(PotNode current) {
        try {
            // A power cut asked between two ticks ends the boot before the core does anything more.
            long wait = life.bootEnds() ? 0 : current.tick();
            if (life.bootEnds()) {
                current.shutdown();
                if (life.afterBoot() == PotLifecycle.Next.BOOT) {
                    boot();
                }
                wait = 0;
            }
            return wait;
        } catch (RuntimeException e) {
            board.log().error("device loop crashed: " + e + "; ticking again in " + AFTER_CRASH_MILLIS + " ms");
            return AFTER_CRASH_MILLIS;
        }
    }

    // ---- Sleeper: the core's way to be woken ---------------------------------------------------------

    /** Never called for a pot that stays awake: the fleet calls {@link PotNode#tick()} and schedules the wait itself. */
    @Override
    public void sleep(long millis) {
        throw new IllegalStateException("a fleet pot does not sleep on a thread; its ticks are scheduled");
    }

    @Override
    public void wake() {
        synchronized (this) {
            if (ticking) {
                wokenWhileTicking = true;
            } else if (!closed && node != null && !inLinkLane) {
                // (A tick waiting in the link lane is on its way already.)
                scheduleTick(0);
            }
        }
    }

    // ---- what the view and the summary read -----------------------------------------------------------

    public String clientId() { return board.clientId(); }

    /** The running core; null before the pot was started. */
    public PotNode node() { return node; }

    public SoilModelAdc soil() { return board.soil(); }

    public FakeWlan wlan() { return board.wlan(); }

    public long readingsTaken() { return life.readingsTaken(); }

    /** Boots so far (the first, reboots, returns from a power cut); a wake from deep sleep is not one. */
    public int boots() { return life.boots(); }

    /** Wakes from deep sleep so far. */
    public int wakes() { return life.wakes(); }

    /** A pot in deep sleep between two wakes. */
    public boolean isAsleep() {
        return wakes != null && wakes.isAsleep();
    }

    boolean isStopped() {
        return stopped.isDone();
    }
}
