package dev.smartpot.device.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.protocol.Decoded;
import dev.smartpot.protocol.StatusDecoder;
import dev.smartpot.protocol.WakePhases;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.fakes.FakeTransport;
import dev.smartpot.device.fakes.TestPot;

/**
 * The deep-sleep cycle on a manual clock, the core rebuilt from nothing at every wake as on the board: state across
 * wakes, nothing lost across 1,000 wakes, WiFi only every 4th reading, a power cut losing only retained memory.
 */
class DeepSleepCycleTest {

    private static final String BATTERY = "power.mode = deep-sleep\npublish.interval = 15m\nsleep.publish.every = 4\n"
            + "reboot.after = 0\nhomeassistant.discovery = false\n";

    private final RamRetainedMemory rtc = new RamRetainedMemory(6144);
    private final MemorySettingsStore flash = new MemorySettingsStore();
    private final List<Long> sleeps = new ArrayList<>();
    private final List<String> published = new ArrayList<>();
    private final List<Long> seqs = new ArrayList<>();
    private int joins;

    /** One wake: boot, run until the core asks for deep sleep. */
    private TestPot wake(String extra) {
        TestPot pot = new TestPot(BATTERY + extra, new MemorySettingsStore(), false, rtc, flash, sleeps::add);
        pot.node.run();
        published.addAll(pot.readings());
        seqs.addAll(pot.publishedSeqs());
        joins += pot.wifi.joins;
        return pot;
    }

    private static List<Long> range(long from, long toExclusive) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i < toExclusive; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void aThousandWakesLoseNothingAndJoinWifiOnlyEveryFourthReading() {
        TestPot last = null;
        for (int i = 0; i < 1000; i++) {
            last = wake("");
        }
        long taken = last.node.readingsTaken();
        assertEquals(1000, taken);
        assertEquals(1, last.node.boot(), "a wake from deep sleep is not a reset");
        int queued = last.node.queuedReadings();
        assertEquals(range(0, taken - queued), seqs, "every seq once, in order");
        assertEquals(3, queued, "the readings since the last publishing wake wait in retained memory");
        assertEquals(1 + 999 / 4, joins, "WiFi only at the first boot and every 4th reading");
        assertEquals(1000, sleeps.size());
        long awakeMax = 15 * 60_000L - sleeps.stream().mapToLong(Long::longValue).min().getAsLong();
        assertTrue(awakeMax < 2000, "each wake sleeps until the next reading, 15 minutes after its start: " + awakeMax);
    }

    @Test
    void aPublishingWakeSaysWhenItSleepsAndNeverOnline() {
        TestPot pot = wake("");
        List<FakeTransport.Sent> status = pot.mqtt.sentTo("to_mothership/" + TestPot.ID + "/status");
        assertEquals(1, status.size(), status.toString());
        Decoded.Status asleep = StatusDecoder.decode(TestPot.ID, status.get(0).payload());
        assertTrue(asleep.asleep(), status.get(0).payload());
        assertNull(asleep.wakeAtMillis, "the pot does not know the time");
        long awake = pot.clock.uptimeMillis();
        assertTrue(asleep.sleepMillis > 15 * 60_000L - 2000 && asleep.sleepMillis <= 15 * 60_000L, "until the next reading: "
                + asleep.sleepMillis);
        assertTrue(status.get(0).retained());
        WakePhases wake = asleep.wake;
        assertEquals(1, wake.boot);
        assertEquals(0, wake.seq);
        assertEquals(WakePhases.RESET_POWER_ON, wake.reset, "the first wake follows a power-up");
        assertEquals(1, wake.readings);
        assertTrue(wake.bootModelled);
        assertTrue(wake.awakeMillis >= wake.bootMillis + wake.readMillis + wake.wifiMillis + wake.mqttMillis
                + wake.publishMillis + wake.listenMillis, status.get(0).payload());
        assertTrue(wake.awakeMillis <= wake.bootMillis + awake, status.get(0).payload());
        assertTrue(wake.roundTrips > 0);
        TestPot second = wake("");
        TestPot third = wake("");
        TestPot fourth = wake("");
        TestPot publishing = wake("");
        assertTrue(second.mqtt.sentTo("to_mothership/" + TestPot.ID + "/status").isEmpty(), "a reading-only wake sends nothing");
        WakePhases later = StatusDecoder.decode(TestPot.ID, publishing.mqtt.sentTo("to_mothership/" + TestPot.ID + "/status")
                .get(0).payload()).wake;
        assertEquals(WakePhases.RESET_DEEP_SLEEP, later.reset);
        assertEquals(4, later.readings, "the readings of the wakes in between, and its own");
        assertEquals(4, later.seq, "the wake's own reading: with the boot, the wake's identity");
        assertTrue(!pot.mqtt.lastSettings.cleanSession, "a persistent session keeps the commands sent while it sleeps");
        assertTrue(pot.log.all().contains("wake: reading #0, 0 kept; awake "), pot.log.all());
        assertTrue(pot.log.all().contains("energy (ESP32 datasheet currents, bare module): "), pot.log.all());
    }

    @Test
    void aBoardThatMeasuredItsBootReportsItAndItsResetReason() {
        TestPot pot = new TestPot(BATTERY, new MemorySettingsStore(), false, rtc, flash, sleeps::add,
                new dev.smartpot.device.board.BootReport() {
                    public long bootMillis() {
                        return 412;
                    }

                    public String resetReason() {
                        return "brownout";
                    }
                });
        pot.node.run();
        WakePhases wake = StatusDecoder.decode(TestPot.ID, pot.mqtt.sentTo("to_mothership/" + TestPot.ID + "/status").get(0)
                .payload()).wake;
        assertEquals(412, wake.bootMillis);
        assertFalse(wake.bootModelled);
        assertEquals("brownout", wake.reset);
        assertTrue(wake.awakeMillis >= 412, "the measured boot counts in the awake time: " + wake.awakeMillis);
    }

    @Test
    void theStatusSaysTheWakeTimeByTheWallClockWhenKnown() {
        TestPot pot = new TestPot(BATTERY, new MemorySettingsStore(), false, rtc, flash, sleeps::add);
        pot.clock.setWallClockAtBoot(1_700_000_000_000L); // 22:13:20 UTC
        pot.node.run();
        Decoded.Status asleep = StatusDecoder.decode(TestPot.ID,
                pot.mqtt.sentTo("to_mothership/" + TestPot.ID + "/status").get(0).payload());
        assertEquals(1_700_000_000_000L + 15 * 60_000L, asleep.wakeAtMillis, "the next reading, by the wall clock");
    }

    @Test
    void aSensorFaultIsPublishedAtOnce() {
        wake("");
        wake("");
        int before = seqs.size();
        TestPot faulty = new TestPot(BATTERY, new MemorySettingsStore(), false, rtc, flash, sleeps::add);
        faulty.sensorBroken = true;
        faulty.node.run();
        seqs.addAll(faulty.publishedSeqs());
        assertEquals(List.of(1L, 2L), seqs.subList(before, seqs.size()), "the fault went out at once with the reading before it");
        assertTrue(faulty.readings().get(1).contains("\"fault\":\"read_error\""), faulty.readings().toString());
    }

    @Test
    void aWakeWithoutALinkKeepsItsReadingsAndTheNextOneDeliversThem() {
        wake("");
        TestPot offline = null;
        for (int i = 0; i < 4; i++) {
            offline = new TestPot(BATTERY + "wifi.join.timeout = 2s\n", new MemorySettingsStore(), false, rtc, flash, sleeps::add);
            offline.wifi.drop();
            offline.node.run();
        }
        assertEquals(4, offline.node.queuedReadings());
        assertTrue(offline.log.all().contains("no link this wake: 4 readings stay queued"), offline.log.all());
        TestPot back = wake("");
        assertEquals(range(0, 6), seqs, "the first wake with a link delivers what the others kept");
        assertEquals(0, back.node.queuedReadings());
    }

    @Test
    void aPowerCutBetweenWakesLosesOnlyRetainedMemoryAndReportsIt() {
        for (int i = 0; i < 7; i++) {
            wake("");
        }
        assertEquals(range(0, 5), seqs, "readings 5 and 6 wait in retained memory");
        rtc.powerCut();
        TestPot after = wake("");
        assertEquals(2, after.node.boot());
        long resumed = seqs.get(5);
        assertEquals(256, resumed, "seq carries on above every seq used");
        assertTrue(published.get(5).contains("\"dropped\":256"), published.get(5));
    }
}
