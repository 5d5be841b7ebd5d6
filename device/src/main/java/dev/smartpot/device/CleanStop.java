package dev.smartpot.device;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.text.Durations;

/**
 * A clean stop ({@link PotNode#requestStop()}, not a reboot): with the link up, the loop keeps ticking until the
 * queued readings are delivered, for at most {@link #DRAIN_MILLIS}; what is left stays in retained memory. The
 * drain-then-stop policy of the {@link PotRunner}, and of a runtime that ticks the core itself
 * ({@link PotNode#cleanStop()}): {@link #begin()}, ticks until {@link #over(long)}, then {@link #end()}.
 */
public final class CleanStop implements PotRunner.StopPolicy {

    /** How long a clean stop waits for queued readings to go out before it keeps them for the next start. */
    public static final long DRAIN_MILLIS = 10000;

    private final Board board;
    private final LinkSupervisor link;
    private final ReadingQueue queue;
    private long start;

    CleanStop(Board board, LinkSupervisor link, ReadingQueue queue) {
        this.board = board;
        this.link = link;
        this.queue = queue;
    }

    /**
     * Whether there is anything to deliver (the link is up and readings the broker does not have yet are queued); if
     * so, says so in the log. Readings the broker has and the mothership has not confirmed yet stay in retained memory
     * for the next start.
     */
    public boolean begin() {
        if (!link.isOnline() || unsent() == 0) {
            return false;
        }
        start = board.clock.uptimeMillis();
        board.log.info("stopping: delivering " + unsent() + " queued readings first (waiting up to "
                + Durations.format(DRAIN_MILLIS) + ")");
        return true;
    }

    public boolean over(long now) {
        return !link.isOnline() || unsent() == 0 || now - start >= DRAIN_MILLIS;
    }

    public void ticked(long now) {
    }

    public long napUntil(long now) {
        return start + DRAIN_MILLIS;
    }

    /** Says in the log what stays queued and why. */
    public void end() {
        if (unsent() > 0) {
            board.log.warn("stopping with " + unsent() + " readings still queued: " + (link.isOnline()
                    ? "not delivered within " + Durations.format(DRAIN_MILLIS) : "the link went down"));
        }
    }

    /** Queued readings the broker does not have yet. */
    private int unsent() {
        return queue.size() - queue.custody().count();
    }
}
