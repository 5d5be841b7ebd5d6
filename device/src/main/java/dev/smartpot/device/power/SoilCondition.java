package dev.smartpot.device.power;

import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.text.LogLine;

/**
 * What a deep-sleep wake compares with the last wake's to decide whether to publish at once: the sensor's fault and
 * whether the soil is dry. Both live in the one int {@link dev.smartpot.device.state.RetainedState} keeps for it
 * ({@code lastCondition}): the fault code in the low byte, {@link #DRY} above it. A state stored before the dry flag
 * existed (a bare fault code) reads as "not dry".
 *
 * <p>Dry has hysteresis: the soil becomes dry below {@code sleep.publish.dry.below} and is dry again only at
 * {@value #HYSTERESIS_TENTHS} tenths of a percent above it, so a reading that hovers at the threshold does not wake
 * the radio at every reading. While the sensor has a fault the moisture is unknown and the dry flag stays as it was
 * (the fault's own change publishes).
 */
final class SoilCondition {

    /** The fault code ({@link MoistureScale#OK} or a fault) in a condition. */
    public static final int FAULT_MASK = 0xff;
    /** Set in a condition while the soil is dry. */
    public static final int DRY = 0x100;
    /** How far above the dry threshold the soil must come back before it counts as no longer dry: 3 points. */
    public static final int HYSTERESIS_TENTHS = 30;

    private SoilCondition() {
    }

    /**
     * The condition of this wake's reading.
     *
     * @param moistureTenths the reading's moisture, only read when {@code fault} is OK
     * @param previous the last wake's condition (0 at the first)
     * @param dryBelowTenths the dry threshold; 0 turns the dry flag off
     */
    public static int of(int fault, int moistureTenths, int previous, int dryBelowTenths) {
        boolean wasDry = isDry(previous);
        boolean dry;
        if (dryBelowTenths <= 0) {
            dry = false;
        } else if (fault != MoistureScale.OK) {
            dry = wasDry;
        } else {
            dry = moistureTenths < (wasDry ? dryBelowTenths + HYSTERESIS_TENTHS : dryBelowTenths);
        }
        return (fault & FAULT_MASK) | (dry ? DRY : 0);
    }

    public static int fault(int condition) {
        return condition & FAULT_MASK;
    }

    public static boolean isDry(int condition) {
        return (condition & DRY) != 0;
    }

    /** Whether the soil became dry or stopped being dry between {@code previous} and {@code now}. */
    public static boolean dryChanged(int previous, int now) {
        return isDry(previous) != isDry(now);
    }

    /**
     * The reason a dry change publishes at once, e.g. "the soil became dry (28.4 % < 30 %)" or "the soil is no
     * longer dry (33.5 % >= 33 %)".
     */
    public static LogLine describeDryChange(LogLine line, int now, int moistureTenths, int dryBelowTenths) {
        if (isDry(now)) {
            return line.append("the soil became dry (").appendTenths(moistureTenths).append(" % < ")
                    .appendTenths(dryBelowTenths).append(" %)");
        }
        return line.append("the soil is no longer dry (").appendTenths(moistureTenths).append(" % >= ")
                .appendTenths(dryBelowTenths + HYSTERESIS_TENTHS).append(" %)");
    }
}
