package dev.smartpot.device.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.board.RetainedMemory;
import dev.smartpot.device.config.BoardConfig;
import dev.smartpot.device.config.ConfigException;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.fakes.TestPot;

/**
 * {@code vm.restart.every}: an always-on pot restarts itself at a reading boundary before a run-time limit, keeping
 * everything in retained memory; the next boot says it was planned, and every seq arrives once.
 */
class PlannedRestartTest {

    private static final String EVERY_MINUTE = "publish.interval = 5s\nvm.restart.every = 1m\nreboot.after = 0\n";

    private static TestPot boot(String properties, RetainedMemory memory) {
        return new TestPot(properties, new MemorySettingsStore(), false, memory);
    }

    /**
     * Ticks {@code pot} as its loop would until it asks for a restart (its last tick, as on a board), at most
     * {@code limitMillis}; returns the uptime it asked at.
     */
    private static long runUntilRestart(TestPot pot, long limitMillis) {
        long end = pot.clock.uptimeMillis() + limitMillis;
        while (pot.reboots.isEmpty() && pot.clock.uptimeMillis() < end) {
            long wait = pot.node.tick();
            if (pot.reboots.isEmpty()) {
                pot.clock.advance(Math.max(1, Math.min(wait, 1000)));
            }
        }
        return pot.clock.uptimeMillis();
    }

    @Test
    void itIsDueOnlyAtAReadingBoundaryUnlessTheNextReadingIsMoreThanAMinuteAway() {
        PlannedRestart off = new PlannedRestart(0, 0, null, null, null, null, null);
        assertFalse(off.isDue(Long.MAX_VALUE - 1, 0), "0 turns it off");
        PlannedRestart every = new PlannedRestart(55 * 60000L, 1000, null, null, null, null, null);
        long due = 1000 + 55 * 60000L;
        assertFalse(every.isDue(due - 1, due - 1), "not before vm.restart.every");
        assertFalse(every.isDue(due, due + 5000), "due, but it waits for the next reading");
        assertTrue(every.isDue(due + 5000, due + 5000), "at the reading boundary");
        assertTrue(every.isDue(due, due + PlannedRestart.MAX_WAIT_FOR_READING_MILLIS + 1),
                "a reading more than a minute away: between readings rather than risk the limit");
    }

    @Test
    void aPlannedRestartLosesNothingAndTheNextBootSaysItWasPlanned() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        TestPot first = boot(EVERY_MINUTE, rtc);
        long askedAt = runUntilRestart(first, 120_000);
        assertEquals(List.of("planned restart (vm.restart.every = 1m)"), first.reboots, first.log.all());
        assertTrue(askedAt >= 60_000 && askedAt <= 65_100, "at the first reading boundary after a minute: " + askedAt);
        long taken = first.node.readingsTaken();
        assertTrue(first.log.all().contains("planned restart after 1m of run time (vm.restart.every): 0 queued readings kept in"
                + " retained memory; reading #" + taken + " is the next boot's first; leaving the broker cleanly, so no will is"
                + " published"), first.log.all());
        assertEquals(1, first.mqtt.disconnects, "a clean DISCONNECT: the broker discards the will");
        assertTrue(first.mqtt.sent.stream().noneMatch(m -> m.payload().equals("offline")), "the status is not flipped to offline");

        TestPot second = boot(EVERY_MINUTE, rtc);
        assertEquals(2, second.node.boot());
        assertEquals("restarted as planned (vm.restart.every; boot 2): 0 queued readings kept, seq from " + taken,
                second.log.lines.get(0).substring(second.log.lines.get(0).indexOf("restarted")), "the new boot's first line says why");
        runUntilRestart(second, 120_000);
        assertEquals(1, second.reboots.size(), "the second boot restarts a minute after its own start");

        TestPot third = boot(EVERY_MINUTE, rtc);
        assertTrue(third.log.all().contains("restarted as planned (vm.restart.every; boot 3)"), third.log.all());
        third.runFor(10_000);
        List<Long> all = new ArrayList<>(first.publishedSeqs());
        all.addAll(second.publishedSeqs());
        all.addAll(third.publishedSeqs());
        List<Long> expected = new ArrayList<>();
        for (long seq = 0; seq < third.node.readingsTaken(); seq++) {
            expected.add(seq);
        }
        assertEquals(expected, all, "every seq once, in order, across two planned restarts");
    }

    @Test
    void aRebootForAnotherReasonIsNotCalledPlanned() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        TestPot first = boot("publish.interval = 5s\nreboot.after = 2m\n", rtc);
        first.runFor(10_000);
        first.wifi.drop();
        runUntilRestart(first, 300_000);
        assertEquals(1, first.reboots.size());
        TestPot second = boot("publish.interval = 5s\nreboot.after = 2m\n", rtc);
        assertTrue(second.log.all().contains("restarted (boot 2): "), second.log.all());
        assertFalse(second.log.all().contains("as planned"), second.log.all());
    }

    @Test
    void inDeepSleepEveryWakeIsABootSoThereIsNoPlannedRestart() {
        TestPot pot = new TestPot("power.mode = deep-sleep\npublish.interval = 5s\nvm.restart.every = 5s\n", new MemorySettingsStore(),
                false, new RamRetainedMemory(6144), null, millis -> { });
        pot.runFor(30_000);
        assertEquals(List.of(), pot.reboots);
    }

    private static DeviceConfig read(String properties, boolean board) throws ConfigException {
        ConfigSource source = ConfigSource.parse("wifi.ssid = Net\nmqtt.broker = 10.0.0.1\n" + properties, "pot.properties");
        if (board) {
            BoardConfig.applyBoardDefaults(source);
        }
        ConfigReader reader = new ConfigReader(source);
        DeviceConfig config = DeviceConfig.read(reader);
        reader.finish();
        return config;
    }

    @Test
    void offUnlessSetInTheSimulatorAndFiftyFiveMinutesOnABoardUnlessSetToZero() throws ConfigException {
        assertEquals(0, read("", false).vmRestartEveryMillis);
        assertEquals(55 * 60000L, read("", true).vmRestartEveryMillis);
        assertEquals(0, read("vm.restart.every = 0\n", true).vmRestartEveryMillis);
        assertEquals(15_000, read("vm.restart.every = 15s\n", false).vmRestartEveryMillis);
        ConfigException tooShort = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> read("vm.restart.every = 2s\n", false));
        assertTrue(tooShort.getMessage().contains("vm.restart.every = \"2s\": is out of range 5s to 168h. Fix: pick a value in that"
                + " range (a board restarts every 55m unless told otherwise), or 0 for never"), tooShort.getMessage());
    }

    @Test
    void withReadingsBesideTheLoopTheRestartStillGoesAtAReadingBoundary() {
        TestPot pot = boot(EVERY_MINUTE, new RamRetainedMemory(6144)).readingsBesideTheLoop();
        long askedAt = runUntilRestart(pot, 120_000);
        assertEquals(List.of("planned restart (vm.restart.every = 1m)"), pot.reboots, pot.log.all());
        assertTrue(askedAt >= 60_000 && askedAt <= 65_100, "at the first reading boundary after a minute: " + askedAt);
        assertTrue(pot.log.all().contains("reading #" + pot.node.readingsTaken() + " is the next boot's first"), pot.log.all());
    }
}
