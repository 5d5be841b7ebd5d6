package dev.smartpot.device.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.SettingLabels;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.fakes.ListLog;
import dev.smartpot.device.reading.MoistureScale;

/** The lines that say which of two values a pot uses name where each came from, in the runtime's words. */
class SavedSettingsTest {

    /** As a runtime with flags would label them: the interval from a flag, the rest from a file. */
    private static final SettingLabels DESKTOP = new SettingLabels() {
        public String configOrigin(String key) {
            return key.equals("publish.interval") ? "--interval 1s" : "the config file pot.properties:3";
        }

        public String savedIn() {
            return "pot.properties.state";
        }
    };

    private static final String SAVED = "publish.interval = 2s\npublish.interval.config = 5s\n"
            + "sensor.raw.dry = 3100\nsensor.raw.dry.config = 2900\nsensor.raw.wet = 1200\nsensor.raw.wet.config = 1200\n";

    private final ListLog log = new ListLog();

    private SavedSettings load(String properties, SettingLabels labels) {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("wifi.ssid = Net\nwifi.password = password1\nmqtt.broker = 10.0.0.1\n"
                + properties, "pot.properties"));
        DeviceConfig config = DeviceConfig.read(reader);
        MemorySettingsStore store = new MemorySettingsStore();
        store.save(SAVED);
        SavedSettings settings = labels == null ? new SavedSettings(store, config, log) : new SavedSettings(store, config, log, labels);
        settings.load(new MoistureScale(config.rawDry, config.rawWet, config.adcBits, config.sensor.rawMin, config.sensor.rawMax));
        return settings;
    }

    @Test
    void aFlagThatDiffersFromWhatTheMothershipReplacedWinsAndTheLineNamesTheFlag() {
        SavedSettings settings = load("publish.interval = 1s\nsensor.raw.dry = 2900\nsensor.raw.wet = 1200\n", DESKTOP);
        assertEquals(1000, settings.intervalMillis());
        assertFalse(settings.intervalSaved());
        assertTrue(log.has("INFO using publish.interval = 1s from --interval 1s instead of 2s set by the mothership (saved in"
                + " pot.properties.state): it differs from the 5s that command replaced"), log.all());
        assertFalse(log.has("config file changed"), log.all());
        assertEquals(3100, settings.rawDry());
        assertTrue(settings.calibrationSaved());
        assertTrue(log.has("INFO using calibration dry 3100, wet 1200 set by the mothership (saved in pot.properties.state) instead of"
                + " dry 2900, wet 1200 from the config file pot.properties:3"), log.all());
    }

    @Test
    void aSavedValueThatStillWinsNamesWhereItIsKeptAndWhatItOverrides() {
        SavedSettings settings = load("publish.interval = 5s\n", new SettingLabels() {
            public String configOrigin(String key) {
                return "the config file pot.properties:4";
            }

            public String savedIn() {
                return "pot.properties.state";
            }
        });
        assertEquals(2000, settings.intervalMillis());
        assertTrue(settings.intervalSaved());
        assertTrue(log.has("INFO using publish.interval = 2s set by the mothership (saved in pot.properties.state) instead of 5s from"
                + " the config file pot.properties:4"), log.all());
    }

    @Test
    void aBoardSaysBoardWordsAndNamesNoDesktopTool() {
        load("publish.interval = 1s\n", null);
        assertTrue(log.has("INFO using publish.interval = 1s from the board configuration instead of 2s set by the mothership"
                + " (saved in the board's settings store): it differs from the 5s that command replaced"), log.all());
        assertFalse(log.all().contains("--") || log.all().contains("file"), log.all());
    }

    @Test
    void aValueTypedAtTheConsoleIsSaidToComeFromTheConsoleAfterARestart() {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("wifi.ssid = Net\nwifi.password = password1\nmqtt.broker = 10.0.0.1\n",
                "pot.properties"));
        DeviceConfig config = DeviceConfig.read(reader);
        MemorySettingsStore store = new MemorySettingsStore();
        MoistureScale scale = new MoistureScale(config.rawDry, config.rawWet, config.adcBits, config.sensor.rawMin, config.sensor.rawMax);
        new SavedSettings(store, config, log, DESKTOP).saveInterval(3000, true);

        SavedSettings restarted = new SavedSettings(store, config, log, DESKTOP);
        restarted.load(scale);
        assertEquals(3000, restarted.intervalMillis());
        assertEquals("the pot's console", restarted.setBy());
        assertTrue(log.has("INFO using publish.interval = 3s typed at the pot's console (saved in pot.properties.state) instead of"
                + " 5s from --interval 1s"), log.all());

        restarted.saveCalibration(3100, 1200, false);
        SavedSettings again = new SavedSettings(store, config, log, DESKTOP);
        again.load(scale);
        assertEquals("the mothership and the pot's console", again.setBy());
    }
}
