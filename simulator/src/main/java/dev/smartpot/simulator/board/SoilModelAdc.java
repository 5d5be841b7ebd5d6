package dev.smartpot.simulator.board;

import java.io.IOException;
import java.util.Random;

import dev.smartpot.device.board.AnalogInput;
import dev.smartpot.device.board.Clock;

/**
 * A capacitive soil-moisture sensor in a pot of soil, read through a 12-bit ADC. The soil dries at a
 * steady rate, jumps when watered, and the sensor adds noise, plus the odd wild sample an ESP32's ADC
 * gives while its radio transmits; it can be unplugged (a floating input a few counts above 0 V) or
 * shorted to the supply (full scale), the faults the core must not mistake for moisture.
 */
public final class SoilModelAdc implements AnalogInput {

    private static final int FULL_SCALE = 4095;
    /** An unplugged input floats this few counts above 0 V. */
    private static final int FLOATING_MAX = 20;
    /** Water that brings the pot from bone dry to saturated. */
    private static final double POT_WATER_CAPACITY_ML = 400;

    private final Clock clock;
    private final Random random;
    private final int rawDry;
    private final int rawWet;
    private final double dryingPerHour;
    private final double noiseCounts;
    private final double spikeFraction;
    private double moisture;
    private long updatedAt;
    private volatile boolean unplugged;
    private volatile boolean shorted;

    /**
     * @param startMoisturePercent soil moisture at boot, 0 to 100
     * @param dryingPercentPerHour how fast the soil loses moisture
     * @param noiseCounts standard deviation of the sensor noise, in ADC counts
     * @param spikeFraction share of samples that come out anywhere from 0 to full scale, 0 to 1
     */
    public SoilModelAdc(Clock clock, long seed, int rawDry, int rawWet, double startMoisturePercent,
            double dryingPercentPerHour, double noiseCounts, double spikeFraction) {
        this.clock = clock;
        this.random = new Random(seed);
        this.rawDry = rawDry;
        this.rawWet = rawWet;
        this.dryingPerHour = dryingPercentPerHour / 100.0;
        this.noiseCounts = noiseCounts;
        this.spikeFraction = spikeFraction;
        this.moisture = clamp(startMoisturePercent / 100.0);
        this.updatedAt = clock.uptimeMillis();
    }

    @Override
    public synchronized int read() throws IOException {
        if (unplugged) {
            return random.nextInt(FLOATING_MAX + 1);
        }
        if (shorted) {
            return FULL_SCALE;
        }
        if (random.nextDouble() < spikeFraction) {
            return random.nextInt(FULL_SCALE + 1);
        }
        dryUntilNow();
        double counts = rawDry + (rawWet - rawDry) * moisture + random.nextGaussian() * noiseCounts;
        // A live sensor never quite reaches the rails; only a fault does.
        return (int) Math.max(1, Math.min(FULL_SCALE - 1, Math.round(counts)));
    }

    /** Pours {@code ml} of water into the pot. */
    public synchronized void water(double ml) {
        dryUntilNow();
        moisture = clamp(moisture + ml / POT_WATER_CAPACITY_ML);
    }

    /** Sets the soil's moisture, as a gardener's hand or a hot afternoon would. */
    public synchronized void setMoisturePercent(double percent) {
        dryUntilNow();
        moisture = clamp(percent / 100.0);
    }

    public synchronized double moisturePercent() {
        dryUntilNow();
        return moisture * 100;
    }

    /** The last fault set is the one the sensor shows, as with a real cable. */
    public void unplug() {
        shorted = false;
        unplugged = true;
    }

    public void plug() {
        unplugged = false;
        shorted = false;
    }

    public void shortCircuit() {
        unplugged = false;
        shorted = true;
    }

    private void dryUntilNow() {
        long now = clock.uptimeMillis();
        double hours = (now - updatedAt) / 3_600_000.0;
        updatedAt = now;
        moisture = clamp(moisture - dryingPerHour * hours);
    }

    private static double clamp(double m) {
        return Math.max(0, Math.min(1, m));
    }
}
