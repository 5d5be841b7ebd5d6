package dev.smartpot.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.fakes.FakeTransport;
import dev.smartpot.device.fakes.TestPot;
import dev.smartpot.device.mqtt.MqttTransportException;

class PotNodeTest {

    private static List<Long> seqs(long from, long toInclusive) {
        return LongStream.rangeClosed(from, toInclusive).boxed().collect(Collectors.toList());
    }

    @Test
    void publishesOneReadingEveryIntervalWithACounterFromZero() {
        TestPot pot = new TestPot("publish.interval = 5s\n");
        pot.runFor(20_000);
        assertEquals(seqs(0, 3), pot.publishedSeqs(), pot.log.all());
        assertEquals("{\"id\":\"a4cf12b0c0de\",\"seq\":0,\"boot\":1,\"raw\":2300,\"moisture\":50.0,\"uptime_ms\":0}", pot.readings().get(0));
        assertTrue(pot.log.has("published #2 to to_mothership: moisture 50.0% (raw 2300)"), pot.log.all());
    }

    @Test
    void theTutorialsTextPayloadCountsUp() {
        TestPot pot = new TestPot("payload.format = text\n");
        pot.runFor(11_000);
        assertEquals(List.of("Test to mothership #0", "Test to mothership #1", "Test to mothership #2"), pot.readings());
    }

    @Test
    void connectsWithTheChipIdAsClientIdSubscribesAndSaysOnline() {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        assertEquals(List.of("tcp://10.0.0.1:1883"), pot.mqtt.connects);
        // Commands (the broadcast, then this pot's own topic) and Home Assistant's birth topic. Without a login
        // there is no ACL to drop readings, so no delivery-check echo on the readings topic (LockedBrokerTest).
        // The mothership's acknowledgements first (their retained one comes at once), then commands, then Home Assistant.
        assertEquals(List.of("from_mothership/a4cf12b0c0de/ack", "from_mothership", "from_mothership/a4cf12b0c0de", "homeassistant/status"),
                pot.mqtt.subscriptions);
        assertTrue(pot.mqtt.unsubscriptions.isEmpty());
        assertEquals(List.of(new FakeTransport.Sent("to_mothership/a4cf12b0c0de/status", "online", 1, true)),
                pot.mqtt.sentTo("to_mothership/a4cf12b0c0de/status"));
        assertEquals("to_mothership/a4cf12b0c0de/status", pot.mqtt.lastSettings.willTopic);
        assertEquals("offline", new String(pot.mqtt.lastSettings.willPayload));
    }

    @Test
    void logsEveryMessageAndTheMothershipsAcknowledgement() {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        pot.mqtt.deliver("from_mothership", "wassap!");
        pot.mqtt.deliver("from_mothership", "received");
        pot.runFor(1);
        assertTrue(pot.log.has("(from_mothership, wassap!)"), pot.log.all());
        assertTrue(pot.log.has("(from_mothership, received)"), pot.log.all());
        assertEquals(1, pot.log.count("received notification from mothership"), pot.log.all());
    }

    @Test
    void controlCharactersInAMessageCannotForgeLogLines() {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        pot.mqtt.deliver("from_mothership", "hi\nINFO published #99");
        pot.runFor(1);
        assertTrue(pot.log.has("(from_mothership, hi\\nINFO published #99)"), pot.log.all());
        assertFalse(pot.log.lines.stream().anyMatch(l -> l.startsWith("INFO published #99")));
    }

    @Test
    void readingsTakenWhileTheLinkIsDownArriveLaterInOrder() {
        TestPot pot = new TestPot("publish.interval = 1s\nbackoff.min = 2s\nbackoff.max = 4s\n");
        pot.runFor(3_500);
        pot.mqtt.deadBrokers.add("tcp://10.0.0.1:1883");
        pot.mqtt.breakLink("Connection lost");
        pot.runFor(10_000);
        assertTrue(pot.node.queuedReadings() >= 9, pot.node.statusLine());
        pot.mqtt.deadBrokers.clear();
        pot.runFor(5_000);
        List<Long> got = pot.publishedSeqs();
        assertEquals(seqs(0, got.get(got.size() - 1)), got, "every reading, once, in order");
        assertTrue(got.size() >= 18, got.toString());
        assertEquals(0, pot.node.queuedReadings());
        assertEquals(2, pot.mqtt.subscriptions.stream().filter("from_mothership"::equals).count(), "resubscribed after reconnecting");
        assertTrue(pot.log.has("connection lost: Connection lost"), pot.log.all());
    }

    @Test
    void backsOffExponentiallyAndLogsARepeatedFailureOnce() {
        TestPot pot = new TestPot("backoff.min = 1s\nbackoff.max = 60s\nreboot.after = 0\n");
        pot.mqtt.connectFailure = new MqttTransportException(MqttTransportException.UNREACHABLE, "Connection refused");
        pot.runFor(10 * 60_000);
        int attempts = pot.mqtt.connects.size();
        // 1, 2, 4 ... 60 s with jitter: far fewer than one attempt a second, and never a tight loop.
        assertTrue(attempts >= 10 && attempts <= 60, "attempts in 10 min: " + attempts);
        assertEquals(1, pot.log.count("failed: Connection refused; retrying"), pot.log.all());
        assertTrue(pot.log.has("still offline after 10 attempts"), pot.log.all());
    }

    @Test
    void jitterKeepsEveryDelayBetweenFloorAndCap() {
        TestPot pot = new TestPot("backoff.min = 1s\nbackoff.max = 8s\nreboot.after = 0\n");
        pot.mqtt.deadBrokers.add("tcp://10.0.0.1:1883");
        long last = -1;
        long previousCount = 0;
        for (int i = 0; i < 3000; i++) {
            pot.runFor(100);
            if (pot.mqtt.connects.size() != previousCount) {
                long now = pot.clock.uptimeMillis();
                if (last >= 0) {
                    long gap = now - last;
                    assertTrue(gap >= 1000 && gap <= 8100, "gap " + gap);
                }
                last = now;
                previousCount = pot.mqtt.connects.size();
            }
        }
        assertTrue(previousCount > 30, "attempts " + previousCount);
    }

    @Test
    void rejoinsWifiWhenItDropsThenReconnects() {
        TestPot pot = new TestPot("publish.interval = 1s\nbackoff.min = 1s\nbackoff.max = 2s\n");
        pot.runFor(2_500);
        pot.wifi.drop();
        pot.runFor(5_000);
        assertTrue(pot.log.has("WiFi connection lost"), pot.log.all());
        assertTrue(pot.log.has("WiFi join \"Net\" failed: no network named \"Net\" in range"), pot.log.all());
        pot.wifi.networkUp = true;
        pot.runFor(3_000);
        assertEquals(PotNode.ONLINE, pot.node.state());
        List<Long> got = pot.publishedSeqs();
        assertEquals(seqs(0, got.get(got.size() - 1)), got);
        assertTrue(got.size() >= 9, got.toString());
    }

    @Test
    void wrongWifiPasswordIsLoggedAndNeverPrinted() {
        TestPot pot = new TestPot("reboot.after = 0\n");
        pot.wifi.expectedPassword = "another-one";
        pot.runFor(120_000);
        assertTrue(pot.log.has("wrong password for \"Net\""), pot.log.all());
        assertFalse(pot.log.all().contains("password1"));
        assertTrue(pot.mqtt.connects.isEmpty());
    }

    @Test
    void movesToTheNextBrokerWhenTheFirstIsDead() {
        TestPot pot = new TestPot("mqtt.broker = tcp://a:1883, tcp://b:1883\n");
        pot.mqtt.deadBrokers.add("tcp://a:1883");
        pot.runFor(6_000);
        assertEquals(List.of("tcp://a:1883", "tcp://b:1883"), pot.mqtt.connects);
        assertEquals(seqs(0, 1), pot.publishedSeqs());
    }

    @Test
    void aFullQueueDropsExactlyTheOldestAndReportsTheCount() {
        TestPot pot = new TestPot("publish.interval = 1s\nqueue.capacity = 5\nbackoff.min = 1s\nbackoff.max = 1s\n");
        pot.mqtt.deadBrokers.add("tcp://10.0.0.1:1883");
        pot.runFor(8_500);
        pot.mqtt.deadBrokers.clear();
        pot.runFor(4_000);
        List<Long> got = pot.publishedSeqs();
        long dropped = pot.node.droppedReadings();
        assertTrue(dropped >= 4, "dropped " + dropped);
        assertEquals(dropped, got.get(0), "exactly the oldest were dropped");
        assertEquals(seqs(dropped, got.get(got.size() - 1)), got);
        // Each drop is reported once, by the reading taken right after it (frozen then, so a resend says the same).
        long reported = pot.field("dropped").stream().mapToLong(d -> Math.max(0, d)).sum();
        assertEquals(dropped, reported, pot.readings().toString());
    }

    @Test
    void busyTransportDelaysPublishingWithoutDroppingTheLink() {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        pot.mqtt.publishFailure = new MqttTransportException(MqttTransportException.BUSY, "too many publishes in flight");
        pot.runFor(10_001);
        assertEquals(seqs(0, 2), pot.publishedSeqs());
        assertEquals(0, pot.node.reconnects());
    }

    @Test
    void aFailedPublishKeepsTheReadingForTheNextConnection() {
        TestPot pot = new TestPot("backoff.min = 1s\nbackoff.max = 1s\n");
        pot.runFor(1);
        pot.mqtt.publishFailure = new MqttTransportException(MqttTransportException.UNREACHABLE, "Connection lost");
        pot.runFor(5_000);
        pot.mqtt.publishFailure = null;
        pot.runFor(2_000);
        assertEquals(seqs(0, 1), pot.publishedSeqs());
        assertTrue(pot.log.has("publish failed: Connection lost"), pot.log.all());
    }

    @Test
    void asksTheBoardToRebootAfterTooLongWithoutALink() {
        TestPot pot = new TestPot("reboot.after = 2m\n");
        pot.mqtt.deadBrokers.add("tcp://10.0.0.1:1883");
        pot.runFor(119_000);
        assertTrue(pot.reboots.isEmpty());
        pot.runFor(2_000);
        assertEquals(1, pot.reboots.size(), pot.log.all());
        assertTrue(pot.reboots.get(0).startsWith("no working link for 2m"), pot.reboots.get(0));
    }

    @Test
    void aSensorThatFailsToReadSendsAFaultNotAMoisture() {
        TestPot pot = new TestPot("");
        pot.sensorBroken = true;
        pot.runFor(1);
        assertEquals("{\"id\":\"a4cf12b0c0de\",\"seq\":0,\"boot\":1,\"fault\":\"read_error\",\"uptime_ms\":0}", pot.readings().get(0));
        pot.sensorBroken = false;
        pot.raw = 0;
        pot.runFor(5_000);
        assertTrue(pot.readings().get(1).contains("\"fault\":\"disconnected\""), pot.readings().get(1));
        assertFalse(pot.readings().get(1).contains("moisture"));
    }

    @Test
    void aCleanStopSaysOfflineAndDisconnects() {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        pot.node.requestStop();
        pot.node.run();
        List<FakeTransport.Sent> status = pot.mqtt.sentTo("to_mothership/a4cf12b0c0de/status");
        assertEquals("offline", status.get(status.size() - 1).payload());
        assertTrue(status.get(status.size() - 1).retained());
        assertFalse(pot.mqtt.isConnected());
    }

    @Test
    void readingsCarryWallClockTimeOnceTheBoardKnowsIt() {
        TestPot pot = new TestPot("");
        pot.clock.setWallClockAtBoot(1_700_000_000_000L);
        pot.runFor(5_001);
        assertTrue(pot.readings().get(1).endsWith("\"uptime_ms\":5000,\"ts\":1700000005000}"), pot.readings().get(1));
    }
}
