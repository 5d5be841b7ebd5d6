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

    @Test
    void aPumpIsOptionalAndItsPinMustDriveAnOutputNothingElseNeeds() {
        ConfigReader none = new ConfigReader(ConfigSource.parse("board.name = esp-wrover-kit", "b"));
        BoardConfig noPump = BoardConfig.read(none);
        assertEquals(-1, noPump.pumpPin, "no pump unless a pin is named");
        assertTrue(noPump.pumpActiveHigh);
        assertEquals(1000, noPump.pumpFlowMlPerMinute);

        ConfigReader r = new ConfigReader(ConfigSource.parse(
                "board.name = esp-wrover-kit\npump.pin = 27\npump.active.level = low\npump.flow.ml_per_min = 1500", "b"));
        BoardConfig b = BoardConfig.read(r);
        assertEquals(List.of(), r.problems());
        assertEquals(27, b.pumpPin);
        assertEquals(false, b.pumpActiveHigh);
        assertEquals(1500, b.pumpFlowMlPerMinute);

        assertEquals(List.of("board.properties:2: pump.pin = \"35\": GPIO 35 is input-only on the ESP32. Fix: wire the pump's"
                + " driver to a free output pin: GPIO 13, 14, 18, 19, 21 to 23, 25 to 27, 32 or 33 on the ESP32, one nothing"
                + " else on your board uses"), problems("board.name = esp-wrover-kit\npump.pin = 35"));
        assertTrue(problems("board.name = esp-wrover-kit\npump.pin = 12").get(0).contains("GPIO 12 is a strapping pin"));
        assertTrue(problems("board.name = esp-wrover-kit\npump.pin = 16").get(0).contains("PSRAM"));
        assertTrue(problems("board.name = esp-wrover-kit\npump.pin = 7").get(0).contains("SPI flash"));
        assertTrue(problems("board.name = esp-wrover-kit\npump.pin = 1").get(0).contains("the console's UART (TX)"));
        assertTrue(problems("board.name = esp-wrover-kit\npump.pin = 4").get(0).contains("external-UART option"));
        assertTrue(problems("board.name = esp-wrover-kit\nsensor.adc.pin = 33\npump.pin = 33").get(0)
                .contains("pump.pin = \"33\": is the soil sensor's pin (sensor.adc.pin = 33)"));
        assertTrue(problems("board.name = esp-wrover-kit\nbattery.adc.pin = 32\npump.pin = 32").get(0)
                .contains("is the battery divider's pin (battery.adc.pin = 32)"));
        assertTrue(problems("board.name = esp-wrover-kit\npump.active.level = on").get(0).contains("pump.active.level"));
    }

    @Test
    void everyPinThePumpRulesAllowIsAnOutputOfItsChip() {
        int allowedEsp32 = 0;
        int allowedS3 = 0;
        for (int gpio = 0; gpio <= 48; gpio++) {
            boolean esp32 = problems("board.name = esp-wrover-kit\nsensor.adc.pin = 36\npump.pin = " + gpio).isEmpty();
            boolean s3 = problems("board.name = esp32-s3-devkitc-1\nsensor.adc.pin = 10\npump.pin = " + gpio).isEmpty();
            allowedEsp32 += esp32 ? 1 : 0;
            allowedS3 += s3 ? 1 : 0;
            if (esp32) {
                assertTrue(gpio <= 33 && gpio != 20 && gpio != 24 && (gpio < 28 || gpio > 31), "ESP32 GPIO " + gpio);
            }
            if (s3) {
                assertTrue(gpio <= 21 || gpio >= 38, "ESP32-S3 GPIO " + gpio);
            }
        }
        assertEquals(12, allowedEsp32, "GPIO 13, 14, 18, 19, 21, 22, 23, 25, 26, 27, 32, 33");
        assertEquals(24, allowedS3, "GPIO 1, 2, 4-18 but the sensor's 10, 21, 38-42, 47, 48");
    }
}
