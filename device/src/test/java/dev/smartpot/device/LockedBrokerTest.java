package dev.smartpot.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.fakes.TestPot;
import dev.smartpot.device.link.DeliveryCheck;
import dev.smartpot.device.mqtt.MqttTransportException;

/** A broker that checks who the pot is and what it may do: refusals, silent ACL drops, TLS warnings. */
class LockedBrokerTest {

    /** The delivery check is on by default only with a login; these tests exercise it on a plain pot. */
    private static final String CHECKED = "mqtt.delivery.check = true\n";

    private static final String SECRET = "s3cret-Pa55word";

    private static List<Long> seqs(long from, long toInclusive) {
        return LongStream.rangeClosed(from, toInclusive).boxed().collect(Collectors.toList());
    }

    /** Uptimes at which the pot dialled the broker, sampled every 100 ms of manual time. */
    private static List<Long> connectTimes(TestPot pot, long forMillis) {
        List<Long> times = new ArrayList<>();
        int seen = pot.mqtt.connects.size();
        for (long t = 0; t < forMillis; t += 100) {
            pot.runFor(100);
            if (pot.mqtt.connects.size() != seen) {
                times.add(pot.clock.uptimeMillis());
                seen = pot.mqtt.connects.size();
            }
        }
        return times;
    }

    @Test
    void aRefusedLoginIsLoggedOnceAndRetriedAtTheBackoffCapWithoutThePassword() {
        TestPot pot = new TestPot(CHECKED + "mqtt.username = pot\nmqtt.password = " + SECRET
                + "\nbackoff.min = 1s\nbackoff.max = 30s\nreboot.after = 1m\n");
        pot.mqtt.connectFailure = new MqttTransportException(MqttTransportException.REFUSED,
                "refused by the broker: not authorised (check mqtt.username and mqtt.password)");
        List<Long> attempts = connectTimes(pot, 10 * 60_000);

        assertEquals(PotNode.REFUSED, pot.node.state());
        for (int i = 1; i < attempts.size(); i++) {
            assertEquals(30_000, attempts.get(i) - attempts.get(i - 1), 100, "every retry waits the cap: " + attempts);
        }
        assertEquals(20, attempts.size() + 1, 1, "one attempt at boot, then one per 30 s: " + attempts);
        assertEquals(1, pot.log.count("refused: refused by the broker: not authorised (check mqtt.username and mqtt.password);"
                + " retrying every 30s (backoff.max) until that is fixed"), pot.log.all());
        assertTrue(pot.log.has("still refused after 10 attempts"), pot.log.all());
        assertEquals(List.of(), pot.reboots, "a reboot cannot fix a password and would lose the queue");
        assertTrue(pot.node.statusLine().startsWith("state=refused"), pot.node.statusLine());
        assertTrue(pot.node.statusLine().contains("last_error=\"MQTT connect to tcp://10.0.0.1:1883 refused"), pot.node.statusLine());
        assertFalse(pot.log.all().contains(SECRET) || pot.node.statusLine().contains(SECRET));
        assertEquals(SECRET, pot.mqtt.lastSettings.password, "the password still goes to the broker");
    }

    @Test
    void onceTheLoginIsFixedEveryQueuedReadingArrives() {
        TestPot pot = new TestPot(CHECKED + "publish.interval = 5s\nbackoff.max = 20s\n");
        pot.mqtt.connectFailure = new MqttTransportException(MqttTransportException.REFUSED, "refused by the broker: bad user name or password");
        pot.runFor(60_000);
        pot.mqtt.connectFailure = null;
        pot.runFor(25_000);
        assertEquals(PotNode.ONLINE, pot.node.state(), pot.log.all());
        List<Long> got = pot.publishedSeqs();
        assertEquals(seqs(0, got.get(got.size() - 1)), got, "nothing lost while refused");
        assertTrue(got.size() >= 16, got.toString());
    }

    @Test
    void readingsTheBrokerAcknowledgesButDropsStayQueuedAndAreReported() {
        TestPot pot = new TestPot(CHECKED + "publish.interval = 1s\nbackoff.max = 10s\n");
        pot.mqtt.deniedTopics.add("to_mothership");
        // Probe at 0 s, no echo by 5 s, retry at 15 s, no echo by 20 s, next retry due at 30 s.
        pot.runFor(28_000);

        assertEquals(PotNode.REFUSED, pot.node.state());
        assertEquals(1, pot.log.count("ERROR readings are not getting through: the broker acknowledged reading #0 on to_mothership"
                + " but did not deliver it within 5s"), pot.log.all());
        assertTrue(pot.log.has("Fix: allow this pot's account to write and read to_mothership in the broker's ACL"), pot.log.all());
        assertFalse(pot.log.has("published #"), "never claims a reading went out:\n" + pot.log.all());
        assertEquals(28, pot.node.queuedReadings(), 1, "every reading kept");
        assertTrue(pot.node.statusLine().contains("state=refused") && pot.node.statusLine().contains("readings not delivered on to_mothership"),
                pot.node.statusLine());
        assertEquals(2, pot.mqtt.connects.size(), "a retry every 10 s after each 5 s wait, not a loop");

        pot.mqtt.deniedTopics.clear();
        pot.runFor(15_000);
        assertEquals(PotNode.ONLINE, pot.node.state(), pot.log.all());
        assertEquals(0, pot.node.queuedReadings());
        List<Long> got = pot.publishedSeqs();
        assertEquals(seqs(0, got.get(got.size() - 1)), got, "every reading, once, in order");
        assertTrue(pot.log.has("readings get through again: the broker delivered #0 on to_mothership"), pot.log.all());
    }

    @Test
    void theProbeWaitsForItsOwnEchoAndOtherPotsReadingsAreNotCommands() {
        TestPot pot = new TestPot(CHECKED + "publish.interval = 1s\n");
        pot.mqtt.deniedTopics.add("to_mothership");
        pot.runFor(1);
        // Another pot's reading on the shared topic is neither our echo nor a command.
        pot.mqtt.deliver("to_mothership", "{\"id\":\"0000000000aa\",\"seq\":0,\"raw\":2000,\"moisture\":66.6,\"uptime_ms\":0}");
        pot.runFor(DeliveryCheck.ECHO_TIMEOUT_MILLIS - 100);
        assertEquals(PotNode.ONLINE, pot.node.state(), "still waiting for its own reading");
        assertFalse(pot.log.has("(to_mothership,"), pot.log.all());
        pot.runFor(200);
        assertEquals(PotNode.REFUSED, pot.node.state(), pot.log.all());
    }

    @Test
    void aRefusedCommandSubscriptionIsReportedWhileReadingsStillGoOut() {
        TestPot pot = new TestPot(CHECKED + "publish.interval = 1s\n");
        pot.mqtt.subscribeFailure = new MqttTransportException(MqttTransportException.REFUSED,
                "the broker refused the subscription to from_mothership (not authorised?)");
        pot.runFor(5_500);
        assertEquals(PotNode.ONLINE, pot.node.state());
        assertEquals(seqs(0, 5), pot.publishedSeqs());
        assertEquals(1, pot.log.count("ERROR the broker refused the subscription to from_mothership (not authorised?)"
                + " (mqtt.topic.subscribe): this pot will not receive commands"), pot.log.all());
        assertTrue(pot.log.has("NOT subscribed to from_mothership"), pot.log.all());
        assertTrue(pot.log.has("WARN cannot confirm that readings arrive"), "the echo subscription was refused too:\n" + pot.log.all());
        assertTrue(pot.node.statusLine().endsWith("commands=refused"), pot.node.statusLine());
    }

    @Test
    void theCheckCanBeTurnedOffForBrokersWherePotsMayNotReadTheirOwnTopics() {
        TestPot pot = new TestPot(CHECKED + "mqtt.delivery.check = false\npublish.interval = 1s\n");
        pot.runFor(2_500);
        assertEquals(List.of("from_mothership/" + TestPot.ID + "/ack", "from_mothership", "from_mothership/" + TestPot.ID, "homeassistant/status"), pot.mqtt.subscriptions,
                "commands and Home Assistant only: no echo subscription on the readings topic");
        assertEquals(seqs(0, 2), pot.publishedSeqs());
    }

    @Test
    void perPotTopicsAndLoginFollowTheClientId() {
        TestPot pot = new TestPot(CHECKED + "mqtt.topic.publish = to_mothership/{id}\nmqtt.topic.subscribe = from_mothership/{id}\n"
                + "mqtt.username = {id}\nmqtt.password = " + SECRET + "\n");
        pot.runFor(5_500);
        assertEquals(TestPot.ID, pot.mqtt.lastSettings.username);
        assertEquals(List.of("from_mothership/" + TestPot.ID + "/ack", "from_mothership/" + TestPot.ID, "homeassistant/status", "to_mothership/" + TestPot.ID),
                pot.mqtt.subscriptions, "the subscribe topic is already the pot's own: no from_mothership/<id>/<id>");
        assertEquals(2, pot.mqtt.sentTo("to_mothership/" + TestPot.ID).size());
        assertEquals("online", pot.mqtt.sentTo("to_mothership/" + TestPot.ID + "/status").get(0).payload(),
                "the status sits beside the readings, not under a second id");
        pot.mqtt.deliver("from_mothership/" + TestPot.ID, "received");
        pot.runFor(1);
        assertTrue(pot.log.has("received notification from mothership"), pot.log.all());
    }

    @Test
    void turningHostnameVerificationOffWarnsOnEveryConnect() {
        TestPot pot = new TestPot(CHECKED + "mqtt.broker = ssl://10.0.0.1\nmqtt.tls.ca = ca.crt\nmqtt.tls.verify_hostname = false\n"
                + "backoff.min = 1s\nbackoff.max = 1s\n");
        pot.runFor(1_000);
        pot.mqtt.breakLink("Connection reset");
        pot.runFor(2_000);
        assertEquals(2, pot.mqtt.connects.size());
        assertEquals(2, pot.log.count("WARN TLS hostname verification is off (mqtt.tls.verify_hostname = false)"), pot.log.all());
        assertEquals("ca.crt", pot.mqtt.lastSettings.tls.caCertificate);
        assertFalse(pot.mqtt.lastSettings.tls.verifyHostname);
    }

    @Test
    void aPasswordSentInTheClearIsWarnedAboutOnce() {
        TestPot pot = new TestPot(CHECKED + "mqtt.username = pot\nmqtt.password = " + SECRET + "\nbackoff.min = 1s\nbackoff.max = 1s\n");
        pot.runFor(1_000);
        pot.mqtt.breakLink("Connection reset");
        pot.runFor(2_000);
        assertEquals(1, pot.log.count("WARN mqtt.password travels unencrypted to tcp://10.0.0.1:1883"), pot.log.all());
        assertFalse(pot.log.all().contains(SECRET));
    }
}
