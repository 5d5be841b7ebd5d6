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
import dev.smartpot.device.fakes.FakeTransport;
import dev.smartpot.device.fakes.FakeWifi;
import dev.smartpot.device.fakes.TestPot;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;

/**
 * The fewest round trips per deep-sleep wake, on fakes and a manual clock with the core rebuilt at each wake: a wake
 * whose broker kept the session this pot set up subscribes to nothing (and skips the delivery check it passed), any
 * doubt sets the session up again; the WiFi join goes straight to the access point saved from the last one and scans
 * when it moved.
 */
class FastWakeTest {

    private static final String BATTERY = "power.mode = deep-sleep\npublish.interval = 15m\nsleep.publish.every = 4\n"
            + "reboot.after = 0\nhomeassistant.discovery = false\n";
    private static final String COMMANDS = "from_mothership";
    private static final String OWN_COMMANDS = "from_mothership/" + TestPot.ID;
    private static final String ACKS = OWN_COMMANDS + "/ack";

    private final RamRetainedMemory rtc = new RamRetainedMemory(6144);
    private final MemorySettingsStore flash = new MemorySettingsStore();
    /** One broker's persistent sessions, across the wakes. */
    private final Map<String, List<String>> broker = new HashMap<>();
    private final List<Long> seqs = new ArrayList<>();
    private int wifiChannel = 6;

    /** One wake against the shared broker; {@code before} adjusts the fakes first. */
    private TestPot wake(String extra, java.util.function.Consumer<TestPot> before) {
        TestPot pot = new TestPot(BATTERY + extra, new MemorySettingsStore(), false, rtc, flash, millis -> { });
        pot.mqtt.brokerSessions = broker;
        pot.wifi.channel = wifiChannel;
        before.accept(pot);
        pot.node.run();
        seqs.addAll(pot.publishedSeqs());
        return pot;
    }

    private TestPot wake(String extra) {
        return wake(extra, pot -> { });
    }

    /** Three reading-only wakes, then the publishing one. */
    private TestPot nextPublishingWake(String extra, java.util.function.Consumer<TestPot> before) {
        for (int i = 0; i < 3; i++) {
            TestPot quiet = wake(extra);
            assertTrue(quiet.mqtt.connects.isEmpty(), "a reading-only wake stays off the air");
        }
        return wake(extra, before);
    }

    private static String wakeLine(TestPot pot) {
        for (String line : pot.log.all().split("\n")) {
            if (line.contains("wake: reading #")) {
                return line;
            }
        }
        throw new AssertionError("no wake line in\n" + pot.log.all());
    }

    @Test
    void aWakeWhoseBrokerKeptTheSessionSubscribesToNothingAndStillPublishes() {
        TestPot first = wake("");
        assertEquals(List.of(ACKS, COMMANDS, OWN_COMMANDS), first.mqtt.subscriptions, "the first wake sets the session up");
        assertEquals(MqttTransport.SESSION_NEW, first.mqtt.lastSessionState);

        TestPot later = nextPublishingWake("", pot -> { });
        assertEquals(MqttTransport.SESSION_PRESENT, later.mqtt.lastSessionState);
        assertEquals(List.of(), later.mqtt.subscriptions, "the broker still holds both subscriptions");
        assertEquals(List.of(ACKS, COMMANDS, OWN_COMMANDS), broker.get(TestPot.ID));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seqs);
        assertTrue(later.log.all().contains("still subscribed to from_mothership"), later.log.all());
        // CONNECT, 4 readings at QoS 1, the sleeping status: no SUBSCRIBE.
        assertTrue(wakeLine(later).endsWith("; 6 round trips to the broker (session kept, no SUBSCRIBE; WiFi: saved access point)"),
                wakeLine(later));
        // CONNECT, 3 SUBSCRIBEs (acknowledgements, commands, own commands), the about (retained: kept wakes do not send
        // it again), 4 cleared discovery configs (the battery's too), 1 reading, the status.
        assertTrue(wakeLine(first).endsWith("; 11 round trips to the broker (session set up)"), wakeLine(first));
    }

    @Test
    void aBrokerThatLostTheSessionGetsTheSubscriptionsAgain() {
        wake("");
        TestPot afterRestart = nextPublishingWake("", pot -> pot.mqtt.brokerLosesSessions());
        assertEquals(MqttTransport.SESSION_NEW, afterRestart.mqtt.lastSessionState);
        assertEquals(List.of(ACKS, COMMANDS, OWN_COMMANDS), afterRestart.mqtt.subscriptions);
        TestPot next = nextPublishingWake("", pot -> { });
        assertEquals(List.of(), next.mqtt.subscriptions, "set up again, kept again");
    }

    @Test
    void aTransportThatCannotTellSubscribesAtEveryWake() {
        wake("", pot -> pot.mqtt.hidesSessionPresent = true);
        TestPot later = nextPublishingWake("", pot -> pot.mqtt.hidesSessionPresent = true);
        assertEquals(List.of(ACKS, COMMANDS, OWN_COMMANDS), later.mqtt.subscriptions);
    }

    @Test
    void otherTopicsThanLastTimeAreSubscribedAlthoughTheSessionWasKept() {
        wake("");
        TestPot moved = nextPublishingWake("mqtt.topic.subscribe = garden/commands\n", pot -> { });
        assertEquals(MqttTransport.SESSION_PRESENT, moved.mqtt.lastSessionState);
        assertEquals(List.of(ACKS, "garden/commands", "garden/commands/" + TestPot.ID), moved.mqtt.subscriptions);
    }

    @Test
    void aSessionWhoseSubscriptionWasRefusedIsNeverTrusted() {
        wake("", pot -> pot.mqtt.subscribeFailure = new MqttTransportException(MqttTransportException.REFUSED, "not authorised"));
        TestPot later = nextPublishingWake("", pot -> { });
        assertEquals(MqttTransport.SESSION_PRESENT, later.mqtt.lastSessionState);
        assertEquals(List.of(ACKS, COMMANDS, OWN_COMMANDS), later.mqtt.subscriptions, "tried again, not assumed");
    }

    @Test
    void theDeliveryCheckRunsWhenTheSessionIsSetUpAndNotAgainWhileItIsKept() {
        String login = "mqtt.username = pot\nmqtt.password = secret-1\n";
        TestPot first = wake(login);
        assertTrue(first.mqtt.subscriptions.contains("to_mothership"), "the first wake checks delivery: " + first.mqtt.subscriptions);
        assertEquals(List.of("to_mothership"), first.mqtt.unsubscriptions);
        TestPot later = nextPublishingWake(login, pot -> { });
        assertEquals(List.of(), later.mqtt.subscriptions);
        assertEquals(List.of(), later.mqtt.unsubscriptions);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seqs);
    }

    @Test
    void aSessionWhoseDeliveryCheckNeverPassedIsCheckedAgain() {
        String login = "mqtt.username = pot\nmqtt.password = secret-1\n";
        TestPot denied = wake(login, pot -> pot.mqtt.deniedTopics.add("to_mothership"));
        assertEquals(List.of(), denied.publishedSeqs(), "held back: the broker drops them");
        // The reading kept counts towards the next publish: two quiet wakes, then the one that publishes.
        wake(login);
        wake(login);
        TestPot later = wake(login);
        assertEquals(MqttTransport.SESSION_PRESENT, later.mqtt.lastSessionState);
        assertTrue(later.mqtt.subscriptions.contains("to_mothership"), "checked again: " + later.mqtt.subscriptions);
        assertEquals(List.of(0L, 1L, 2L, 3L), seqs, "and delivered once it passed");
    }

    @Test
    void homeAssistantIsAnnouncedWhenTheSessionIsSetUpAndAgainOnlyWhenWhatItAnnouncesChanged() {
        String discovery = "homeassistant.discovery = true\n";
        TestPot first = wake(discovery);
        assertTrue(first.mqtt.subscriptions.contains("homeassistant/status"), first.mqtt.subscriptions.toString());
        int configs = countConfigs(first);
        assertTrue(configs >= 3, "announced: " + first.mqtt.sent);

        TestPot kept = nextPublishingWake(discovery, pot -> { });
        assertEquals(List.of(), kept.mqtt.subscriptions);
        assertEquals(0, countConfigs(kept), "retained by the broker since the session was set up");

        TestPot renamed = nextPublishingWake(discovery + "device.name = Kitchen basil\n", pot -> { });
        assertEquals(configs, countConfigs(renamed), "the configs say another name: announced again");
        assertTrue(renamed.mqtt.sentTo("homeassistant/sensor/" + TestPot.ID + "/moisture/config").stream()
                .anyMatch(s -> s.payload().contains("Kitchen basil")), renamed.mqtt.sent.toString());
    }

    private static int countConfigs(TestPot pot) {
        int n = 0;
        for (FakeTransport.Sent s : pot.mqtt.sent) {
            if (s.topic().startsWith("homeassistant/") && s.topic().endsWith("/config")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theJoinGoesToTheSavedAccessPointAndScansWhenItMoved() {
        TestPot first = wake("");
        assertEquals(List.of("scan"), first.wifi.joinKinds, "nothing saved at the first power-up");
        TestPot hinted = nextPublishingWake("", pot -> { });
        assertEquals(List.of("hint " + Long.toHexString(FakeWifi.ACCESS_POINT) + "/6"), hinted.wifi.joinKinds);
        assertTrue(hinted.log.all().contains("WiFi joined \"Net\" (saved access point, channel 6)"), hinted.log.all());

        wifiChannel = 11;
        TestPot moved = nextPublishingWake("", pot -> { });
        assertEquals(List.of("hint " + Long.toHexString(FakeWifi.ACCESS_POINT) + "/6", "scan"), moved.wifi.joinKinds,
                "the stale hint failed, the same attempt scanned");
        assertTrue(moved.log.all().contains("did not answer (no beacon from that access point on channel 6): scanning every channel"),
                moved.log.all());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), seqs);
        TestPot after = nextPublishingWake("", pot -> { });
        assertEquals(List.of("hint " + Long.toHexString(FakeWifi.ACCESS_POINT) + "/11"), after.wifi.joinKinds, "the new channel was saved");
    }

    @Test
    void aStaticAddressGoesToTheBoardsLinkBeforeTheJoin() {
        TestPot pot = wake("wifi.ip = 192.168.1.50\nwifi.netmask = 255.255.255.0\nwifi.gateway = 192.168.1.1\n");
        assertEquals("192.168.1.50 (netmask 255.255.255.0, gateway 192.168.1.1, DNS 192.168.1.1)", String.valueOf(pot.wifi.staticAddress));
        assertEquals(List.of(0L), seqs);
    }
}
