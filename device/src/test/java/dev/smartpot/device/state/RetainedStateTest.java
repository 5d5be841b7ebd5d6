package dev.smartpot.device.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.board.RetainedMemory;
import dev.smartpot.device.fakes.TestPot;

/** A reset keeps the queue, seq and boot counter in retained memory; a power cut loses only that memory. */
class RetainedStateTest {

    private static final String FIVE_SECONDS = "publish.interval = 5s\nbackoff.min = 1s\nbackoff.max = 30s\n";

    private static TestPot boot(String properties, RetainedMemory memory) {
        return new TestPot(properties, new MemorySettingsStore(), false, memory);
    }

    private static List<Long> range(long from, long toExclusive) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i < toExclusive; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void aRebootDuringAnOutageLosesNoReading() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        TestPot first = boot(FIVE_SECONDS + "reboot.after = 2m\n", rtc);
        first.runFor(30_000);
        assertEquals(range(0, 6), first.publishedSeqs());
        first.wifi.drop();
        first.runFor(200_000);
        assertEquals(1, first.reboots.size(), "the outage escalated to a reboot: " + first.log.all());
        int queued = first.node.queuedReadings();
        assertTrue(queued >= 24, "readings queued during the outage: " + queued);
        long taken = first.node.readingsTaken();

        TestPot second = boot(FIVE_SECONDS + "reboot.after = 2m\n", rtc);
        assertEquals(2, second.node.boot());
        assertEquals(queued, second.node.queuedReadings(), "the queue came back whole");
        second.runFor(10_000);
        List<Long> all = new ArrayList<>(first.publishedSeqs());
        all.addAll(second.publishedSeqs());
        assertEquals(range(0, taken + 2), all, "every seq exactly once, in order, across the reboot");
        assertTrue(second.field("boot").stream().allMatch(b -> b == 2), "readings sent after the reset say boot 2");
        assertTrue(second.field("uptime_ms").get(0) < 0, "a reading from before the reset is dated before this boot");
        assertTrue(second.readings().stream().noneMatch(r -> r.contains("dropped")), second.readings().toString());
        assertTrue(second.log.all().contains("restarted (boot 2): " + queued + " queued readings kept, seq from " + taken),
                second.log.all());
    }

    @Test
    void manyResetsInARowKeepEverySeq() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        List<Long> published = new ArrayList<>();
        long taken = 0;
        for (int b = 1; b <= 20; b++) {
            TestPot pot = boot(FIVE_SECONDS + "reboot.after = 0\n", rtc);
            assertEquals(b, pot.node.boot());
            if (b % 5 != 0) {
                pot.wifi.drop();
            }
            pot.runFor(60_000);
            published.addAll(pot.publishedSeqs());
            taken = pot.node.readingsTaken();
            pot.reboots.add("test");
            pot.node.shutdown();
        }
        TestPot last = boot(FIVE_SECONDS, rtc);
        last.runFor(1);
        published.addAll(last.publishedSeqs());
        assertEquals(range(0, taken + 1), published);
    }

    @Test
    void aQueueLargerThanTheRegionKeepsTheNewestAndReportsTheRestAsDropped() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        TestPot first = boot(FIVE_SECONDS + "reboot.after = 0\n", rtc);
        first.wifi.drop();
        first.runFor(2000L * 5000);
        int queued = first.node.queuedReadings();
        long taken = first.node.readingsTaken();
        assertEquals(2000, queued);
        first.node.shutdown();

        TestPot second = boot(FIVE_SECONDS, rtc);
        int kept = second.node.queuedReadings();
        assertTrue(kept >= 370 && kept < 390, "about 380 readings (16 bytes each) fit 6 KB: " + kept);
        second.runFor(1);
        List<Long> seqs = second.publishedSeqs();
        assertEquals(taken - kept, (long) seqs.get(0), "the newest readings were kept");
        assertEquals(taken - kept, (long) second.field("dropped").get(0), "the first reading reports what the reset lost");
        assertEquals(range(taken - kept, taken + 1), seqs);
    }

    @Test
    void aPowerCutLosesWhatRetainedMemoryHeldAndStartsAfresh() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        TestPot first = boot(FIVE_SECONDS + "reboot.after = 0\n", rtc);
        first.runFor(20_000);
        first.wifi.drop();
        first.runFor(60_000);
        assertTrue(first.node.queuedReadings() > 0);
        rtc.powerCut();

        TestPot second = boot(FIVE_SECONDS, rtc);
        assertEquals(1, second.node.boot(), "noise after a power cut is not taken for a state");
        assertEquals(0, second.node.queuedReadings());
        assertTrue(second.log.all().contains("retained memory holds no state"), second.log.all());
    }

    @Test
    void withAFlashMarkAPowerCutCarriesOnAboveEverySeqUsedAndReportsTheLossAsDropped() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        MemorySettingsStore flash = new MemorySettingsStore();
        TestPot first = new TestPot(FIVE_SECONDS + "reboot.after = 0\n", new MemorySettingsStore(), false, rtc, flash);
        first.runFor(300 * 5000L);
        first.wifi.drop();
        first.runFor(60_000);
        long taken = first.node.readingsTaken();
        long lastDelivered = first.publishedSeqs().get(first.publishedSeqs().size() - 1);
        assertEquals(taken - 1 - lastDelivered, first.node.queuedReadings());
        rtc.powerCut();

        TestPot second = new TestPot(FIVE_SECONDS, new MemorySettingsStore(), false, rtc, flash);
        assertEquals(2, second.node.boot(), "the boot counter outlives the power cut in flash");
        second.runFor(1);
        long resumed = second.publishedSeqs().get(0);
        assertEquals(2 * 256, resumed, "seq carries on from the mark's ceiling, above every seq used");
        assertTrue(resumed >= taken);
        long dropped = second.field("dropped").get(0);
        assertEquals(resumed - 256, dropped, "everything from the oldest undelivered reading at the last mark is reported");
        assertTrue(dropped >= taken - lastDelivered - 1, "the report covers every reading the power cut lost");
        assertTrue(dropped <= 256 + first.node.queuedReadings() + 256, "and is bounded");
    }
}
