package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.kit.GivenPot.givenPot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.device.PotNode;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MothershipStandIn;

/**
 * Nothing lost to a reset, against a real Mosquitto with an independent subscriber: a reboot escalation in an
 * outage keeps the queue in the simulated RTC memory, a clean stop with the link down keeps it for the next run,
 * and a power cut loses only what RTC memory held, reported as dropped.
 */
class RetainedMemoryIT {

    private static final String READINGS = MothershipStandIn.READINGS;

    private Mosquitto broker;
    private MothershipStandIn mothership;
    private final List<RunningPot> pots = new ArrayList<>();

    @BeforeEach
    void start() {
        broker = Mosquitto.start();
        mothership = MothershipStandIn.on(broker.uri(), READINGS);
    }

    @AfterEach
    void stop() {
        for (RunningPot pot : pots) {
            pot.close();
        }
        mothership.close();
        broker.close();
    }

    private RunningPot pot(String extra, PotMemory memory) {
        RunningPot pot = givenPot().withConfig(extra).keepingMemoryIn(memory).on(broker);
        pots.add(pot);
        return pot;
    }

    private List<Long> distinctSeqs() {
        return new ArrayList<>(new LinkedHashSet<>(mothership.seqs(READINGS)));
    }

    private static List<Long> range(long from, long toInclusive) {
        List<Long> out = new ArrayList<>();
        for (long s = from; s <= toInclusive; s++) {
            out.add(s);
        }
        return out;
    }

    /** Waits until the queue is drained and the mothership has every reading taken so far; returns the last seq. */
    private long awaitDelivered(RunningPot pot) {
        Awaitility.await("queue drained").atMost(Duration.ofSeconds(20))
                .until(() -> pot.node().state() == PotNode.ONLINE && pot.node().queuedReadings() == 0);
        long last = pot.node().readingsTaken() - 1;
        Awaitility.await("mothership has #" + last).atMost(Duration.ofSeconds(20))
                .until(() -> mothership.seqs(READINGS).contains(last));
        return last;
    }

    /**
     * Every seq from 0 once and in order, at least up to {@code last}; the pot keeps reading meanwhile, so the
     * mothership may already have a few more.
     */
    private void assertEverySeqOnceUpTo(long last, String console) {
        List<Long> seqs = distinctSeqs();
        long newest = seqs.get(seqs.size() - 1);
        assertTrue(newest >= last, "the mothership has up to #" + newest + ", expected #" + last);
        assertEquals(range(0, newest), seqs, "every seq once, in order\n" + console);
    }

    @Test
    void aRebootEscalatedDuringAnOutageLosesNoReading() throws Exception {
        RunningPot pot = pot("reboot.after = 10s\n", PotMemory.inRam());
        mothership.awaitCount(READINGS, 3, Duration.ofSeconds(15));
        broker.kill();
        Awaitility.await("the pot reboots itself").atMost(Duration.ofSeconds(30)).until(() -> pot.boots() == 2);
        Awaitility.await("readings queue up after the reboot").atMost(Duration.ofSeconds(10))
                .until(() -> pot.node().queuedReadings() > 35);
        broker.restart();
        assertEverySeqOnceUpTo(awaitDelivered(pot), pot.console());
        assertTrue(mothership.payloads(READINGS).stream().noneMatch(p -> p.contains("\"dropped\"")));
        assertTrue(mothership.payloads(READINGS).get(mothership.payloads(READINGS).size() - 1).contains("\"boot\":2,"));
        assertTrue(pot.console().contains("its queue kept in RTC memory"), pot.console());
    }

    @Test
    void aCleanStopWithTheLinkDownKeepsTheQueueForTheNextRun(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("pot.properties");
        Files.writeString(config, "");
        RunningPot first = pot("", PotMemory.besideConfig(config));
        mothership.awaitCount(READINGS, 3, Duration.ofSeconds(15));
        first.wlan().setAccessPointOn(false);
        Awaitility.await("readings queue up").atMost(Duration.ofSeconds(10)).until(() -> first.node().queuedReadings() >= 5);
        first.close();
        int kept = first.node().queuedReadings();
        long taken = first.node().readingsTaken();
        assertTrue(Files.exists(dir.resolve("pot.properties.rtc")));
        assertTrue(first.console().contains("kept " + kept + " queued readings in " + dir.resolve("pot.properties.rtc")),
                first.console());

        RunningPot second = pot("", PotMemory.besideConfig(config));
        Awaitility.await("next run delivers").atMost(Duration.ofSeconds(15))
                .until(() -> second.node() != null && second.node().readingsTaken() > taken + 2);
        assertEverySeqOnceUpTo(awaitDelivered(second), second.console());
        assertTrue(second.console().contains("restarted (boot 2): " + kept + " queued readings kept, seq from " + taken),
                second.console());
    }

    @Test
    void aPowerCutLosesOnlyWhatRtcMemoryHeldAndSaysSo() throws Exception {
        RunningPot pot = pot("reboot.after = 0\n", PotMemory.inRam());
        mothership.awaitCount(READINGS, 3, Duration.ofSeconds(15));
        pot.wlan().setAccessPointOn(false);
        Awaitility.await("readings queue up").atMost(Duration.ofSeconds(10)).until(() -> pot.node().queuedReadings() >= 5);
        PotNode before = pot.node();
        pot.simulated().powerCut();
        Awaitility.await("booted again").atMost(Duration.ofSeconds(10)).until(() -> pot.node() != before);
        long lostFrom = before.readingsTaken() - before.queuedReadings();
        pot.wlan().setAccessPointOn(true);
        awaitDelivered(pot);
        List<Long> seqs = distinctSeqs();
        assertEquals(range(0, lostFrom - 1), seqs.subList(0, (int) lostFrom), "everything delivered before the cut arrived");
        long resumed = seqs.get((int) lostFrom);
        assertEquals(256, resumed, "seq carries on from the flash mark, above every seq used");
        String first = mothership.payloads(READINGS).stream().filter(p -> p.contains("\"seq\":256,")).findFirst().orElseThrow();
        assertTrue(first.contains("\"boot\":2,") && first.contains("\"dropped\":256"), first);
        assertTrue(pot.console().contains("retained memory was lost (a power cut)"), pot.console());
    }
}
