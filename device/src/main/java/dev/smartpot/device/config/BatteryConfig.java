package dev.smartpot.device.config;

import dev.smartpot.device.reading.BatteryScale;

/**
 * The battery's voltage, read through a voltage divider on an ADC1 pin ({@code battery.*} keys). Without
 * {@code battery.adc.pin} the pot has no battery voltage: no reading field, no Home Assistant entity, the tutorial's
 * payload unchanged. The pin is checked against the chip's ADC1 pins by {@link BoardConfig} (firmware and the
 * board-config check); the simulator only needs it set.
 *
 * <p>The ADC converts at 12 bits with 12 dB attenuation: {@code battery.adc.full_scale_mv} is the pin voltage that
 * reads 4095 (about 3100 mV; the ESP32's ADC is linear only to about 2450 mV, so pick a divider that keeps the pin
 * below that). Battery voltage = counts x full scale / 4095 x {@code battery.divider}.
 */
public final class BatteryConfig implements BatteryScale {

    /** The ADC's counts at full scale (12 bits). */
    public static final int ADC_FULL_COUNTS = 4095;
    /** The smallest and largest divider ratio, in thousandths. */
    static final int MIN_DIVIDER_THOUSANDTHS = 1000;
    static final int MAX_DIVIDER_THOUSANDTHS = 20000;

    /** The GPIO of the divider's tap, or -1 when the pot reads no battery voltage. */
    public final int adcPin;
    /** Battery voltage over pin voltage, in thousandths (2000 for two equal resistors). */
    public final int dividerThousandths;
    public final int fullScaleMillivolts;
    /** Below this battery voltage the pot warns; 0 = never. */
    public final int lowMillivolts;

    private BatteryConfig(ConfigReader r) {
        adcPin = (int) r.number(ConfigKeys.BATTERY_ADC_PIN);
        String divider = r.text(ConfigKeys.BATTERY_DIVIDER);
        int parsed = thousandths(divider);
        if (parsed < MIN_DIVIDER_THOUSANDTHS || parsed > MAX_DIVIDER_THOUSANDTHS) {
            r.problem(ConfigKeys.BATTERY_DIVIDER, "is not a divider ratio from 1 to 20",
                    "write the battery voltage over the pin voltage, e.g. 2 for two equal resistors or 1.5 for 100k over 200k");
            parsed = 2000;
        }
        dividerThousandths = parsed;
        fullScaleMillivolts = (int) r.number(ConfigKeys.BATTERY_ADC_FULL_SCALE_MV);
        lowMillivolts = (int) r.number(ConfigKeys.BATTERY_LOW_MV);
        if (adcPin < 0) {
            String[] needPin = {"battery.divider", "battery.adc.full_scale_mv", "battery.low.mv"};
            for (int i = 0; i < needPin.length; i++) {
                if (r.isSet(needPin[i])) {
                    r.problem(needPin[i], "is set but battery.adc.pin is not, so the pot reads no battery voltage",
                            "add battery.adc.pin (the ADC1 pin the divider feeds), or remove " + needPin[i]);
                }
            }
        } else if (lowMillivolts > 0 && lowMillivolts >= maxMillivolts()) {
            r.problem(ConfigKeys.BATTERY_LOW_MV, "is at or above the highest voltage this divider can read ("
                    + maxMillivolts() + " mV), so the pot would always warn",
                    "set it below that (e.g. 2400 for 2 x AA), or use a larger battery.divider");
        }
    }

    public static BatteryConfig read(ConfigReader reader) {
        return new BatteryConfig(reader);
    }

    /** Whether the pot reads its battery voltage. */
    public boolean present() {
        return adcPin >= 0;
    }

    @Override
    public int lowMillivolts() {
        return lowMillivolts;
    }

    /** The battery voltage of {@code counts} (12-bit), in mV. */
    @Override
    public int millivolts(int counts) {
        return (int) ((long) counts * fullScaleMillivolts * dividerThousandths / (ADC_FULL_COUNTS * 1000L));
    }

    /** The highest battery voltage the divider and ADC can read, in mV. */
    public int maxMillivolts() {
        return millivolts(ADC_FULL_COUNTS);
    }

    /** The 12-bit counts a battery of {@code millivolts} gives (for simulated ADCs), clamped to the ADC's range. */
    public int counts(int millivolts) {
        long counts = ((long) millivolts * ADC_FULL_COUNTS * 1000L + fullScaleMillivolts * (long) dividerThousandths / 2)
                / ((long) fullScaleMillivolts * dividerThousandths);
        return (int) Math.max(0, Math.min(ADC_FULL_COUNTS, counts));
    }

    /** A decimal such as {@code 2}, {@code 2.0} or {@code 1.47} in thousandths; -1 when it is not one. */
    static int thousandths(String text) {
        if (text == null) {
            return -1;
        }
        String t = text.trim();
        int value = 0;
        int decimals = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.' && decimals < 0 && i > 0) {
                decimals = 0;
            } else if (c >= '0' && c <= '9' && decimals < 3 && value < 1000000) {
                value = value * 10 + (c - '0');
                if (decimals >= 0) {
                    decimals++;
                }
            } else {
                return -1;
            }
        }
        if (t.length() == 0 || decimals == 0) {
            return -1;
        }
        for (int d = decimals < 0 ? 0 : decimals; d < 3; d++) {
            value *= 10;
        }
        return value;
    }
}
