package dev.smartpot.device.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.BootReport;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.fakes.FakeTransport;
import dev.smartpot.device.fakes.TestPot;
import dev.smartpot.protocol.ConnectDecoder;
import dev.smartpot.protocol.ConnectPhases;
import dev.smartpot.protocol.WakePhases;
import dev.smartpot.protocol.WireTopics;

/**
 * An always-on pot records each connect's phases on its own retained topic, on its manual clock, and its status keeps
 * the tutorial's plain words; a battery pot's wake sends no record (its asleep status carries its phases).
 */
class ConnectRecordTest {

    private static final String CONNECT_TOPIC = WireTopics.connect(TestPot.ID);

    private static List<ConnectPhases> records(TestPot pot) {
        List<ConnectPhases> out = new ArrayList<>();
        for (FakeTransport.Sent s : pot.mqtt.sentTo(CONNECT_TOPIC)) {
            assertTrue(s.retained() && s.qos() == 1, "retained at QoS 1, as the status: " + s);
            out.add(assertDecodes(s.payload()));
        }
        return out;
    }

    private static ConnectPhases assertDecodes(String payload) {
        ConnectPhases p = ConnectDecoder.decode(TestPot.ID, payload).phases;
        assertNotNull(p, payload);
        return p;
    }

    private static TestPot slowLinkPot(BootReport report) {
        TestPot pot = new TestPot("", new MemorySettingsStore(), false, null, null, null, report);
        pot.wifi.blockingClock = pot.clock;
        pot.mqtt.blockingClock = pot.clock;
        pot.wifi.joinBlocks = 1700;
        pot.mqtt.connectBlocks = 35;
        return pot;
    }

    @Test
    void theFirstConnectRecordsItsJoinConnectAndSessionOnThePotsClock() {
        TestPot pot = slowLinkPot(new BootReport() {
            public long bootMillis() {
                return 412;
            }

            public String resetReason() {
                return "brownout";
            }
        });
        pot.mqtt.subscribeBlocks = 4;
        pot.runFor(3000);

        List<ConnectPhases> records = records(pot);
        assertEquals(1, records.size());
        ConnectPhases first = records.get(0);
        assertEquals(pot.node.boot(), first.boot);
        assertEquals(1, first.connect);
        assertEquals("brownout", first.reset);
        assertEquals(412, first.bootMillis);
        assertEquals(1700, first.wifiMillis);
        assertEquals(35, first.mqttMillis);
        assertTrue(first.sessionMillis >= 4, "the session set-up includes the SUBSCRIBE's wait: " + first.sessionMillis);
        assertEquals(1700 + 35 + first.sessionMillis, first.firstPublishMillis);
        assertEquals(1700 + 35 + first.sessionMillis, first.upMillis);
        assertNull(first.reason, "a boot's first connect has no reconnect to explain");
        assertEquals(List.of("online"), pot.mqtt.sentTo(WireTopics.status(TestPot.ID)).stream().map(FakeTransport.Sent::payload)
                .toList(), "the status keeps the tutorial's word");
    }

    @Test
    void aReconnectSaysWhyTheLinkWentDownAndLeavesOutAJoinItDidNotNeed() {
        TestPot pot = slowLinkPot(null);
        pot.runFor(3000);
        pot.mqtt.breakLink("broker gone");
        pot.runFor(60_000);

        List<ConnectPhases> records = records(pot);
        assertEquals(2, records.size(), "one record per connect");
        ConnectPhases second = records.get(1);
        assertEquals(2, second.connect);
        assertEquals(WakePhases.RESET_POWER_ON, second.reset);
        assertEquals(ConnectPhases.UNKNOWN, second.bootMillis, "a board that measured no boot sends none");
        assertEquals(ConnectPhases.UNKNOWN, second.wifiMillis, "WiFi stayed up");
        assertEquals(35, second.mqttMillis);
        assertTrue(second.reason.contains("broker gone"), second.reason);
        assertTrue(second.upMillis > records.get(0).upMillis);
    }

    @Test
    void aLostWifiIsJoinedAgainAndTimedInTheRecord() {
        TestPot pot = slowLinkPot(null);
        pot.runFor(3000);
        pot.wifi.leave();
        pot.runFor(60_000);

        ConnectPhases second = records(pot).get(1);
        assertTrue(second.wifiMillis >= 0, "the join again is timed");
        assertEquals(second.wifiMillis + 35 + second.sessionMillis, second.firstPublishMillis);
        assertTrue(second.reason.contains("WiFi"), second.reason);
    }

    @Test
    void aBatteryPotsWakeSendsNoConnectRecord() {
        List<Long> sleeps = new ArrayList<>();
        TestPot pot = new TestPot("power.mode = deep-sleep\npublish.interval = 15m\nsleep.publish.every = 1\n"
                + "homeassistant.discovery = false\n", new MemorySettingsStore(), false, new RamRetainedMemory(6144), new MemorySettingsStore(), sleeps::add);
        pot.node.run();
        assertEquals(1, sleeps.size());
        assertTrue(pot.mqtt.sentTo(CONNECT_TOPIC).isEmpty(), "its asleep status carries the wake's phases");
    }
}
