package dev.smartpot.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The dry threshold ({@code sleep.publish.dry.below}) and the battery voltage keys ({@code battery.*}). */
class BatteryAndDryConfigTest {

    private static final String BASE = "wifi.ssid = Home\nmqtt.broker = 10.0.0.1\n";

    @Test
    void theDryThresholdDefaultsTo30AndMustStayBelowTheWetOne() throws ConfigException {
        assertEquals(30, DeviceConfigs.read(BASE).sleepPublishDryBelowPercent);
        assertEquals(0, DeviceConfigs.read(BASE + "sleep.publish.dry.below = 0\n").sleepPublishDryBelowPercent);
        List<String> p = DeviceConfigs.problems(BASE + "sleep.publish.dry.below = 85\n");
        assertEquals(List.of("pot.properties:3: sleep.publish.dry.below = \"85\": is at or above water.wet.above (80 %), so soil"
                + " could count as dry and wet at once. Fix: make it lower than water.wet.above, or 0 to turn it off"), p);
        assertEquals(20, DeviceConfigs.read(BASE + "water.wet.above = 20\n").safety.waterWetAbovePercent,
                "an always-on pot is not held to the default dry threshold");
        assertEquals(List.of("pot.properties: sleep.publish.dry.below: is at or above water.wet.above (20 %), so soil could count"
                + " as dry and wet at once. Fix: make it lower than water.wet.above, or 0 to turn it off"),
                DeviceConfigs.problems(BASE + "water.wet.above = 20\npower.mode = deep-sleep\n"));
        assertEquals(List.of("pot.properties:3: sleep.publish.dry.below = \"100\": is out of range 0 to 99. Fix: pick a value"
                + " in that range; the default is 30"), DeviceConfigs.problems(BASE + "sleep.publish.dry.below = 100\n"));
    }

    @Test
    void withoutAPinThereIsNoBattery() throws ConfigException {
        BatteryConfig b = DeviceConfigs.read(BASE).battery;
        assertFalse(b.present());
        assertEquals(-1, b.adcPin);
    }

    @Test
    void aPinTurnsTheBatteryOnWithTheDividerAndCalibration() throws ConfigException {
        BatteryConfig b = DeviceConfigs.read(BASE + "battery.adc.pin = 35\nbattery.divider = 1.5\nbattery.adc.full_scale_mv = 3000\n").battery;
        assertTrue(b.present());
        assertEquals(35, b.adcPin);
        assertEquals(1500, b.dividerThousandths);
        assertEquals(4500, b.maxMillivolts());
        assertEquals(2250, b.millivolts(2048), "half scale: 1.5 V on the pin, 2.25 V at the battery (counts round down)");
        BatteryConfig two = DeviceConfigs.read(BASE + "battery.adc.pin = 35\n").battery;
        assertEquals(2000, two.dividerThousandths);
        for (int mv = 2000; mv <= 3000; mv += 37) {
            assertTrue(Math.abs(two.millivolts(two.counts(mv)) - mv) <= 2, "counts and millivolts agree within a count: " + mv);
        }
        assertEquals(4095, two.counts(9000), "clamped to the ADC's range");
    }

    @Test
    void theDividerIsADecimalRatio() {
        assertEquals(2000, BatteryConfig.thousandths("2"));
        assertEquals(2000, BatteryConfig.thousandths(" 2.0 "));
        assertEquals(1470, BatteryConfig.thousandths("1.47"));
        assertEquals(3333, BatteryConfig.thousandths("3.333"));
        assertEquals(-1, BatteryConfig.thousandths("3.3333"));
        assertEquals(-1, BatteryConfig.thousandths("2."));
        assertEquals(-1, BatteryConfig.thousandths(".5"));
        assertEquals(-1, BatteryConfig.thousandths("1/2"));
        assertEquals(-1, BatteryConfig.thousandths("-2"));
        assertEquals(-1, BatteryConfig.thousandths(""));
    }

    @Test
    void badBatteryValuesSayWhatToWrite() {
        List<String> p = DeviceConfigs.problems(BASE + "battery.adc.pin = 35\nbattery.divider = half\nbattery.low.mv = 7000\n");
        assertEquals(List.of(
                "pot.properties:4: battery.divider = \"half\": is not a divider ratio from 1 to 20. Fix: write the battery voltage"
                        + " over the pin voltage, e.g. 2 for two equal resistors or 1.5 for 100k over 200k",
                "pot.properties:5: battery.low.mv = \"7000\": is at or above the highest voltage this divider can read (6200 mV),"
                        + " so the pot would always warn. Fix: set it below that (e.g. 2400 for 2 x AA), or use a larger"
                        + " battery.divider"), p);
        assertEquals(List.of("pot.properties:3: battery.divider = \"0.5\": is not a divider ratio from 1 to 20. Fix: write the"
                + " battery voltage over the pin voltage, e.g. 2 for two equal resistors or 1.5 for 100k over 200k"),
                DeviceConfigs.problems(BASE + "battery.divider = 0.5\nbattery.adc.pin = 35\n"));
    }

    @Test
    void batteryDetailsWithoutAPinAreAMistakeNotSilence() {
        List<String> p = DeviceConfigs.problems(BASE + "battery.divider = 3\n");
        assertEquals(List.of("pot.properties:3: battery.divider = \"3\": is set but battery.adc.pin is not, so the pot reads no"
                + " battery voltage. Fix: add battery.adc.pin (the ADC1 pin the divider feeds), or remove battery.divider"), p);
    }
}
