package dev.smartpot.simulator.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.Clock;
import dev.smartpot.device.config.BatteryConfig;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.power.EnergyModel;

/** The simulated 2 x AA pack: full to empty along the alkaline curve, drained as the energy model says, read back by the core. */
class BatteryModelAdcTest {

    private static DeviceConfig device(String extra) {
        return DeviceConfig.read(new ConfigReader(ConfigSource.parse("wifi.ssid = Net\nmqtt.broker = 127.0.0.1\n" + extra, "t")));
    }

    private static final BatteryConfig DIVIDER = device("battery.adc.pin = 35\n").battery;

    @Test
    void aFullPackReadsThreeVoltsAndAnEmptyOneTwoThroughTheDivider() {
        BatteryModelAdc full = new BatteryModelAdc(DIVIDER, 2500, 100, null);
        assertEquals(3000, full.millivolts());
        assertTrue(Math.abs(DIVIDER.millivolts(full.read()) - 3000) <= 2, "the core reads back what the pack gives");
        assertEquals(2000, new BatteryModelAdc(DIVIDER, 2500, 0, null).millivolts());
        assertEquals(2550, new BatteryModelAdc(DIVIDER, 2500, 50, null).millivolts(), "half used: on the plateau");
    }

    @Test
    void wakesAndSleepDrainItByTheEnergyModelsCharges() {
        BatteryModelAdc pack = new BatteryModelAdc(DIVIDER, 1, 100, null); // 1 mAh = 3.6e9 uA.ms
        pack.drainWake(700, true);
        double publishing = EnergyModel.publishingWakeCharge(0, 700) / 3.6e9 * 100;
        assertEquals(100 - publishing, pack.percentLeft(), 1e-9);
        pack.drainWake(20, false);
        pack.drainSleep(15 * 60_000);
        double reading = EnergyModel.readingWakeCharge(20) / 3.6e9 * 100;
        double sleep = 15 * 60_000.0 * EnergyModel.DEEP_SLEEP_MICROAMPS / 3.6e9 * 100;
        assertEquals(100 - publishing - reading - sleep, pack.percentLeft(), 1e-9);
        int before = pack.millivolts();
        pack.drainWake(700, true);
        assertTrue(pack.millivolts() < before, "each wake lowers the voltage");
    }

    @Test
    void anAlwaysOnPotDrainsByTheTimeThatPassed() {
        long[] now = {0};
        Clock clock = new Clock() {
            public long uptimeMillis() {
                return now[0];
            }

            public long wallClockMillis() {
                return 0;
            }
        };
        BatteryModelAdc pack = new BatteryModelAdc(DIVIDER, 1000, 100, clock);
        pack.read();
        now[0] = 3_600_000; // an hour with the radio on
        pack.read();
        assertEquals(100 - EnergyModel.RADIO_MILLIAMPS / 10.0, pack.percentLeft(), 1e-9);
    }

    @Test
    void theSimulatedBoardHasABatteryOnlyWithABatteryPin() throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("wifi.ssid = Net\nmqtt.broker = 127.0.0.1\nbattery.adc.pin = 35\n"
                + "sim.battery.mah = 10\nsim.battery.level = 50\n", "t"));
        DeviceConfig withPin = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, withPin);
        reader.finish();
        SimulatedBoard board = SimulatedBoard.single(withPin, world).build();
        Board boot = board.boot(new MonitorSleeper(), reason -> { });
        assertNotNull(boot.batteryInput);
        assertEquals(2550, board.battery().millivolts(), 1, "started half full");
        SimulatedBoard fleetPot = SimulatedBoard.fleetPot(withPin, world, 3, new SystemClock(false)).build();
        assertNotNull(fleetPot.boot(new MonitorSleeper(), reason -> { }).batteryInput, "a fleet pot has its own pack");

        ConfigReader plain = new ConfigReader(ConfigSource.parse("wifi.ssid = Net\nmqtt.broker = 127.0.0.1\n", "t"));
        DeviceConfig noPin = DeviceConfig.read(plain);
        SimulatedBoard without = SimulatedBoard.single(noPin, SimulatorConfig.read(plain, noPin)).build();
        assertNull(without.boot(new MonitorSleeper(), reason -> { }).batteryInput);
        assertNull(without.battery());
    }
}
