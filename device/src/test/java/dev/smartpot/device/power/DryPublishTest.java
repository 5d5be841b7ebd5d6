package dev.smartpot.device.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.fakes.TestPot;
import dev.smartpot.device.reading.MoistureScale;

/**
 * In deep sleep the pot publishes at once when the soil becomes dry or stops being dry, with hysteresis, the core
 * rebuilt at each wake so the "was dry" flag lives only in retained memory. Moisture here is set through the raw
 * counts: the defaults map 3200 counts to 0 % and 1400 to 100 %, 18 counts a point.
 */
class DryPublishTest {

    private static final String BATTERY = "power.mode = deep-sleep\npublish.interval = 15m\nsleep.publish.every = 4\n"
            + "reboot.after = 0\nhomeassistant.discovery = false\n";

    private final RamRetainedMemory rtc = new RamRetainedMemory(6144);
    private final MemorySettingsStore flash = new MemorySettingsStore();
    private final List<Long> seqs = new ArrayList<>();
    private final List<Integer> publishingWakes = new ArrayList<>();
    private final StringBuilder log = new StringBuilder();
    private int wakes;

    /** Counts for {@code percent} moisture with the default calibration. */
    private static int raw(double percent) {
        return (int) Math.round(3200 - percent * 18);
    }

    /** One wake reading {@code percent} moisture; returns whether it published. */
    private boolean wake(double percent, String extra) {
        TestPot pot = new TestPot(BATTERY + extra, new MemorySettingsStore(), false, rtc, flash, millis -> { });
        pot.raw = raw(percent);
        pot.node.run();
        boolean published = pot.wifi.joins > 0;
        if (published) {
            publishingWakes.add(wakes);
        }
        seqs.addAll(pot.publishedSeqs());
        log.append(pot.log.all()).append('\n');
        wakes++;
        return published;
    }

    private boolean wake(double percent) {
        return wake(percent, "");
    }

    @Test
    void theSoilBecomingDryIsPublishedAtOnceWithTheReadingsKeptBeforeIt() {
        assertTrue(wake(50), "the first boot publishes");
        assertFalse(wake(45));
        assertTrue(wake(28), "28 % is below the default 30 %: at once, not at the 4th reading");
        assertEquals(List.of(0L, 1L, 2L), seqs, "the dry reading went out with the one kept before it");
        assertTrue(log.toString().contains("the soil became dry (28.0 % < 30.0 %): publishing at once"), log.toString());
    }

    @Test
    void aReadingHoveringAtTheThresholdDoesNotWakeTheRadioEachTime() {
        wake(50);
        assertTrue(wake(29.5), "became dry");
        // Around the threshold, but never 3 points above it: still dry, published only every 4th reading.
        double[] hovering = {30.5, 29.5, 31, 29, 32.5, 30, 31.5};
        for (double percent : hovering) {
            wake(percent);
        }
        assertEquals(List.of(0, 1, 5), publishingWakes, "only the scheduled 4th reading after the dry one: " + log);
        assertFalse(log.toString().contains("no longer dry"), log.toString());
    }

    @Test
    void theSoilComingBackAboveTheHysteresisIsPublishedAtOnce() {
        wake(50);
        wake(25);
        assertFalse(wake(32.5), "32.5 % is under 30 + 3: still dry");
        assertTrue(wake(40), "watered: no longer dry, at once");
        assertTrue(log.toString().contains("the soil is no longer dry (40.0 % >= 33.0 %): publishing at once"), log.toString());
        assertFalse(wake(39.9), "wet and staying wet: nothing to say");
        assertEquals(List.of(0, 1, 3), publishingWakes);
    }

    @Test
    void theDryFlagSurvivesASensorFaultWithoutASecondAlarm() {
        wake(50);
        wake(20);
        TestPot faulty = new TestPot(BATTERY, new MemorySettingsStore(), false, rtc, flash, millis -> { });
        faulty.sensorBroken = true;
        faulty.node.run();
        assertTrue(faulty.wifi.joins > 0, "a fault publishes at once");
        wakes++;
        assertTrue(wake(22), "the sensor back is a change of its own");
        String all = log.toString();
        assertEquals(1, all.split("the soil became dry", -1).length - 1, "dry once, not again after the fault: " + all);
        assertFalse(all.contains("no longer dry"), all);
    }

    @Test
    void zeroTurnsTheDryTriggerOff() {
        wake(50, "sleep.publish.dry.below = 0\n");
        assertFalse(wake(5, "sleep.publish.dry.below = 0\n"));
        assertFalse(wake(60, "sleep.publish.dry.below = 0\n"));
        assertEquals(List.of(0), publishingWakes);
    }

    @Test
    void theThresholdIsConfigurable() {
        wake(50, "sleep.publish.dry.below = 45\n");
        assertTrue(wake(44, "sleep.publish.dry.below = 45\n"));
        assertTrue(log.toString().contains("the soil became dry (44.0 % < 45.0 %)"), log.toString());
    }

    @Test
    void theConditionPacksTheFaultAndTheDryFlagInOneRetainedInt() {
        int dry = SoilCondition.of(MoistureScale.OK, 250, 0, 300);
        assertEquals(SoilCondition.DRY, dry);
        assertTrue(SoilCondition.isDry(dry));
        assertEquals(MoistureScale.OK, SoilCondition.fault(dry));
        int faultWhileDry = SoilCondition.of(MoistureScale.FAULT_DISCONNECTED, 0, dry, 300);
        assertEquals(MoistureScale.FAULT_DISCONNECTED, SoilCondition.fault(faultWhileDry));
        assertTrue(SoilCondition.isDry(faultWhileDry), "a fault keeps the last known dryness");
        // A state kept before the flag existed is a bare fault code: it reads as not dry.
        assertFalse(SoilCondition.isDry(MoistureScale.FAULT_OUT_OF_RANGE));
        assertEquals(MoistureScale.FAULT_OUT_OF_RANGE, SoilCondition.fault(MoistureScale.FAULT_OUT_OF_RANGE));
        // Hysteresis at the edges: dry below 30.0 %, no longer dry from 33.0 %.
        assertFalse(SoilCondition.isDry(SoilCondition.of(MoistureScale.OK, 300, 0, 300)));
        assertTrue(SoilCondition.isDry(SoilCondition.of(MoistureScale.OK, 299, 0, 300)));
        assertTrue(SoilCondition.isDry(SoilCondition.of(MoistureScale.OK, 329, dry, 300)));
        assertFalse(SoilCondition.isDry(SoilCondition.of(MoistureScale.OK, 330, dry, 300)));
    }
}
