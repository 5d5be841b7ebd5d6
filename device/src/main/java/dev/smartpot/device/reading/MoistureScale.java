package dev.smartpot.device.reading;

/**
 * Maps raw ADC counts to moisture in tenths of a percent, from two calibration points: the counts in
 * dry air and in water. A capacitive sensor reads high when dry, so usually {@code rawDry > rawWet};
 * either direction works.
 *
 * <p>Counts that no working sensor produces are a fault, not a moisture: near 0 V is a disconnected
 * sensor (the classic "100 % wet" false reading), near full scale a short to the supply, and anything
 * else outside the plausible range is {@code out_of_range}. The plausible range is configured, or
 * derived from the calibration: the span between dry and wet, widened by a quarter of it on each side.
 *
 * <p>Calibration can change at run time ({@link #calibrate}); the device loop is the only caller.
 */
public final class MoistureScale {

    public static final int OK = 0;
    public static final int FAULT_DISCONNECTED = 1;
    public static final int FAULT_SHORTED = 2;
    public static final int FAULT_READ_ERROR = 3;
    public static final int FAULT_OUT_OF_RANGE = 4;

    /** Plausible bound that follows the calibration instead of being configured. */
    public static final int DERIVED = -1;

    private final int fullScale;
    /** Counts this close to a rail still count as pinned to it: ADC noise never reads exactly 0 V. */
    private final int railMargin;
    private final int configuredMin;
    private final int configuredMax;
    private int rawDry;
    private int rawWet;
    private int plausibleMin;
    private int plausibleMax;

    public MoistureScale(int rawDry, int rawWet, int adcBits) {
        this(rawDry, rawWet, adcBits, DERIVED, DERIVED);
    }

    /**
     * @param plausibleMin lowest counts a working sensor reads, or {@link #DERIVED}
     * @param plausibleMax highest counts a working sensor reads, or {@link #DERIVED}
     */
    public MoistureScale(int rawDry, int rawWet, int adcBits, int plausibleMin, int plausibleMax) {
        this.fullScale = (1 << adcBits) - 1;
        this.railMargin = fullScale / 64;
        this.configuredMin = plausibleMin;
        this.configuredMax = plausibleMax;
        calibrate(rawDry, rawWet);
    }

    /** Sets new calibration points; a derived plausible range follows them. */
    public void calibrate(int rawDry, int rawWet) {
        if (rawDry == rawWet) {
            throw new IllegalArgumentException("dry and wet calibration counts must differ, both are " + rawDry);
        }
        this.rawDry = rawDry;
        this.rawWet = rawWet;
        int low = Math.min(rawDry, rawWet);
        int high = Math.max(rawDry, rawWet);
        int widen = (high - low) / 4;
        plausibleMin = configuredMin != DERIVED ? configuredMin : Math.max(railMargin + 1, low - widen);
        plausibleMax = configuredMax != DERIVED ? configuredMax : Math.min(fullScale - railMargin - 1, high + widen);
    }

    /** {@link #OK} or a fault code for these counts (a {@link RawCodes} value). */
    public int fault(int rawCode) {
        if (rawCode == RawCodes.READ_ERROR || rawCode < 0 || rawCode > fullScale) {
            return FAULT_READ_ERROR;
        }
        if (rawCode <= railMargin) {
            return FAULT_DISCONNECTED;
        }
        if (rawCode >= fullScale - railMargin) {
            return FAULT_SHORTED;
        }
        if (rawCode < plausibleMin || rawCode > plausibleMax) {
            return FAULT_OUT_OF_RANGE;
        }
        return OK;
    }

    /** Moisture in tenths of a percent, 0 to 1000, clamped; only meaningful when {@link #fault} is OK. */
    public int tenthsOfPercent(int raw) {
        long tenths = ((long) (rawDry - raw) * 1000L * 2 + (rawDry - rawWet)) / (2L * (rawDry - rawWet));
        if (tenths < 0) {
            return 0;
        }
        if (tenths > 1000) {
            return 1000;
        }
        return (int) tenths;
    }

    public int rawDry() {
        return rawDry;
    }

    public int rawWet() {
        return rawWet;
    }

    public int plausibleMin() {
        return plausibleMin;
    }

    public int plausibleMax() {
        return plausibleMax;
    }

    public int fullScale() {
        return fullScale;
    }

    /** Highest counts that still read as a disconnected sensor. */
    public int railMargin() {
        return railMargin;
    }

    /** True if a configured plausible range would not hold these calibration counts. */
    public boolean outsideConfiguredRange(int raw) {
        return (configuredMin != DERIVED && raw < configuredMin) || (configuredMax != DERIVED && raw > configuredMax);
    }

    public static String faultName(int fault) {
        switch (fault) {
            case FAULT_DISCONNECTED:
                return "disconnected";
            case FAULT_SHORTED:
                return "shorted";
            case FAULT_READ_ERROR:
                return "read_error";
            case FAULT_OUT_OF_RANGE:
                return "out_of_range";
            default:
                return "none";
        }
    }

    /** The moisture a raw code reports in tenths of a percent, or -1 for a fault or no reading (a negative code). */
    public int tenthsOrNone(int raw) {
        return raw < 0 || fault(raw) != OK ? -1 : tenthsOfPercent(raw);
    }

    /** The fault a raw code reports ("disconnected", ...), or null for moisture or no reading (a negative code). */
    public String faultNameOrNull(int raw) {
        int fault = raw < 0 ? OK : fault(raw);
        return fault == OK ? null : faultName(fault);
    }
}
