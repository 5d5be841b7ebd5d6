package dev.smartpot.device.board;

import java.io.IOException;

/** A pot's watering pump, on boards that have one. */
public interface Pump {

    /** Pours about {@code millilitres} of water into the pot; returns once it is done. */
    void water(int millilitres) throws IOException;
}
