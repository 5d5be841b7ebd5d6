package dev.smartpot.simulator.fleet;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.simulator.board.FakeWlan;
import dev.smartpot.simulator.board.SimulatedBoard;
import dev.smartpot.simulator.board.SoilModelAdc;

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
 * <p>Readings wait for neither lane: {@link FleetSampler} takes each when due, so a frozen broker that holds every
 * scheduler thread in a PUBACK wait leaves the cadence intact.
 */
public final class FleetPot implements Sleeper {

    /** After a tick that threw, try again this much later rather than spin. */
    private static final long AFTER_CRASH_MILLIS = 1000;
    /** While the pot reboots, its readings thread looks again this soon. */
    private static final long REBOOT_LOOK_MILLIS = 20;

    private final DeviceConfig config;
    private final SimulatedBoard board;
    private final TransportFactory transports;
    private final ScheduledExecutorService scheduler;
    /** Runs the ticks of a pot whose link is not up: they may block on connecting. */
    private final Executor linkLane;
    /** Takes this pot's readings on time while a tick waits on the broker. */
    private final FleetSampler sampler;
    /** Readings taken in earlier boots of this pot (one reading = one sequence number, however many ADC samples). */
    private volatile long takenBeforeBoot;
    /** The current boot's sequence at its start: its RTC memory carries the count on from earlier boots and runs. */
    private volatile long seqAtBoot;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    private volatile PotNode node;
    private volatile boolean rebootRequested;
    /** The running boot's clock, which its readings are due by. */
    private volatile Clock clock;

    /** Taking a reading beside the ticks (FleetSampler) versus swapping or shutting down the node. */
    private final Object sampling = new Object();
    /** Guarded by {@link #sampling}: the pot is stopping; only its ticks touch the node from now on. */
    private boolean samplingOver;
    // Scheduling state, guarded by "this".
    private long ticket;
    private ScheduledFuture<?> pending;
    private boolean ticking;
    /** A tick was handed to the link lane and has not started yet. */
    private boolean inLinkLane;
    private boolean wokenWhileTicking;
    private boolean stopRequested;
    private boolean closed;

    /** Makes the MQTT transport for each boot of a pot. */
    public interface TransportFactory {
        MqttTransport create(String clientId);
    }

    FleetPot(DeviceConfig config, SimulatedBoard board, TransportFactory transports, ScheduledExecutorService scheduler,
            Executor linkLane, FleetSampler sampler) {
        this.config = config;
        this.sampler = sampler;
        this.board = board;
        this.transports = transports;
        this.scheduler = scheduler;
        this.linkLane = linkLane;
    }

    /** Boots the pot (on the caller's thread: cheap, no I/O) and schedules its first tick. */
    void start() {
        synchronized (this) {
            if (stopRequested) {
                // Stopped before its turn in the ramp came: it never boots.
                return;
            }
        }
        boot();
        synchronized (this) {
            scheduleTick(0);
        }
        sampler.follow(this);
    }

    /** Under {@link #sampling}: no reading is taken into the old node after its last save, nor into a half-made one. */
    private void boot() {
        synchronized (sampling) {
            PotNode previous = node;
            if (previous != null) {
                // The fleet's tally keeps what the previous boot took; the new boot's sequence carries on from it.
                takenBeforeBoot += previous.readingsTaken() - seqAtBoot;
            }
            rebootRequested = false;
            Board booted = board.boot(this, reason -> {
                board.log().warn("rebooting (simulated): the device restarts in place, its queue kept in RTC memory");
                rebootRequested = true;
            });
            PotNode fresh = new PotNode(config, booted, transports.create(board.clientId()));
            seqAtBoot = fresh.readingsTaken();
            clock = booted.clock;
            node = fresh;
        }
    }

    /** After a clean stop: keeps the pot's RTC memory for the next run of the fleet, when it has a place for it. */
    void keepForNextRun() {
        try {
            board.memory().keepForNextRun();
        } catch (java.io.IOException e) {
            board.log().warn("the pot's RTC memory could not be kept for the next run (" + e.getMessage() + ")");
        }
    }

    /** Asks the pot to say "offline" and disconnect; the future completes once it has. */
    CompletableFuture<Void> stop() {
        synchronized (this) {
            if (!stopRequested) {
                stopRequested = true;
                if (node == null) {
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
        pending = scheduler.schedule(() -> due(mine), delayMillis, TimeUnit.MILLISECONDS);
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
        PotNode current = node;
        long wait;
        if (stopping) {
            synchronized (sampling) {
                samplingOver = true;
            }
            if (current.state() == PotNode.ONLINE && current.queuedReadings() > 0) {
                // A reading the readings thread took since the last tick: a clean stop delivers it first.
                tickOnce(current);
                current = node;
            }
            current.requestStop();
            current.shutdown();
            synchronized (this) {
                ticking = false;
                closed = true;
            }
            stopped.complete(null);
            return;
        }
        wait = tickOnce(current);
        synchronized (this) {
            ticking = false;
            if (wokenWhileTicking) {
                wokenWhileTicking = false;
                wait = 0;
            }
            scheduleTick(wait);
        }
    }

    /** On the fleet's readings thread: takes the reading due now, if any, whatever the pot's tick waits for; returns
     *  how long until the next is due, or -1 once the pot stops (its last tick delivers what is queued). */
    long sampleIfDue() {
        synchronized (sampling) {
            if (samplingOver) {
                return -1;
            }
            PotNode current = node;
            if (current == null || rebootRequested) {
                // Between boots: what is taken now would be lost with the old node; the next boot takes it.
                return REBOOT_LOOK_MILLIS;
            }
            try {
                current.takeReadingIfDue(clock.uptimeMillis());
            } catch (RuntimeException e) {
                board.log().error("taking a reading failed: " + e + "; the pot's loop takes it instead");
                return AFTER_CRASH_MILLIS;
            }
            return Math.max(0, current.nextReadingAt() - clock.uptimeMillis());
        }
    }

    /** One tick of the core, a reboot it asked for included; returns how long until the next. */
    private long tickOnce(PotNode current) {
        try {
            long wait = current.tick();
            if (rebootRequested) {
                current.shutdown();
                boot();
                wait = 0;
            }
            return wait;
        } catch (RuntimeException e) {
            board.log().error("device loop crashed: " + e + "; ticking again in " + AFTER_CRASH_MILLIS + " ms");
            return AFTER_CRASH_MILLIS;
        }
    }

    // ---- Sleeper: the core's way to be woken ---------------------------------------------------------

    /** Never called: the fleet calls {@link PotNode#tick()} and schedules the wait itself. */
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

    public long readingsTaken() {
        PotNode current = node;
        return takenBeforeBoot + (current == null ? 0 : current.readingsTaken() - seqAtBoot);
    }

    boolean isStopped() { return stopped.isDone(); }
}
