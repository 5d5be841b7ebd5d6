package dev.smartpot.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.config.ConfigException;

/** What the firmware does at boot with the resource scripts/flash wrote. */
class SettingsTest {

    private static final String GOOD = "board.name = esp-wrover-kit\nsensor.adc.pin = 35\nwifi.ssid = Garden\n"
            + "wifi.password = correct horse\nmqtt.broker = 192.168.1.10\n";

    @Test
    void aValidatedBoardFileReadsBack() throws Exception {
        Settings s = Settings.read(in(GOOD), "board.properties");
        assertEquals("esp-wrover-kit", s.board.board);
        assertEquals("esp32", s.board.chip);
        assertEquals(35, s.board.adcPin);
        assertEquals(7, s.board.adcChannel);
        assertEquals("Garden", s.device.wifiSsid);
        assertEquals("tcp://192.168.1.10:1883", s.device.brokers[0]);
    }

    @Test
    void problemsAreAllReported() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.read(in("board.name = esp32-s3-devkitc-1\nsensor.adc.pin = 15\nwifi.ssid = YOUR_SSID\nmqtt.broker = x\ncolour = red\n"), "board.properties"));
        String m = e.getMessage();
        assertTrue(m.contains("wifi.ssid = \"YOUR_SSID\": still holds the template placeholder"), m);
        assertTrue(m.contains("sensor.adc.pin = \"15\": GPIO 15 is an ADC2 pin"), m);
        assertTrue(m.contains("colour: is not a known key"), m);
    }

    @Test
    void aMissingResourceIsExplainedNotThrown() {
        List<String> lines = new ArrayList<>();
        Log log = new Log() {
            public void info(CharSequence message) {
                lines.add(message.toString());
            }

            public void warn(CharSequence message) {
                lines.add(message.toString());
            }

            public void error(CharSequence message) {
                lines.add(message.toString());
            }
        };
        // No scripts/flash run in CI: the generated resource is absent, so Main explains and returns null.
        if (Settings.openResource() == null) {
            assertEquals(null, Main.load(log));
            assertTrue(lines.get(0).contains("scripts/flash"), lines.toString());
        }
    }

    private static ByteArrayInputStream in(String text) throws IOException {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
