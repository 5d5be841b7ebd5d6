package dev.smartpot.simulator.fleet;

import dev.smartpot.device.PotNode;

/** The fleet's counts at one moment, for the view, the summary lines and the benchmarks. */
public final class FleetSnapshot {

    public final long atMillis;
    public final int devices;
    public final int started;
    public final int online;
    /** Started and not online: joining, connecting or backing off. */
    public final int reconnecting;
    /** Pots in deep sleep between two wakes (battery pots): off, not reconnecting. */
    public final int asleep;
    public final long queued;
    public final long dropped;
    public final long reconnects;
    public final long readingsTaken;
    public final long published;
    /** Pots whose last reading reported a sensor fault rather than moisture. */
    public final int faults;

    FleetSnapshot(SimulatedFleet fleet) {
        atMillis = System.currentTimeMillis();
        devices = fleet.pots().size();
        int started = 0;
        int online = 0;
        int stopped = 0;
        int asleep = 0;
        long queued = 0;
        long dropped = 0;
        long reconnects = 0;
        long taken = 0;
        int faults = 0;
        for (FleetPot pot : fleet.pots()) {
            PotNode node = pot.node();
            if (node == null) {
                continue;
            }
            started++;
            int state = node.state();
            if (pot.isAsleep()) {
                asleep++;
            } else if (state == PotNode.ONLINE) {
                online++;
            } else if (state == PotNode.STOPPED) {
                stopped++;
            }
            queued += node.queuedReadings();
            dropped += node.droppedReadings();
            reconnects += node.reconnects();
            taken += pot.readingsTaken();
            if (node.lastFault() != null) {
                faults++;
            }
        }
        this.started = started;
        this.online = online;
        this.reconnecting = started - online - stopped - asleep;
        this.asleep = asleep;
        this.queued = queued;
        this.dropped = dropped;
        this.reconnects = reconnects;
        this.readingsTaken = taken;
        this.faults = faults;
        this.published = fleet.published();
    }

    /** Readings published per second between an earlier snapshot and this one. */
    public double readingsPerSecond(FleetSnapshot earlier) {
        long ms = atMillis - earlier.atMillis;
        return ms <= 0 ? 0 : (published - earlier.published) * 1000.0 / ms;
    }
}
