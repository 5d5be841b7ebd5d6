package dev.smartpot.simulator.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.ClientIds;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;

/** One place builds the simulated board: a single pot and a fleet pot differ only where the runtimes differ. */
class SimulatedBoardTest {

    private final DeviceConfig device;
    private final SimulatorConfig world;

    SimulatedBoardTest() throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("wifi.ssid = Net\nmqtt.broker = 127.0.0.1\nsim.seed = garden\n", "t"));
        device = DeviceConfig.read(reader);
        world = SimulatorConfig.read(reader, device);
        reader.finish();
    }

    @Test
    void aSinglePotTakesItsChipIdFromTheSeedHasAPumpAndKeepsSettingsWhereItIsTold() {
        MemorySettingsStore store = new MemorySettingsStore();
        SimulatedBoard single = SimulatedBoard.single(device, world).settingsStore(store).build();
        assertEquals(ClientIds.fromChipId(FakeChipId.fromSeed("garden").uniqueId()), single.clientId());
        Board boot = single.boot(new MonitorSleeper(), reason -> { });
        assertNotNull(boot.pump);
        assertSame(store, boot.settingsStore);
        assertSame(single.wlan(), boot.wifi);
    }

    @Test
    void fleetPotsHaveAChipIdEachFromTheSeedAndIndexAndNoPump() {
        SystemClock clock = new SystemClock(false);
        SimulatedBoard first = SimulatedBoard.fleetPot(device, world, 0, clock).build();
        SimulatedBoard second = SimulatedBoard.fleetPot(device, world, 1, clock).build();
        assertEquals(ClientIds.fromChipId(FakeChipId.fromSeed("garden-0").uniqueId()), first.clientId());
        assertNotEquals(first.clientId(), second.clientId());
        assertNull(first.boot(new MonitorSleeper(), reason -> { }).pump);
    }

    @Test
    void eachBootGetsTheSameWorldAndAFreshBoard() {
        SimulatedBoard single = SimulatedBoard.single(device, world).build();
        Board a = single.boot(new MonitorSleeper(), reason -> { });
        Board b = single.boot(new MonitorSleeper(), reason -> { });
        assertNotSame(a, b);
        assertSame(a.soilSensor, b.soilSensor);
        assertSame(a.chipId, b.chipId);
    }

    @Test
    void aBoardWithMemoryGivesEveryBootTheSameRtcMemoryAndFlashMarkButNoDeepSleepWhenAwake() {
        PotMemory memory = PotMemory.inRam();
        SimulatedBoard single = SimulatedBoard.single(device, world).memory(memory).build();
        Board a = single.boot(new MonitorSleeper(), reason -> { }, millis -> { });
        Board b = single.boot(new MonitorSleeper(), reason -> { }, millis -> { });
        assertSame(memory.rtc(), a.retainedMemory);
        assertSame(memory.rtc(), b.retainedMemory);
        assertSame(memory.mark(), b.markStore);
        assertNull(a.deepSleep, "an always-on pot is not offered deep sleep");
        assertNotSame(a.clock, b.clock);
    }

    @Test
    void aPotInDeepSleepWakesOnOneClockThatASleepMovesOnByTheWholeSleep() throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(
                "wifi.ssid = Net\nmqtt.broker = 127.0.0.1\nsim.seed = garden\npower.mode = deep-sleep\n", "t"));
        DeviceConfig sleepy = DeviceConfig.read(reader);
        SimulatorConfig sleepyWorld = SimulatorConfig.read(reader, sleepy);
        reader.finish();
        SimulatedBoard single = SimulatedBoard.single(sleepy, sleepyWorld).memory(PotMemory.inRam()).build();
        long[] asked = {0};
        Board a = single.boot(new MonitorSleeper(), reason -> { }, millis -> asked[0] = millis);
        Board b = single.boot(new MonitorSleeper(), reason -> { }, millis -> { });
        assertSame(a.clock, b.clock, "the RTC timer runs on across wakes");
        a.deepSleep.sleep(900_000);
        assertEquals(900_000, asked[0]);
        long before = a.clock.uptimeMillis();
        single.sleptFor(900_000, 0);
        assertTrue(a.clock.uptimeMillis() - before >= 900_000, "a shortened sleep still moves the pot's clock on in full");
    }

    private static void assertNotSame(Object a, Object b) {
        org.junit.jupiter.api.Assertions.assertNotSame(a, b);
    }
}
