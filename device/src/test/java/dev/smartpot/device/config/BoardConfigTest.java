package dev.smartpot.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class BoardConfigTest {

    private static List<String> problems(String text) {
        ConfigReader r = new ConfigReader(ConfigSource.parse(text, "board.properties"));
        BoardConfig.read(r);
        return r.problems().stream().map(ConfigProblem::message).collect(Collectors.toList());
    }

    @Test
    void esp32Adc1PinsAreGpio32To39() {
        for (int gpio = 0; gpio <= 48; gpio++) {
            ConfigReader r = new ConfigReader(ConfigSource.parse("board.name = esp-wrover-kit\nsensor.adc.pin = " + gpio, "b"));
            BoardConfig b = BoardConfig.read(r);
            boolean adc1 = gpio >= 32 && gpio <= 39;
            assertEquals(adc1, r.problems().isEmpty(), "GPIO " + gpio + ": " + r.problems());
            assertEquals(adc1, b.adcChannel >= 0, "GPIO " + gpio);
        }
        ConfigReader r = new ConfigReader(ConfigSource.parse("board.name = esp-wrover-kit\nsensor.adc.pin = 34", "b"));
        assertEquals(6, BoardConfig.read(r).adcChannel);
    }

    @Test
    void s3Adc1PinsAreGpio1To10() {
        ConfigReader r = new ConfigReader(ConfigSource.parse("board.name = esp32-s3-devkitc-1", "b"));
        BoardConfig b = BoardConfig.read(r);
        assertEquals("esp32s3", b.chip);
        assertEquals(4, b.adcPin);
        assertEquals(3, b.adcChannel);
        assertTrue(problems("board.name = esp32-s3-devkitc-1\nsensor.adc.pin = 10").isEmpty());
        assertTrue(problems("board.name = esp32-s3-devkitc-1\nsensor.adc.pin = 11").get(0).contains("ADC2"));
        assertTrue(problems("board.name = esp32-s3-devkitc-1\nsensor.adc.pin = 0").get(0).contains("no ADC1 channel on the ESP32-S3"));
    }

    @Test
    void adc2PinsAreRefusedWithTheWifiExplanation() {
        String m = problems("board.name = esp-wrover-kit\nsensor.adc.pin = 25").get(0);
        assertEquals("board.properties:2: sensor.adc.pin = \"25\": GPIO 25 is an ADC2 pin; ADC2 is shared with the WiFi driver,"
                + " so its readings fail or are wrong while WiFi is on. Fix: wire the sensor to an ADC1 pin: GPIO 32 to 39 on the ESP32"
                + " (34 to 39 are input-only, fine for a sensor)", m);
    }

    @Test
    void theBatteryPinIsCheckedLikeTheSensorsOnEachChip() {
        ConfigReader r = new ConfigReader(ConfigSource.parse("board.name = esp-wrover-kit\nbattery.adc.pin = 35", "b"));
        BoardConfig b = BoardConfig.read(r);
        assertEquals(List.of(), r.problems());
        assertEquals(35, b.batteryPin);
        assertEquals(7, b.batteryChannel);
        ConfigReader none = new ConfigReader(ConfigSource.parse("board.name = esp-wrover-kit", "b"));
        assertEquals(-1, BoardConfig.read(none).batteryPin, "no battery unless a pin is named");
        assertEquals(List.of("board.properties:2: battery.adc.pin = \"26\": GPIO 26 is an ADC2 pin; ADC2 is shared with the WiFi"
                + " driver, so its readings fail or are wrong while WiFi is on. Fix: wire the battery divider to an ADC1 pin: GPIO 32"
                + " to 39 on the ESP32 (34 to 39 are input-only, fine for a sensor)"),
                problems("board.name = esp-wrover-kit\nbattery.adc.pin = 26"));
        assertEquals(List.of("board.properties:3: battery.adc.pin = \"34\": is the soil sensor's pin (sensor.adc.pin = 34)."
                + " Fix: wire the battery divider to another ADC1 pin"),
                problems("board.name = esp-wrover-kit\nsensor.adc.pin = 34\nbattery.adc.pin = 34"));
        assertTrue(problems("board.name = esp32-s3-devkitc-1\nbattery.adc.pin = 5").isEmpty());
        assertTrue(problems("board.name = esp32-s3-devkitc-1\nbattery.adc.pin = 35").get(0)
                .contains("GPIO 35 has no ADC1 channel on the ESP32-S3. Fix: wire the battery divider to an ADC1 pin: GPIO 1 to 10"));
    }

    @Test
    void boardNameIsRequiredAndChecked() {
        assertTrue(problems("").get(0).contains("board.name: is required but not set"));
        assertTrue(problems("board.name = esp8266").get(0).contains("is not a supported board"));
    }

    @Test
    void aBatteryPinTheCoreAndTheBoardBothReadIsReportedOnce() {
        ConfigReader r = new ConfigReader(ConfigSource.parse("board.name = esp-wrover-kit\nbattery.adc.pin = thirty-five", "board.properties"));
        DeviceConfig.read(r);
        BoardConfig.read(r);
        List<String> aboutThePin = r.problems().stream().filter(p -> "battery.adc.pin".equals(p.key)).map(ConfigProblem::message)
                .collect(Collectors.toList());
        assertEquals(1, aboutThePin.size(), aboutThePin.toString());
    }
}
