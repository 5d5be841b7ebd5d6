package dev.smartpot.simulator.fleet;

import java.util.function.Supplier;

import dev.smartpot.device.PotNode;
import dev.smartpot.simulator.board.SimulatedBoard;
import dev.smartpot.simulator.lifecycle.PotLifecycle;

/**
 * One fleet pot's readings as {@link FleetSampler} takes them, beside its ticks: never into a core that is being
 * replaced (a reading taken into the old core after its last save would be lost, its seq taken again by the next
 * boot), nor once the pot stops (its last tick delivers what is queued, and nothing may be added behind it).
 */
final class FleetPotReadings {

    /** After a reading that threw, the pot's own tick takes it; look again this much later. */
    private static final long AFTER_FAILURE_MILLIS = 1000;
    /** While the pot reboots, look again this soon. */
    private static final long REBOOT_LOOK_MILLIS = 20;

    private final SimulatedBoard board;
    private final PotLifecycle life;
    private final FleetSampler sampler;
    /** Guarded by "this": the core readings go into; null before the first boot. */
    private PotNode node;
    /** Guarded by "this": the pot is stopping; only its ticks touch the core from now on. */
    private boolean over;

    FleetPotReadings(SimulatedBoard board, PotLifecycle life, FleetSampler sampler) {
        this.board = board;
        this.life = life;
        this.sampler = sampler;
    }

    /** From now on the sampler takes this pot's readings when due, until {@link #end()}. */
    void start() {
        sampler.follow(this);
    }

    /** Boots the next core (through {@code boot}) with no reading taken meanwhile; returns it. */
    synchronized PotNode boot(Supplier<PotNode> boot) {
        node = boot.get();
        return node;
    }

    /** The pot stops: no more readings beside its ticks. */
    synchronized void end() {
        over = true;
    }

    /** Takes the reading due now, if any; returns how long until the next is due, or -1 once the pot stops. */
    synchronized long sampleIfDue() {
        if (over) {
            return -1;
        }
        if (node == null || life.bootEnds()) {
            return REBOOT_LOOK_MILLIS;
        }
        try {
            node.takeReadingIfDue(board.clock().uptimeMillis());
        } catch (RuntimeException e) {
            board.log().error("taking a reading failed: " + e + "; the pot's loop takes it instead");
            return AFTER_FAILURE_MILLIS;
        }
        return Math.max(0, node.nextReadingAt() - board.clock().uptimeMillis());
    }
}
