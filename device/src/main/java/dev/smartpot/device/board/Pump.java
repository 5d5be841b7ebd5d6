package dev.smartpot.device.board;

import java.io.IOException;

/**
 * A pot's watering pump, on boards that have one.
 *
 * <p>The pump must stop by itself: {@link #water} starts it and returns at once, and the runtime's own timer stops
 * it once the water is poured or {@code maxRunMillis} has passed, whichever comes first, even if the device loop
 * stalls or the board hangs. The simulator's pump has a timer thread of its own; on a board that timer belongs on the
 * C or hardware side (a one-shot hardware timer that clears the pump's GPIO, or a watchdog that cuts it), never on a
 * Java thread that a stalled loop could hold up.
 */
public interface Pump {

    /**
     * Starts pouring about {@code millilitres}; returns without waiting for the water to run.
     *
     * @param maxRunMillis the pump stops after this long at the latest, whatever the amount
     */
    void water(int millilitres, long maxRunMillis) throws IOException;
}
