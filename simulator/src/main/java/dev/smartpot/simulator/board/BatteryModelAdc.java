package dev.smartpot.simulator.board;

import dev.smartpot.device.board.AnalogInput;
import dev.smartpot.device.board.Clock;
import dev.smartpot.device.config.BatteryConfig;
import dev.smartpot.device.power.EnergyModel;

/**
 * Two AA alkaline cells in series behind the pot's voltage divider, read through a 12-bit ADC: about 3.0 V full,
 * falling with the charge drawn to 2.0 V empty along a typical alkaline curve (a quick drop from fresh, a long
 * plateau, a knee near the end). Modelled, not measured: the charge is what {@link EnergyModel} gives a wake, told by
 * the runtime ({@link #drainWake}, {@link #drainSleep}); an always-on pot draws the radio's average all the time.
 * The ADC counts are the voltage through the configured divider and full scale, so the core's conversion gives the
 * voltage back within a count.
 */
public final class BatteryModelAdc implements AnalogInput {

    /** Fraction of the capacity used (per mille) against the pack's voltage in mV: 2 x AA alkaline, at light load. */
    private static final int[] USED_PER_MILLE = {0, 100, 500, 800, 950, 1000};
    private static final int[] MILLIVOLTS = {3000, 2800, 2550, 2350, 2150, 2000};

    private final BatteryConfig divider;
    private final double capacityMicroampMillis;
    /** An always-on pot's clock (it drains by the time passed); null for a pot in deep sleep, drained per wake. */
    private final Clock alwaysOnClock;
    private double usedMicroampMillis;
    private long drainedUntil;

    /**
     * @param capacityMah the pack's capacity
     * @param startPercent its charge at start, 0 to 100
     * @param alwaysOnClock for an always-on pot, the clock it drains by; null in deep sleep
     */
    public BatteryModelAdc(BatteryConfig divider, long capacityMah, double startPercent, Clock alwaysOnClock) {
        this.divider = divider;
        this.capacityMicroampMillis = capacityMah * 1000.0 * 3_600_000.0;
        this.usedMicroampMillis = capacityMicroampMillis * (100 - startPercent) / 100;
        this.alwaysOnClock = alwaysOnClock;
        this.drainedUntil = alwaysOnClock == null ? 0 : alwaysOnClock.uptimeMillis();
    }

    @Override
    public synchronized int read() {
        if (alwaysOnClock != null) {
            long now = alwaysOnClock.uptimeMillis();
            usedMicroampMillis += (now - drainedUntil) * (double) EnergyModel.RADIO_MILLIAMPS * 1000;
            drainedUntil = now;
        }
        return divider.counts(millivolts());
    }

    /** A wake of {@code awakeMillis} after the modelled boot, on the radio's current when it joined WiFi. */
    public synchronized void drainWake(long awakeMillis, boolean radio) {
        usedMicroampMillis += radio ? EnergyModel.publishingWakeCharge(0, awakeMillis) : EnergyModel.readingWakeCharge(awakeMillis);
    }

    /** A deep sleep of {@code millis} at the RTC's current. */
    public synchronized void drainSleep(long millis) {
        usedMicroampMillis += millis * (double) EnergyModel.DEEP_SLEEP_MICROAMPS;
    }

    /** The pack's voltage now, in mV. */
    public synchronized int millivolts() {
        double used = Math.min(1000, usedMicroampMillis * 1000 / capacityMicroampMillis);
        int i = 1;
        while (i < USED_PER_MILLE.length - 1 && used > USED_PER_MILLE[i]) {
            i++;
        }
        double t = (used - USED_PER_MILLE[i - 1]) / (USED_PER_MILLE[i] - USED_PER_MILLE[i - 1]);
        return (int) Math.round(MILLIVOLTS[i - 1] + t * (MILLIVOLTS[i] - MILLIVOLTS[i - 1]));
    }

    /** Percent of the capacity left. */
    public synchronized double percentLeft() {
        return Math.max(0, 100 - usedMicroampMillis * 100 / capacityMicroampMillis);
    }
}
