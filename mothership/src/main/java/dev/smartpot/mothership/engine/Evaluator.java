package dev.smartpot.mothership.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import dev.smartpot.mothership.alert.AlertBook;
import dev.smartpot.mothership.alert.LowBattery;
import dev.smartpot.mothership.api.Event;
import dev.smartpot.mothership.plant.LivePot;
import dev.smartpot.mothership.watering.WateringDesk;

/** Re-decides a pot's state (alerts and events on a change, the battery check) and runs the watering rules. */
final class Evaluator {

    private final PotBook pots;
    private final AlertBook alerts;
    private final EventBus events;
    private final WateringDesk watering;
    private final LowBattery lowBattery;
    private final Clock clock;
    private final Instant startedAt;
    private final long defaultIntervalMillis;
    private final BooleanSupplier linkUp;
    private final BooleanSupplier rulesHere;
    private final LongSupplier commitLagMillis;

    /**
     * @param linkUp    watering needs the link: a command sent while it is down would only fail
     * @param rulesHere of several instances sharing a database, only the rules lock's holder runs the automatic rules
     * @param commitLagMillis how long a received reading may wait for its commit: the pot is not silent meanwhile
     */
    Evaluator(PotBook pots, AlertBook alerts, EventBus events, WateringDesk watering, LowBattery lowBattery,
              EngineOptions options, Instant startedAt, BooleanSupplier linkUp, BooleanSupplier rulesHere,
              LongSupplier commitLagMillis) {
        this.pots = pots;
        this.alerts = alerts;
        this.events = events;
        this.watering = watering;
        this.lowBattery = lowBattery;
        this.clock = options.clock();
        this.startedAt = startedAt;
        this.defaultIntervalMillis = options.defaultInterval().toMillis();
        this.linkUp = linkUp;
        this.rulesHere = rulesHere;
        this.commitLagMillis = commitLagMillis;
    }

    /** Every pot (STALE needs only time to pass), then the watering rules where they can run. */
    void evaluateAll() {
        try {
            boolean canWater = linkUp.getAsBoolean();
            boolean automatic = canWater && rulesHere.getAsBoolean();
            for (LivePot p : pots.all()) {
                evaluate(p);
                if (canWater) {
                    watering.tick(p, automatic);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("mothership: evaluation failed: " + e);
        }
    }

    /**
     * A change of state, or of the announced wake with the state kept (a sleeping pot's status seen), is news for the
     * live pages: without it a page loaded between the reading and the status never learnt that the pot sleeps.
     */
    void evaluate(LivePot p) {
        Instant asleepUntil = p.asleepUntil();
        LivePot.Change change = p.evaluate(clock.instant(), startedAt, defaultIntervalMillis, commitLagMillis.getAsLong());
        if (change != null) {
            alerts.stateChanged(p.id(), change);
        }
        if (change != null || !Objects.equals(asleepUntil, p.asleepUntil())) {
            events.publish(new Event("pot", p.id(), p.view()));
        }
        lowBattery.check(p.id(), p.batteryMv(), alerts);
    }
}
