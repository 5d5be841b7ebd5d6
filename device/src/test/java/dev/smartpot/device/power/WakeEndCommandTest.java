package dev.smartpot.device.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.fakes.TestPot;

/**
 * A command that reaches the pot after a deep-sleep wake's last tick (here: while it says goodbye, the moment a
 * mothership that watches the status sends what it kept) is never lost, on fakes and a manual clock with the core
 * rebuilt at each wake. A transport that holds the acknowledgement back leaves it to the broker, which delivers it
 * again at the next publishing wake; one that acknowledged it on arrival (the board's) has it handled before sleep.
 */
class WakeEndCommandTest {

    private static final String BATTERY = "power.mode = deep-sleep\npublish.interval = 15m\nsleep.publish.every = 4\n"
            + "reboot.after = 0\nhomeassistant.discovery = false\n";
    private static final String COMMAND_TOPIC = "from_mothership/" + TestPot.ID;
    private static final String STATUS_TOPIC = "to_mothership/" + TestPot.ID + "/status";

    private final RamRetainedMemory rtc = new RamRetainedMemory(6144);
    private final MemorySettingsStore flash = new MemorySettingsStore();
    /** One broker across the wakes: its persistent sessions and what they left unacknowledged. */
    private final Map<String, List<String>> sessions = new HashMap<>();
    private final Map<String, List<String[]>> unacked = new HashMap<>();

    private TestPot wake(Consumer<TestPot> before) {
        TestPot pot = new TestPot(BATTERY, new MemorySettingsStore(), true, rtc, flash, millis -> { });
        pot.mqtt.brokerSessions = sessions;
        pot.mqtt.brokerUnacked = unacked;
        before.accept(pot);
        pot.node.run();
        return pot;
    }

    /** The command comes in while the pot publishes its "asleep" status: after the wake's last tick. */
    private static void commandDuringGoodbye(TestPot pot, String command) {
        boolean[] sent = {false};
        pot.mqtt.onPublish = topic -> {
            if (topic.equals(STATUS_TOPIC) && !sent[0]) {
                sent[0] = true;
                pot.mqtt.deliver(COMMAND_TOPIC, command);
            }
        };
    }

    @Test
    void aCommandNotAcknowledgedBeforeTheWakeEndsIsDeliveredAgainAndCarriedOutAtTheNextPublishingWake() {
        TestPot first = wake(pot -> commandDuringGoodbye(pot, "water 200"));
        assertEquals(List.of(), first.watered, "not carried out after the wake's last tick");
        assertEquals(List.of(), first.mqtt.acked, "and not acknowledged: the broker still owns it");
        assertEquals(1, unacked.getOrDefault(TestPot.ID, List.of()).size(), "kept by the broker for the pot's next session");
        assertTrue(first.log.all().contains("1 message(s) not handled this wake"), first.log.all());

        List<TestPot> quiet = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            quiet.add(wake(pot -> { }));
        }
        TestPot next = wake(pot -> { });
        assertTrue(quiet.stream().allMatch(p -> p.mqtt.connects.isEmpty() && p.watered.isEmpty()), "reading-only wakes stay off the air");
        assertEquals(List.of(200), next.watered, "carried out once, at the next publishing wake");
        assertEquals(List.of(COMMAND_TOPIC + " water 200"), next.mqtt.acked, "acknowledged once handled");
        assertEquals(1, next.replies().size(), next.replies().toString());
        assertTrue(next.replies().get(0).startsWith("{\"ok\":true,\"command\":\"water 200\""), next.replies().toString());
        assertTrue(unacked.getOrDefault(TestPot.ID, List.of()).isEmpty(), "nothing left with the broker");
    }

    @Test
    void aCommandTheTransportAcknowledgedOnArrivalIsCarriedOutBeforeThePotSleeps() {
        TestPot first = wake(pot -> {
            pot.mqtt.acksOnArrival = true;
            commandDuringGoodbye(pot, "water 200");
        });
        assertEquals(List.of(COMMAND_TOPIC + " water 200"), first.mqtt.acked, "the broker counts it delivered");
        assertEquals(List.of(200), first.watered, "so the pot carries it out before it sleeps");
        assertTrue(first.log.all().contains("(" + COMMAND_TOPIC + ", water 200)"), first.log.all());

        for (int i = 0; i < 4; i++) {
            TestPot later = wake(pot -> pot.mqtt.acksOnArrival = true);
            assertEquals(List.of(), later.watered, "and only once");
        }
    }

    @Test
    void commandsBeyondTheInboxAreLeftWithTheBrokerAndAnsweredAtTheNextPublishingWake() {
        // A broker may hand a wake everything it kept at once (Mosquitto before 2.0.13 does): more than the inbox holds.
        TestPot first = wake(pot -> {
            boolean[] sent = {false};
            pot.mqtt.onPublish = topic -> {
                if (!sent[0]) {
                    sent[0] = true;
                    for (int i = 0; i < 40; i++) {
                        pot.mqtt.deliver(COMMAND_TOPIC, "probe-" + i);
                    }
                }
            };
        });
        assertTrue(!first.log.all().contains("dropped unread"), first.log.all());
        int answered = first.replies().size();
        assertTrue(answered < 40, "the inbox holds fewer than 40: " + answered);
        for (int i = 0; i < 3; i++) {
            wake(pot -> { });
        }
        TestPot next = wake(pot -> { });
        assertEquals(40, answered + next.replies().size(), "every command answered once, none dropped");
        assertTrue(unacked.getOrDefault(TestPot.ID, List.of()).isEmpty(), "nothing left with the broker");
    }
}
