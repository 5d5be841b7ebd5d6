package dev.smartpot.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.fakes.TestPot;

/** A clean stop delivers what is queued while the link is up, and otherwise keeps it for the next start. */
class CleanStopTest {

    private static final String CONFIG = "publish.interval = 5s\nbackoff.min = 1s\nbackoff.max = 1s\nreboot.after = 0\n";

    @Test
    void aStopWithTheLinkUpDeliversTheQueueFirst() {
        TestPot pot = new TestPot(CONFIG);
        pot.runFor(1);
        pot.wifi.drop();
        pot.runFor(60_000);
        int queued = pot.node.queuedReadings();
        assertTrue(queued >= 10, "queued while offline: " + queued);
        pot.wifi.networkUp = true;
        while (pot.node.state() != PotNode.ONLINE) {
            pot.clock.advance(100);
            pot.node.tick();
        }
        assertEquals(queued, pot.node.queuedReadings(), "connected, nothing sent yet");

        pot.node.requestStop();
        pot.node.run();

        assertEquals(0, pot.node.queuedReadings());
        assertEquals(pot.node.readingsTaken(), pot.publishedSeqs().size());
        assertTrue(pot.log.all().contains("stopping: delivering " + queued + " queued readings first (waiting up to 10s)"),
                pot.log.all());
    }

    @Test
    void aStopWithTheLinkDownKeepsTheQueueForTheNextStart() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        TestPot pot = new TestPot(CONFIG, new MemorySettingsStore(), false, rtc);
        pot.wifi.drop();
        pot.runFor(30_000);
        pot.node.requestStop();
        // run() starts the readings thread before it sees the stop: the reading due at 30 s may or may not be taken
        // (a race between two threads), so what is kept is counted after the run: every reading taken, none sent.
        pot.node.run();
        int queued = pot.node.queuedReadings();
        assertEquals(pot.node.readingsTaken(), queued);
        assertTrue(queued >= 6, "the readings of the outage are kept: " + queued);

        TestPot next = new TestPot(CONFIG, new MemorySettingsStore(), false, rtc);
        assertEquals(queued, next.node.queuedReadings());
        next.runFor(1);
        assertEquals(queued + 1, next.publishedSeqs().size());
    }
}
