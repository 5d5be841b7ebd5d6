package dev.smartpot.device;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.power.WakeCycle;
import dev.smartpot.device.text.Durations;

/**
 * The one loop that runs a pot: tick, then sleep as long as the tick allows, until a stop policy says the run is over.
 * Three policies: until a stop is asked (always on), drain-then-stop (a clean stop, see {@link CleanStop}) and one
 * deep-sleep wake ({@link WakeCycle}'s publishing part). The policies only watch; the ticks are {@link PotNode}'s.
 */
final class PotRunner {

    /** When a run is over, and how long it may sleep between ticks. */
    interface StopPolicy {
        /** Whether the run is over at {@code now}, by the board's uptime. */
        boolean over(long now);

        /** After each tick, at {@code now}. */
        void ticked(long now);

        /** The latest the loop may sleep until before it ticks again ({@code Long.MAX_VALUE}: as long as the tick says). */
        long napUntil(long now);
    }

    private final PotNode node;
    private final PotAssembly parts;
    private final Board board;

    PotRunner(PotNode node, PotAssembly parts) {
        this.node = node;
        this.parts = parts;
        this.board = parts.board;
    }

    /**
     * Always on: ticks until a stop is asked, with the readings on their own thread (a network step that holds the
     * loop cannot hold the schedule); a clean stop then delivers what is queued first. Ends with {@link #shutdown()}.
     */
    void untilStopped() {
        board.log.info("smart pot " + parts.clientId + " (" + parts.config.deviceName + ") starting: a reading every "
                + Durations.format(parts.schedule.intervalMillis()) + " to " + parts.config.publishTopicFor(parts.clientId)
                + ", commands on " + parts.config.subscribeTopicFor(parts.clientId));
        CleanStop cleanStop = node.cleanStop();
        parts.sampling.start();
        try {
            run(new StopPolicy() {
                public boolean over(long now) {
                    return node.stopRequested();
                }

                public void ticked(long now) {
                }

                public long napUntil(long now) {
                    return Long.MAX_VALUE;
                }
            });
            if (node.stopIsClean() && cleanStop.begin()) {
                run(cleanStop);
                cleanStop.end();
            }
        } finally {
            parts.sampling.stop();
        }
        shutdown();
    }

    /** One deep-sleep wake: the reading, the publishing part if this wake publishes, then deep sleep. */
    void oneWake(final WakeCycle wake) {
        if (wake.begin()) {
            run(new StopPolicy() {
                public boolean over(long now) {
                    return node.stopRequested() || wake.publishingOver(now);
                }

                public void ticked(long now) {
                    wake.ticked(now);
                }

                public long napUntil(long now) {
                    return wake.napUntil();
                }
            });
        }
        wake.end();
    }

    /** Says "offline" (while the link is up), disconnects and keeps the state in retained memory. */
    void shutdown() {
        if (parts.link.isOnline()) {
            parts.availability.sayOffline(parts.mqtt);
        }
        parts.link.stop();
        parts.retained.save(board.clock.uptimeMillis(), parts.schedule.readingsTaken(), 0);
        board.log.info("stopped after " + parts.schedule.readingsTaken() + " readings, " + parts.publisher.published()
                + " published, " + parts.queue.size() + " still queued");
    }

    /** Ticks at a fresh clock reading until {@code policy} says the run is over. */
    void run(StopPolicy policy) {
        long now = board.clock.uptimeMillis();
        while (!policy.over(now)) {
            long wait = node.tick(now);
            now = board.clock.uptimeMillis();
            policy.ticked(now);
            if (policy.over(now)) {
                return;
            }
            long nap = Math.min(wait, policy.napUntil(now) - now);
            if (nap > 0) {
                board.sleeper.sleep(nap);
                now = board.clock.uptimeMillis();
            }
        }
    }
}
