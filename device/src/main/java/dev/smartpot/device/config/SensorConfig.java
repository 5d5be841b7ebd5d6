package dev.smartpot.device.config;

import dev.smartpot.device.reading.MoistureScale;

/**
 * How the soil sensor is read ({@code sensor.*} keys besides the calibration counts): samples per
 * reading, the moving average, and the plausible range. Also checks the calibration counts against
 * the ADC's range, here and when a command changes them.
 */
public final class SensorConfig {

    public static final int MAX_SAMPLES = 64;
    public static final int MAX_SMOOTHING = 32;

    public final int samples;
    public final int smoothing;
    /** {@link MoistureScale#DERIVED} when not set. */
    public final int rawMin;
    /** {@link MoistureScale#DERIVED} when not set. */
    public final int rawMax;

    private SensorConfig(ConfigReader r, int adcBits, int rawDry, int rawWet) {
        samples = (int) r.number(ConfigKeys.SENSOR_SAMPLES);
        smoothing = (int) r.number(ConfigKeys.SENSOR_SMOOTHING);
        rawMin = (int) r.number(ConfigKeys.SENSOR_RAW_MIN);
        rawMax = (int) r.number(ConfigKeys.SENSOR_RAW_MAX);

        int fullScale = (1 << adcBits) - 1;
        if (rawMin != MoistureScale.DERIVED && rawMax != MoistureScale.DERIVED && rawMin >= rawMax) {
            r.problem("sensor.raw.min", "is not below sensor.raw.max (" + rawMax + ")",
                    "give the lowest and highest counts a working sensor reads, lowest first");
            return;
        }
        if (rawDry == rawWet) {
            return; // DeviceConfig reports this one.
        }
        MoistureScale scale = new MoistureScale(rawDry, rawWet, adcBits, rawMin, rawMax);
        checkPoint(r, "sensor.raw.dry", rawDry, scale, "dry air");
        checkPoint(r, "sensor.raw.wet", rawWet, scale, "water");
        String span = spanProblem(rawDry, rawWet, fullScale);
        if (span != null) {
            r.problem("sensor.raw.wet", span, "measure the sensor in dry air and in water and put both counts in");
        }
    }

    public static SensorConfig read(ConfigReader reader, int adcBits, int rawDry, int rawWet) {
        return new SensorConfig(reader, adcBits, rawDry, rawWet);
    }

    private static void checkPoint(ConfigReader r, String key, int raw, MoistureScale scale, String where) {
        String problem = pointProblem(raw, scale);
        if (problem != null) {
            r.problem(key, problem, "put in the counts the sensor reads in " + where);
        }
    }

    /** Why these counts cannot be a calibration point on this scale's ADC, or null if they can. */
    public static String pointProblem(int raw, MoistureScale scale) {
        int full = scale.fullScale();
        int margin = scale.railMargin();
        if (raw > full) {
            return "is above the ADC's full scale (" + full + " for sensor.adc.bits)";
        }
        if (raw <= margin || raw >= full - margin) {
            return "is at a rail of the ADC, where only a broken sensor reads (0 to " + margin + " is disconnected, "
                    + (full - margin) + " to " + full + " is shorted)";
        }
        if (scale.outsideConfiguredRange(raw)) {
            return "is outside the plausible range sensor.raw.min to sensor.raw.max";
        }
        return null;
    }

    /** Why dry and wet are too close to tell moisture apart, or null. */
    public static String spanProblem(int rawDry, int rawWet, int fullScale) {
        int span = Math.abs(rawDry - rawWet);
        int least = minimumSpan(fullScale);
        if (span < least) {
            return "is only " + span + " counts from sensor.raw.dry (" + rawDry + "); dry and wet must be at least "
                    + least + " apart to tell moisture from noise";
        }
        return null;
    }

    /** The smallest dry-to-wet distance that still resolves moisture: 1/40 of full scale (102 counts at 12 bits). */
    public static int minimumSpan(int fullScale) {
        return fullScale / 40;
    }
}
