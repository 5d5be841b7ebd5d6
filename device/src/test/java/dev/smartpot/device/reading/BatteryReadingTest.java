package dev.smartpot.device.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.fakes.FakeTransport;
import dev.smartpot.device.fakes.FakeWifi;
import dev.smartpot.device.fakes.ListLog;
import dev.smartpot.device.fakes.ManualClock;
import dev.smartpot.device.fakes.TestPot;

/**
 * The battery voltage as a reading field: absent without {@code battery.adc.pin} (the tutorial's payload unchanged),
 * measured with each reading with one, a warning when it runs low, and in deep sleep carried by the reading taken at
 * the same wake only.
 */
class BatteryReadingTest {

    private static final String PIN = "battery.adc.pin = 35\n";

    @Test
    void withoutABatteryPinNoReadingHasTheField() {
        TestPot pot = new TestPot("");
        pot.runFor(20_000);
        assertTrue(pot.readings().size() >= 4, pot.readings().toString());
        assertTrue(pot.readings().stream().noneMatch(r -> r.contains("battery")), pot.readings().toString());
    }

    @Test
    void theTutorialsTextPayloadStaysAsItIsEvenWithABattery() {
        TestPot pot = new TestPot("payload.format = text\nhomeassistant.discovery = false\n" + PIN);
        pot.runFor(10_000);
        assertEquals("Test to mothership #0", pot.readings().get(0));
    }

    @Test
    void eachReadingCarriesTheVoltageMeasuredWithIt() {
        TestPot pot = new TestPot(PIN);
        pot.runFor(1);
        pot.batteryRaw = 1800; // 2725 mV
        pot.runFor(5_000);
        pot.batteryRaw = 1700; // 2573 mV
        pot.runFor(5_000);
        assertEquals(List.of(2882L, 2725L, 2573L), pot.field("battery_mv"));
        assertTrue(pot.readings().get(0).matches("\\{\"id\":\"" + TestPot.ID + "\",\"seq\":0,\"boot\":1,\"raw\":2300,\"moisture\":50.0,"
                + "\"uptime_ms\":0,\"battery_mv\":2882}"), pot.readings().get(0));
        assertFalse(pot.log.has("battery low"), pot.log.all());
        assertTrue(pot.command("status").contains(",\"battery_mv\":2573"), "the status reply shows the last voltage");
        TestPot bare = new TestPot("");
        bare.runFor(1);
        assertFalse(bare.command("status").contains("battery"), "and nothing without a battery");
    }

    @Test
    void aLowBatteryWarnsOnceUntilNewBatteriesComeIn() {
        TestPot pot = new TestPot(PIN);
        pot.batteryRaw = 1500; // 2271 mV < 2400
        pot.runFor(20_000);
        assertEquals(1, pot.log.count("battery low: 2271 mV < 2400 mV (battery.low.mv); replace the batteries soon"), pot.log.all());
        pot.batteryRaw = 1600; // 2422 mV: above, but not by 100 mV
        pot.runFor(5_000);
        pot.batteryRaw = 1500;
        pot.runFor(5_000);
        assertEquals(1, pot.log.count("battery low"), "hovering at the threshold: one warning\n" + pot.log.all());
        pot.batteryRaw = 2000; // 3028 mV: new batteries
        pot.runFor(5_000);
        pot.batteryRaw = 1500;
        pot.runFor(5_000);
        assertEquals(2, pot.log.count("battery low"), pot.log.all());
    }

    @Test
    void aBatteryThatCannotBeReadLeavesTheFieldOutAndSaysSoOnce() {
        TestPot pot = new TestPot(PIN);
        pot.batteryBroken = true;
        pot.runFor(10_000);
        assertEquals(List.of(-1L, -1L), pot.field("battery_mv"), "the readings go out, without a voltage");
        assertEquals(List.of(0L, 1L), pot.publishedSeqs());
        assertEquals(1, pot.log.count("battery voltage not read: ADC timeout"), pot.log.all());
        pot.batteryBroken = false;
        pot.runFor(5_000);
        assertEquals(2882L, pot.field("battery_mv").get(2));
    }

    @Test
    void aBoardWithoutABatteryInputSaysTheFieldIsMissing() {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("wifi.ssid = Net\nmqtt.broker = 10.0.0.1\n" + PIN, "t"));
        DeviceConfig config = DeviceConfig.read(reader);
        ManualClock clock = new ManualClock();
        ListLog log = new ListLog();
        FakeTransport mqtt = new FakeTransport();
        Board board = Board.builder().wifi(new FakeWifi()).soilSensor(() -> 2300).chipId(() -> TestPot.CHIP.clone())
                .clock(clock).sleeper(clock).log(log).rebooter(reason -> { }).build();
        PotNode node = new PotNode(config, board, mqtt);
        for (int i = 0; i < 50; i++) {
            node.tick();
            clock.advance(100);
        }
        assertTrue(log.has("battery.adc.pin is set but this board reads no battery voltage"), log.all());
        List<String> readings = new ArrayList<>();
        for (FakeTransport.Sent s : mqtt.sentTo("to_mothership")) {
            readings.add(s.payload());
        }
        assertFalse(readings.isEmpty());
        assertTrue(readings.stream().noneMatch(r -> r.contains("battery_mv")), readings.toString());
    }

    @Test
    void inDeepSleepEachKeptReadingCarriesItsOwnVoltageAcrossWakes() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        MemorySettingsStore flash = new MemorySettingsStore();
        List<String> published = new ArrayList<>();
        List<Long> volts = new ArrayList<>();
        StringBuilder console = new StringBuilder();
        for (int wake = 0; wake < 9; wake++) {
            TestPot pot = new TestPot("power.mode = deep-sleep\npublish.interval = 15m\nsleep.publish.every = 4\nreboot.after = 0\n"
                    + "homeassistant.discovery = false\n" + PIN, new MemorySettingsStore(), false, rtc, flash, millis -> { });
            pot.batteryRaw = 1900 - 10 * wake;
            pot.node.run();
            published.addAll(pot.readings());
            volts.addAll(pot.field("battery_mv"));
            console.append(pot.log.all()).append('\n');
        }
        assertEquals(9, published.size(), "the first boot, then every 4th reading: " + published);
        assertTrue(console.toString().contains("INFO battery 2876 mV\n"), "each wake says its voltage: " + console);
        assertTrue(console.toString().contains("INFO battery 2861 mV\n"), "a reading-only wake too: " + console);
        assertEquals(List.of(2876L, 2861L, 2846L, 2831L, 2816L, 2800L, 2785L, 2770L, 2755L), volts,
                "each reading keeps the voltage measured with it, across wakes");
    }
}
