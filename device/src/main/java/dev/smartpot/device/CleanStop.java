package dev.smartpot.device;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.link.LinkSupervisor;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.reading.SamplingThread;
import dev.smartpot.device.text.Durations;

/**
 * A clean stop ({@link PotNode#requestStop()}, not a reboot): with the link up, the loop keeps ticking until the
 * queued readings are delivered, for at most {@link #DRAIN_MILLIS}; what is left stays in retained memory.
 */
final class CleanStop {

    /** How long a clean stop waits for queued readings to go out before it keeps them for the next start. */
    static final long DRAIN_MILLIS = 10000;

    private final PotNode node;
    private final Board board;
    private final LinkSupervisor link;
    private final ReadingQueue queue;

    CleanStop(PotNode node, Board board, LinkSupervisor link, ReadingQueue queue) {
        this.node = node;
        this.board = board;
        this.link = link;
        this.queue = queue;
    }

    /**
     * The always-on run: ticks until a stop is asked, with the readings on their own thread (a network step that holds
     * the loop cannot hold the schedule); a clean stop delivers what is queued first.
     */
    void runUntilStopped(SamplingThread sampling) {
        sampling.start();
        try {
            while (!node.stopRequested()) {
                long wait = node.tick();
                if (wait > 0 && !node.stopRequested()) {
                    board.sleeper.sleep(wait);
                }
            }
            if (node.stopIsClean()) {
                drain();
            }
        } finally {
            sampling.stop();
        }
    }

    /**
     * Delivers what is queued while the link is up, then says in the log what stays queued and why. Readings the
     * broker has and the mothership has not confirmed yet stay in retained memory for the next start.
     */
    void drain() {
        if (!link.isOnline() || unsent() == 0) {
            return;
        }
        long limit = DRAIN_MILLIS;
        long start = board.clock.uptimeMillis();
        board.log.info("stopping: delivering " + unsent() + " queued readings first (waiting up to "
                + Durations.format(limit) + ")");
        long now = start;
        while (link.isOnline() && unsent() > 0 && now - start < limit) {
            long wait = node.tick(now);
            if (wait > 0 && unsent() > 0) {
                board.sleeper.sleep(Math.min(wait, limit - (now - start)));
            }
            now = board.clock.uptimeMillis();
        }
        if (unsent() > 0) {
            board.log.warn("stopping with " + unsent() + " readings still queued: " + (link.isOnline()
                    ? "not delivered within " + Durations.format(limit) : "the link went down"));
        }
    }

    /** Queued readings the broker does not have yet. */
    private int unsent() {
        return queue.size() - queue.custody().count();
    }
}
