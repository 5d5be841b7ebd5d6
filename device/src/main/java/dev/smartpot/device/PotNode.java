package dev.smartpot.device;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.mqtt.Inbox;
import dev.smartpot.device.mqtt.MqttTransport;

/**
 * One smart pot: its loop, {@link #tick(long)}, over the parts {@link PotAssembly} builds (transport threads only fill
 * the {@link Inbox}; readings are also taken on a thread beside it), and what runtimes read. {@link #run()} runs it
 * with the {@link PotRunner}: until stopped, or in deep sleep one wake.
 */
public final class PotNode {

    public static final int OFFLINE = LinkSupervisor.OFFLINE;
    public static final int ONLINE = LinkSupervisor.ONLINE;
    public static final int STOPPED = LinkSupervisor.STOPPED;
    public static final int REFUSED = LinkSupervisor.REFUSED;

    private final PotAssembly parts;
    private final PotRunner runner;
    private volatile boolean stopRequested;
    /** Set by {@link #requestStop()} only (not by a reboot): a clean stop delivers what is queued first. */
    private volatile boolean stopIsClean;

    public PotNode(DeviceConfig config, Board board, MqttTransport transport) {
        this.parts = new PotAssembly(config, board, transport);
        this.runner = new PotRunner(this, parts);
    }

    /** Runs until {@link #requestStop()}, then says "offline"; in deep sleep, one wake (on a board, it never returns). */
    public void run() {
        if (parts.wakeCycle != null) {
            runner.oneWake(parts.wakeCycle);
        } else {
            runner.untilStopped();
        }
    }

    boolean stopRequested() { return stopRequested; }
    boolean stopIsClean() { return stopIsClean; }

    /** Asks {@link #run()} to finish; callable from any thread. */
    public void requestStop() {
        stopIsClean = true;
        stopRequested = true;
        parts.board.sleeper.wake();
    }

    /** {@link #tick(long)} at the board's uptime. */
    public long tick() {
        return tick(parts.board.clock.uptimeMillis());
    }

    /**
     * Does whatever is due at {@code now} and returns how long the loop may sleep; 0 after waiting on the broker (the
     * clock reading is stale). The only entry point of the device's behaviour; tests call it with a manual clock.
     */
    public long tick(long now) {
        long wait = tickBody(now);
        parts.retained.saveIfChanged(now, parts.schedule.readingsTaken());
        return wait;
    }

    private long tickBody(long now) {
        parts.control.tickAt(now);
        // A planned restart goes at a reading boundary, before the reading: the next boot takes it at once.
        if (parts.plannedRestart.restartIfDue(now, parts.board.rebooter)) {
            stopRequested = true;
            return 0;
        }
        // Then the schedule: whatever the link does in this tick, a due reading is already taken.
        parts.schedule.linkUp(parts.link.isOnline());
        parts.schedule.takeIfDue(now);
        // Lines typed at the pot's console: a few per turn, after a reading that is due, as the inbox's messages.
        if (parts.console.runTyped(now, parts.schedule.nextReadingAt())) {
            stopRequested |= parts.console.rebooting();
            return 0;
        }
        // At most Inbox.PER_TICK messages, none once a reading is due; then on to the link and the queue, so a flood of
        // commands leaves room to publish what the readings thread took.
        if (parts.inbox.drainTo(now, parts.handlers, parts.board.log, parts.board.clock, parts.schedule.nextReadingAt())) {
            stopRequested |= parts.commands.rebooting();
            if (stopRequested) {
                return 0;
            }
        }
        // Messages still waiting (a reading was due first): come straight back for them after this tick.
        long flood = parts.inbox.hasWaiting() || parts.console.deferred() ? now : Long.MAX_VALUE;
        if (parts.link.supervise(now, !stopRequested)) {
            return 0;
        }
        long sends = parts.publisher.sends();
        if (parts.link.isOnline() && parts.probe.releasesReadings(now)) {
            String failure = parts.publisher.drain(now);
            if (failure != null) {
                parts.link.failed(failure);
            }
        } else if (parts.link.escalateIfStuck(now, parts.board.rebooter)) {
            stopRequested = true;
        }
        if (parts.publisher.sends() != sends || parts.link.needsFreshClock()) {
            return 0;
        }
        long next = parts.link.nextEvent(parts.schedule.nextReadingAt());
        if (parts.link.isOnline() && parts.probe.isWaitingForEcho()) {
            next = Math.min(next, parts.probe.deadline());
        } else if (parts.link.isOnline() && parts.publisher.hasUnsent()) {
            next = Math.min(next, parts.publisher.notBefore());
        }
        return Math.max(0, Math.min(next, flood) - now);
    }

    /** When the next reading is due, by the board's uptime. */
    public long nextReadingAt() { return parts.schedule.nextReadingAt(); }
    /** Takes the reading due by {@code now}, if any; callable from a thread beside the loop (as {@link #run()}'s). */
    public boolean takeReadingIfDue(long now) { return parts.schedule.takeIfDue(now); }
    /** The most a reading of this boot was taken after its time, in ms. */
    public long largestSamplingDelayMillis() { return parts.schedule.largestDelayMillis(); }
    /** A clean stop's drain, for a runtime that ticks the core itself: its ticks after {@link #requestStop()}. */
    public CleanStop cleanStop() { return new CleanStop(parts.board, parts.link, parts.queue); }
    /** Says "offline" and disconnects: {@link #run()} ends with it; a runtime that ticks itself calls it after the last tick. */
    public void shutdown() { runner.shutdown(); }

    public String clientId() { return parts.clientId; }
    /** {@link #OFFLINE}, {@link #ONLINE}, {@link #STOPPED} or {@link #REFUSED}. */
    public int state() { return parts.link.state(); }
    /** One line for a person: state, broker, queue, drops, reconnects. */
    public String statusLine() { return parts.status.statusLine(); }
    public long readingsTaken() { return parts.control.readingsTaken(); }
    public long publishedReadings() { return parts.control.publishedReadings(); }
    public int queuedReadings() { return parts.control.queuedReadings(); }
    public long droppedReadings() { return parts.control.droppedReadings(); }
    public int reconnects() { return parts.control.reconnects(); }

    /**
     * What the last reading reported: its moisture in tenths of a percent (after calibration and smoothing), or -1
     * when it reported a fault or there was none yet. Callable from any thread: the view of a running pot reads it.
     */
    public int lastMoistureTenths() { return parts.scale.tenthsOrNone(parts.control.lastRawCode()); }

    /** The fault the last reading reported ("disconnected", "shorted", ...), or null for moisture or no reading yet. */
    public String lastFault() { return parts.scale.faultNameOrNull(parts.control.lastRawCode()); }
    /** The boot counter this boot's readings carry. */
    public int boot() { return parts.retained.boot(); }
}
