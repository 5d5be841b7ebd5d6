package dev.smartpot.device.reading;

/**
 * Maps raw ADC counts to moisture in tenths of a percent, from two calibration points: the counts in
 * dry air and in water. A capacitive sensor reads high when dry, so usually {@code rawDry > rawWet};
 * either direction works.
 *
 * <p>Counts pinned at a rail are a fault, not a moisture: 0 V is a disconnected sensor (the classic
 * "100 % wet" false reading), full scale is a short to the supply.
 */
public final class MoistureScale {

    public static final int OK = 0;
    public static final int FAULT_DISCONNECTED = 1;
    public static final int FAULT_SHORTED = 2;
    public static final int FAULT_READ_ERROR = 3;

    private final int rawDry;
    private final int rawWet;
    private final int fullScale;

    public MoistureScale(int rawDry, int rawWet, int adcBits) {
        if (rawDry == rawWet) {
            throw new IllegalArgumentException("dry and wet calibration counts must differ, both are " + rawDry);
        }
        this.rawDry = rawDry;
        this.rawWet = rawWet;
        this.fullScale = (1 << adcBits) - 1;
    }

    /** {@link #OK} or a fault code for these counts. */
    public int fault(int rawCode) {
        if (rawCode == RawCodes.READ_ERROR) {
            return FAULT_READ_ERROR;
        }
        if (rawCode <= 0) {
            return FAULT_DISCONNECTED;
        }
        if (rawCode >= fullScale) {
            return FAULT_SHORTED;
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

    public static String faultName(int fault) {
        switch (fault) {
            case FAULT_DISCONNECTED:
                return "disconnected";
            case FAULT_SHORTED:
                return "shorted";
            case FAULT_READ_ERROR:
                return "read_error";
            default:
                return "none";
        }
    }
}
