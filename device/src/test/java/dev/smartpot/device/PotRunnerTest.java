package dev.smartpot.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.fakes.ManualClock;
import dev.smartpot.device.fakes.TestPot;

/** The one runner's stop policies where they differ: what ends a wake, and what bounds a clean stop's drain. */
class PotRunnerTest {

    private static final String SLEEPY = "power.mode = deep-sleep\npublish.interval = 15m\nsleep.publish.every = 1\n"
            + "reboot.after = 0\nhomeassistant.discovery = false\n";
    private static final String AWAKE = "publish.interval = 5s\nbackoff.min = 1s\nbackoff.max = 1s\nreboot.after = 0\n";

    private final List<Long> sleeps = new ArrayList<>();

    private TestPot sleepyPot() {
        return new TestPot(SLEEPY, new MemorySettingsStore(), false, new RamRetainedMemory(6144), new MemorySettingsStore(),
                sleeps::add);
    }

    /** Asks {@code pot} to stop once, at {@code at} ms of its uptime, as another thread would. */
    private static void stopAt(TestPot pot, long at) {
        pot.clock.alarm(new ManualClock.Alarm() {
            private boolean rung;

            public long nextAt() {
                return rung ? Long.MAX_VALUE : at;
            }

            public void ring(long now) {
                rung = true;
                pot.node.requestStop();
            }
        });
    }

    @Test
    void aWakeWithoutWifiTriesUntilItsTimeIsUpButAStopEndsItAtOnce() {
        TestPot tries = sleepyPot();
        tries.wifi.drop();
        tries.node.run();
        long awakeTrying = 15 * 60_000L - sleeps.get(0);
        assertTrue(awakeTrying >= 10_000, "a wake with no WiFi keeps trying for its join timeout and 10 s: " + awakeTrying);

        TestPot stopped = sleepyPot();
        stopped.wifi.drop();
        stopAt(stopped, 2_000);
        stopped.node.run();
        assertEquals(2, sleeps.size(), "the stopped wake still ends in deep sleep");
        long awakeStopped = 15 * 60_000L - sleeps.get(1);
        assertTrue(awakeStopped >= 2_000 && awakeStopped < 5_000, "ended at the first tick after the stop: " + awakeStopped);
        assertTrue(stopped.log.all().contains("no link this wake: 1 readings stay queued for the next"), stopped.log.all());
    }

    @Test
    void aCleanStopWhoseReadingsGoOutSlowlyGivesUpAfterItsDrainTime() {
        TestPot pot = new TestPot(AWAKE);
        pot.runFor(1);
        pot.wifi.drop();
        pot.runFor(400_000);
        int queued = pot.node.queuedReadings();
        pot.wifi.networkUp = true;
        while (pot.node.state() != PotNode.ONLINE) {
            pot.clock.advance(100);
            pot.node.tick();
        }
        // Each publish now holds the loop for 200 ms: the 10 s of a clean stop deliver some, not all.
        pot.mqtt.blockingClock = pot.clock;
        pot.mqtt.publishBlocks = 200;

        pot.node.requestStop();
        pot.node.run();

        int left = pot.node.queuedReadings();
        assertTrue(left > 0 && left < queued, "delivered some of " + queued + ", kept " + left);
        assertTrue(pot.log.all().contains("stopping with " + left + " readings still queued: not delivered within 10s"),
                pot.log.all());
    }
}
