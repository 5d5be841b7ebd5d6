package dev.smartpot.device.reading;

import java.io.IOException;

import dev.smartpot.device.board.AnalogInput;

/**
 * Turns ADC samples into one trustworthy reading. Each reading takes several samples, sets aside the
 * ones no working sensor produces (failed conversions, counts at a rail or outside the plausible range)
 * and reports the median of the rest; an optional moving average then smooths across readings.
 *
 * <p>When most samples are implausible the reading is a fault, never a number: the largest group of
 * bad samples decides which (mostly 0 V is {@code disconnected}, mostly full scale {@code shorted}),
 * and the median of that group is what is stored, so the fault is found again when it is published.
 * A fault also empties the moving average: values from before an unplug say nothing about after it.
 *
 * <p>All state lives in arrays sized once; a reading allocates nothing.
 */
public final class SoilSensor {

    // Groups a sample falls into. A median within one group stays in that group (they are intervals).
    private static final int GOOD = 0;
    private static final int LOW_RAIL = 1;
    private static final int HIGH_RAIL = 2;
    private static final int BELOW_RANGE = 3;
    private static final int ABOVE_RANGE = 4;
    private static final int FAILED = 5;
    private static final int GROUPS = 6;

    private final AnalogInput adc;
    private final MoistureScale scale;
    private final int[] samples;
    private final int[] groupOf;
    private final int[] scratch;
    private final int[] groupCounts = new int[GROUPS];
    private final int[] window;
    private int windowCount;
    private int windowNext;
    private long windowSum;
    private long rejectedSamples;
    private String lastFailure;

    /**
     * @param samplesPerReading ADC conversions per reading, at least 1
     * @param smoothingWindow readings in the moving average; 1 = no smoothing
     */
    public SoilSensor(AnalogInput adc, MoistureScale scale, int samplesPerReading, int smoothingWindow) {
        if (samplesPerReading < 1 || smoothingWindow < 1) {
            throw new IllegalArgumentException("samples per reading and smoothing window must be at least 1, got "
                    + samplesPerReading + " and " + smoothingWindow);
        }
        this.adc = adc;
        this.scale = scale;
        this.samples = new int[samplesPerReading];
        this.groupOf = new int[samplesPerReading];
        this.scratch = new int[samplesPerReading];
        this.window = new int[smoothingWindow];
    }

    /** The next reading for the queue: smoothed counts, or a fault code ({@link RawCodes}). */
    public int read() {
        int code = sample();
        if (scale.fault(code) != MoistureScale.OK) {
            windowCount = 0;
            windowNext = 0;
            windowSum = 0;
            return code;
        }
        if (windowCount == window.length) {
            windowSum -= window[windowNext];
        } else {
            windowCount++;
        }
        window[windowNext] = code;
        windowSum += code;
        windowNext = (windowNext + 1) % window.length;
        return (int) ((windowSum + windowCount / 2) / windowCount);
    }

    /**
     * The median of a fresh set of samples, without the moving average (what calibration wants), or a
     * fault code. Does not touch the moving average.
     */
    public int sample() {
        for (int g = 0; g < GROUPS; g++) {
            groupCounts[g] = 0;
        }
        int n = samples.length;
        for (int i = 0; i < n; i++) {
            int group;
            try {
                int raw = adc.read();
                samples[i] = raw;
                group = groupOf(raw);
            } catch (IOException e) {
                lastFailure = e.getMessage() == null ? e.toString() : e.getMessage();
                group = FAILED;
            }
            groupOf[i] = group;
            groupCounts[group]++;
        }
        rejectedSamples += n - groupCounts[GOOD];
        // A strict majority of good samples makes a reading; otherwise the biggest group of bad ones names the fault.
        int chosen = GOOD;
        if (groupCounts[GOOD] * 2 <= n) {
            chosen = LOW_RAIL;
            for (int g = LOW_RAIL + 1; g < GROUPS; g++) {
                if (groupCounts[g] > groupCounts[chosen]) {
                    chosen = g;
                }
            }
        }
        if (chosen == FAILED) {
            return RawCodes.READ_ERROR;
        }
        return medianOf(chosen);
    }

    private int groupOf(int raw) {
        switch (scale.fault(raw)) {
            case MoistureScale.OK:
                return GOOD;
            case MoistureScale.FAULT_DISCONNECTED:
                return LOW_RAIL;
            case MoistureScale.FAULT_SHORTED:
                return HIGH_RAIL;
            case MoistureScale.FAULT_OUT_OF_RANGE:
                return raw < scale.plausibleMin() ? BELOW_RANGE : ABOVE_RANGE;
            default:
                return FAILED;
        }
    }

    private int medianOf(int group) {
        int count = 0;
        for (int i = 0; i < samples.length; i++) {
            if (groupOf[i] == group) {
                // Insertion sort: a handful of samples, no allocation.
                int v = samples[i];
                int at = count;
                while (at > 0 && scratch[at - 1] > v) {
                    scratch[at] = scratch[at - 1];
                    at--;
                }
                scratch[at] = v;
                count++;
            }
        }
        int mid = count / 2;
        return count % 2 == 1 ? scratch[mid] : (scratch[mid - 1] + scratch[mid] + 1) / 2;
    }

    /** Samples set aside as implausible or failed, since boot. */
    public long rejectedSamples() {
        return rejectedSamples;
    }

    /** Why the last failed conversion failed, or null if none has. */
    public String lastFailure() {
        return lastFailure;
    }

    public int samplesPerReading() {
        return samples.length;
    }

    public int smoothingWindow() {
        return window.length;
    }
}
