package dev.smartpot.simulator.fleet;

import java.util.function.ToLongFunction;

import dev.smartpot.device.CleanStop;
import dev.smartpot.device.PotNode;
import dev.smartpot.simulator.board.SimulatedBoard;
import dev.smartpot.simulator.lifecycle.PotLifecycle;

/**
 * The ticks of an awake fleet pot that was asked to stop, the single pot's clean stop ({@link CleanStop}) on the fleet's
 * scheduler: the first ends the pot's lifecycle (no boot follows) and asks the core to stop; the pot then ticks on
 * while its link is up and the broker lacks queued readings (the readings thread's latest too), for at most
 * {@link CleanStop#DRAIN_MILLIS}, and says "offline". What it could not deliver in time its log says, and it stays in
 * RTC memory (kept for the next run when the fleet has files). Only the pot's ticks, which never overlap, call it.
 */
final class FleetCleanStop {

    private final SimulatedBoard board;
    private final PotLifecycle life;
    private final FleetPotReadings readings;
    /** Null until the stop's first tick. */
    private CleanStop drain;

    FleetCleanStop(SimulatedBoard board, PotLifecycle life, FleetPotReadings readings) {
        this.board = board;
        this.life = life;
        this.readings = readings;
    }

    /**
     * One tick of the stop, through {@code tickOnce} (the pot's tick of its core); returns the wait until the next, or
     * -1 once the pot has said "offline".
     */
    long tick(PotNode current, ToLongFunction<PotNode> tickOnce) {
        if (drain == null) {
            readings.end();
            life.close();
            drain = current.cleanStop();
            if (!drain.begin()) {
                return shutDown(current);
            }
        }
        long wait = tickOnce.applyAsLong(current);
        long now = board.clock().uptimeMillis();
        if (current.state() != PotNode.STOPPED && !drain.over(now)) {
            return Math.max(0, Math.min(wait, drain.napUntil(now) - now));
        }
        drain.end();
        return shutDown(current);
    }

    /** Says "offline" and disconnects, unless the boot already ended (a power cut during the drain); returns -1. */
    private static long shutDown(PotNode current) {
        if (current.state() != PotNode.STOPPED) {
            current.shutdown();
        }
        return -1;
    }
}
