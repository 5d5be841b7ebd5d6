package dev.smartpot.device.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.fakes.TestPot;

/**
 * Deep sleep with a mothership that confirms, on fakes and a manual clock with the core rebuilt at each wake: what the
 * broker took and the mothership has not confirmed stays in retained memory and is not sent again by a later wake
 * (its bytes would differ), the confirmation a wake hears at subscribe lets it go, and a wake waits at most
 * {@link WakeCycle#ACK_WAIT_MILLIS} beyond sleep.listen for its own.
 */
class ConfirmedWakeTest {

    private static final String BATTERY = "power.mode = deep-sleep\npublish.interval = 15m\nsleep.publish.every = 4\n"
            + "reboot.after = 0\nhomeassistant.discovery = false\n";
    private static final String ACK = "from_mothership/" + TestPot.ID + "/ack";

    private final RamRetainedMemory rtc = new RamRetainedMemory(6144);
    private final MemorySettingsStore flash = new MemorySettingsStore();
    private final Map<String, List<String>> broker = new HashMap<>();
    private final List<Long> seqs = new ArrayList<>();

    private TestPot wake(java.util.function.Consumer<TestPot> before) {
        TestPot pot = new TestPot(BATTERY, new MemorySettingsStore(), false, rtc, flash, millis -> { });
        pot.mqtt.brokerSessions = broker;
        before.accept(pot);
        pot.node.run();
        seqs.addAll(pot.publishedSeqs());
        return pot;
    }

    private static String listen(TestPot pot) {
        String line = pot.log.all().lines().filter(l -> l.contains("wake: reading #")).findFirst().orElseThrow();
        return line.substring(line.indexOf("listen "), line.indexOf(';', line.indexOf("listen ")));
    }

    @Test
    void whatTheMothershipHasNotConfirmedSleepsInRetainedMemoryAndItsWordLetsItGo() {
        // A mothership that knows this pot but has none of its readings yet: its retained word comes at subscribe.
        TestPot first = wake(pot -> pot.mqtt.deliverRetained(ACK, "{\"runs\":[]}"));
        assertEquals(List.of(0L), seqs);
        assertEquals("listen 70", listen(first), "sleep.listen, then at most 20 ms more for the confirmation");
        assertTrue(first.log.has("(1 readings kept in retained memory)"), first.log.all());

        for (int i = 0; i < 3; i++) {
            wake(pot -> { });
        }
        // The next publishing wake hears at subscribe that #0 is stored, and its own readings confirmed as they go.
        TestPot publishing = wake(pot -> {
            pot.mqtt.deliverRetained(ACK, "{\"runs\":[{\"boot\":1,\"from\":0,\"to\":0}]}");
            pot.mqtt.floodEachPublish(ACK, "{\"runs\":[{\"boot\":1,\"from\":0,\"to\":4}]}", 100, pot.clock, 0);
        });
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seqs, "#0 is not sent again");
        assertEquals("listen 50", listen(publishing), "confirmed: no wait beyond sleep.listen");
        assertTrue(publishing.log.has("(0 readings kept in retained memory)"), publishing.log.all());
    }

    @Test
    void aBrokerAloneCostsAWakeNothing() {
        TestPot first = wake(pot -> { });
        assertEquals("listen 50", listen(first));
        assertTrue(first.log.has("(0 readings kept in retained memory)"), first.log.all());
    }
}
