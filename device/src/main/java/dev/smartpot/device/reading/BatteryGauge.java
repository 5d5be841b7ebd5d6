package dev.smartpot.device.reading;

import java.io.IOException;

import dev.smartpot.device.board.AnalogInput;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.text.LogLine;

/**
 * The battery's voltage, measured with each reading through the divider on {@code battery.adc.pin}: the median of
 * {@value #SAMPLES} conversions (an ESP32's ADC gives the odd wild sample while its radio transmits), in mV. The
 * reading taken at the same time carries it as {@code "battery_mv"}; readings kept from earlier wakes do not, as
 * their voltage was not kept.
 *
 * <p>Below {@code battery.low.mv} it warns once, and again only after the voltage came back
 * {@value #LOW_HYSTERESIS_MV} mV above the threshold (new batteries); in deep sleep every wake is a new boot, so
 * each wake warns. All state is in primitives and one array sized once: a measurement allocates nothing.
 */
public final class BatteryGauge {

    static final int SAMPLES = 5;
    static final int LOW_HYSTERESIS_MV = 100;

    private final BatteryScale scale;
    private final AnalogInput adc;
    private final Log log;
    private final LogLine line;
    /** Deep sleep: each wake says its voltage (one line per wake); always on, only the warnings. */
    private final boolean logEach;
    private final int[] samples = new int[SAMPLES];
    private int millivolts = -1;
    private long measuredSeq = -1;
    private boolean warnedLow;
    private boolean failing;

    /**
     * With {@code battery.adc.pin} and a board that reads it, a gauge that measures the battery with each reading;
     * null without one (saying so when the pin is set on a board that cannot read it).
     *
     * @param pinSet whether {@code battery.adc.pin} is set
     * @param adc the board's battery input, null for none
     */
    public static BatteryGauge forPot(boolean pinSet, BatteryScale config, boolean deepSleep, AnalogInput adc, Log log) {
        if (!pinSet) {
            return null;
        }
        if (adc == null) {
            log.warn("battery.adc.pin is set but this board reads no battery voltage: readings go out without battery_mv");
            return null;
        }
        return new BatteryGauge(config, adc, log, new LogLine(96), deepSleep);
    }

    /** @param line reused for the warnings (the loop's line: the gauge logs between the loop's own lines) */
    public BatteryGauge(BatteryScale scale, AnalogInput adc, Log log, LogLine line) {
        this(scale, adc, log, line, false);
    }

    /** @param logEach whether each measurement is logged (a deep-sleep wake: one reading per boot) */
    public BatteryGauge(BatteryScale scale, AnalogInput adc, Log log, LogLine line, boolean logEach) {
        this.logEach = logEach;
        this.scale = scale;
        this.adc = adc;
        this.log = log;
        this.line = line;
    }

    /** Measures the battery for the reading with sequence number {@code seq}. */
    public void measure(long seq) {
        try {
            for (int i = 0; i < SAMPLES; i++) {
                insertSorted(i, adc.read());
            }
        } catch (IOException e) {
            millivolts = -1;
            measuredSeq = -1;
            if (!failing) {
                log.warn(line.clear().append("battery voltage not read: ").append(String.valueOf(e.getMessage()))
                        .append("; readings go out without battery_mv until it reads again"));
                failing = true;
            }
            return;
        }
        failing = false;
        millivolts = scale.millivolts(samples[SAMPLES / 2]);
        measuredSeq = seq;
        int low = scale.lowMillivolts();
        if (logEach && (low == 0 || millivolts >= low)) {
            log.info(line.clear().append("battery ").append(millivolts).append(" mV"));
        }
        if (low > 0 && millivolts < low && !warnedLow) {
            warnedLow = true;
            log.warn(line.clear().append("battery low: ").append(millivolts).append(" mV < ").append(low)
                    .append(" mV (battery.low.mv); replace the batteries soon"));
        } else if (warnedLow && millivolts >= low + LOW_HYSTERESIS_MV) {
            warnedLow = false;
        }
    }

    /** The battery voltage measured with reading {@code seq}, in mV, or -1 when that reading has none. */
    public int millivoltsFor(long seq) {
        return seq == measuredSeq ? millivolts : -1;
    }

    /** The last voltage measured, in mV, or -1 before the first (or after a failed read). */
    public int millivolts() {
        return millivolts;
    }

    private void insertSorted(int count, int value) {
        int at = count;
        while (at > 0 && samples[at - 1] > value) {
            samples[at] = samples[at - 1];
            at--;
        }
        samples[at] = value;
    }
}
