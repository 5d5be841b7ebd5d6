package dev.smartpot.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.config.SafetyConfig;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.protocol.CommandParser;
import dev.smartpot.simulator.board.SimulatorConfig;

/**
 * Each demo pot's own watering limits allow what the mothership's settings for it plan: the automatic rule is never
 * refused by a limit the Pi set looser than the pot (Basil is watered again and again, not refused in a storm).
 */
class DemoPotTest {

    @Test
    void everyDemoPotAllowsThePlanItsSettingsMake() throws Exception {
        for (int i = 0; i < 8; i++) {
            DemoPot p = DemoPot.number(i);
            ConfigReader reader = new ConfigReader(ConfigSource.parse(p.config("tcp://127.0.0.1:1883", 5000), p.name()));
            DeviceConfig device = DeviceConfig.read(reader);
            SimulatorConfig.read(reader, device);
            reader.finish();
            SafetyConfig pot = device.safety;
            PotSettings s = p.settings();
            String who = p.name() + ": ";
            assertTrue(s.waterMl() <= CommandParser.MAX_WATER_ML, who + "water_ml within the protocol's limit");
            assertTrue(pot.waterCooldownMillis <= Math.max(1, s.cooldownMinutes()) * 60_000L, who + "the pot's cooldown");
            assertTrue(pot.waterBudgetDayMl >= s.dailyMaxMl(), who + "the pot's daily budget");
            assertTrue(pot.waterBudgetHourMl >= Math.min(s.dailyMaxMl(), s.waterMl() * 60 / Math.max(1, s.cooldownMinutes())),
                    who + "the pot's hourly budget holds an hour of the plan");
        }
        assertEquals(2 * 60_000L, readBasil().waterCooldownMillis, "Basil, the demo's story, every 2 minutes");
    }

    private static SafetyConfig readBasil() throws Exception {
        DemoPot basil = DemoPot.number(0);
        ConfigReader reader = new ConfigReader(ConfigSource.parse(basil.config("tcp://127.0.0.1:1883", 5000), "basil"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig.read(reader, device);
        reader.finish();
        return device.safety;
    }
}
