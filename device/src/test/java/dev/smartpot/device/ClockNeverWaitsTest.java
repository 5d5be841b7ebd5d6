package dev.smartpot.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.fakes.TestPot;

/**
 * The sensor's clock never waits on the network: a step of the loop that blocks (a fake that moves the manual clock
 * inside it) does not hold the readings, which are taken beside the loop at their own time; and a reading's bytes are
 * fixed when it is taken.
 */
class ClockNeverWaitsTest {

    private static final String ONE_SECOND = "publish.interval = 1s\nbackoff.min = 1s\nbackoff.max = 1s\nreboot.after = 0\n"
            + "homeassistant.discovery = false\n";

    @Test
    void aConnectThatBlocksTenSecondsHoldsNoReading() {
        TestPot pot = new TestPot(ONE_SECOND).readingsBesideTheLoop();
        pot.mqtt.connectBlocks = 10_000;
        pot.runFor(15_000);
        assertOnTime(pot, 14);
    }

    @Test
    void aSubscribeThatBlocksHoldsNoReading() {
        TestPot pot = new TestPot(ONE_SECOND).readingsBesideTheLoop();
        pot.mqtt.subscribeBlocks = 4_000;
        pot.runFor(15_000);
        assertOnTime(pot, 14);
    }

    @Test
    void aPublishThatBlocksHoldsNoReading() {
        TestPot pot = new TestPot(ONE_SECOND).readingsBesideTheLoop();
        pot.runFor(2_500);
        pot.mqtt.publishBlocks = 3_000;
        pot.runFor(12_500);
        pot.mqtt.publishBlocks = 0;
        pot.runFor(10_000);
        assertOnTime(pot, 24);
    }

    @Test
    void aDeliveryCheckWhoseEchoBlocksHoldsNoReading() {
        // The probe is a publish on the pot's own topic; its echo waits: the readings go on meanwhile.
        TestPot pot = new TestPot(ONE_SECOND + "mqtt.delivery.check = true\n").readingsBesideTheLoop();
        pot.mqtt.publishBlocks = 5_000;
        pot.runFor(12_000);
        pot.mqtt.publishBlocks = 0;
        pot.runFor(10_000);
        assertOnTime(pot, 21);
    }

    @Test
    void aWifiJoinThatScansTwelveSecondsHoldsNoReading() {
        TestPot pot = new TestPot(ONE_SECOND).readingsBesideTheLoop();
        pot.wifi.joinBlocks = 12_000;
        pot.runFor(20_000);
        assertOnTime(pot, 19);
    }

    @Test
    void aResentReadingSendsTheSameBytesWhateverHappenedSince() {
        TestPot pot = new TestPot(ONE_SECOND + "mqtt.qos = 1\n").readingsBesideTheLoop();
        pot.runFor(3_500);
        pot.mqtt.breakLink("Connection lost");
        pot.mqtt.deadBrokers.add("tcp://10.0.0.1:1883");
        pot.runFor(3_000);
        // A flood of commands while the readings wait: the count of dropped commands grows after they were taken.
        for (int i = 0; i < 200; i++) {
            pot.mqtt.deliver(pot.config.subscribeTopic, "status");
        }
        pot.batteryRaw = 1500;
        pot.clock.setWallClockAtBoot(1_700_000_000_000L);
        pot.mqtt.deadBrokers.clear();
        pot.runFor(5_000);
        Map<Long, String> bySeq = new HashMap<>();
        for (String r : pot.readings()) {
            long seq = Long.parseLong(r.replaceAll(".*\"seq\":(\\d+).*", "$1"));
            String before = bySeq.put(seq, r);
            assertTrue(before == null || before.equals(r), "seq " + seq + " sent as\n" + before + "\nand\n" + r);
        }
        assertOnTime(pot, 11);
    }

    @Test
    void theStatusReplyShowsHowLateTheLatestReadingWasTaken() {
        // Without a readings thread (a runtime that only ticks), a connect that blocks 3 s makes the reading late.
        TestPot ticked = new TestPot(ONE_SECOND);
        ticked.mqtt.blockingClock = ticked.clock;
        ticked.mqtt.connectBlocks = 3_000;
        ticked.runFor(5_000);
        ticked.mqtt.connectBlocks = 0;
        assertTrue(ticked.command("status").contains("\"late_max_ms\":2000"), ticked.replies().toString());
        assertTrue(ticked.node.statusLine().contains(" late_max=2000ms"), ticked.node.statusLine());

        TestPot beside = new TestPot(ONE_SECOND).readingsBesideTheLoop();
        beside.mqtt.connectBlocks = 3_000;
        beside.runFor(5_000);
        beside.mqtt.connectBlocks = 0;
        assertTrue(beside.command("status").contains("\"late_max_ms\":0"), beside.replies().toString());
    }

    /** Every reading arrived, each taken within a few ms of its slot (a second apart from the first). */
    private static void assertOnTime(TestPot pot, int atLeast) {
        pot.mqtt.publishBlocks = 0;
        pot.mqtt.connectBlocks = 0;
        pot.mqtt.subscribeBlocks = 0;
        pot.wifi.joinBlocks = 0;
        pot.runFor(5_000);
        List<Long> seqs = pot.publishedSeqs();
        List<Long> uptimes = pot.field("uptime_ms");
        List<Long> distinct = new ArrayList<>();
        for (int i = 0; i < seqs.size(); i++) {
            if (!distinct.contains(seqs.get(i))) {
                distinct.add(seqs.get(i));
                assertTrue(Math.abs(uptimes.get(i) - 1000 * seqs.get(i)) <= 10, "reading #" + seqs.get(i) + " taken at "
                        + uptimes.get(i) + " ms, due at " + 1000 * seqs.get(i) + ": " + pot.readings());
            }
        }
        assertTrue(distinct.size() >= atLeast, "readings: " + distinct);
        for (int i = 0; i < distinct.size(); i++) {
            assertEquals(i, (long) distinct.get(i), "no reading missing: " + distinct);
        }
        assertTrue(pot.node.largestSamplingDelayMillis() <= 10, "largest delay " + pot.node.largestSamplingDelayMillis());
    }
}
