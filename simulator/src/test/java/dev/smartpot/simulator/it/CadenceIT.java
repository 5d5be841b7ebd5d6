package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.kit.GivenPot.givenPot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;
import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MothershipStandIn;
import dev.smartpot.testkit.TcpProxy;

/**
 * The sensor's clock never waits on the network (issue 24): one pot at 1 s against a real Mosquitto, the link broken
 * for 12-15 s and then a 20 s flood of {@code status} commands; every reading arrives, none taken late, and no
 * (boot, seq) arrives with two payloads.
 */
class CadenceIT {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+),\"boot\":(\\d+).*\"uptime_ms\":(-?\\d+)");

    private Mosquitto broker;
    private MothershipStandIn mothership;
    private TcpProxy proxy;
    private RunningPot pot;

    @BeforeEach
    void start() {
        broker = Mosquitto.start();
        mothership = MothershipStandIn.on(broker.uri());
        proxy = new TcpProxy(broker.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (pot != null) {
            pot.close();
        }
        proxy.close();
        mothership.close();
        broker.close();
    }

    @Test
    void aFrozenBrokerThenACommandFloodLeaveTheCadenceIntact() throws Exception {
        pot = givenPot().with("publish.interval", "1s").with("mqtt.qos", "1").on(broker);
        mothership.awaitReadings(3, Duration.ofSeconds(15));
        broker.freeze();
        awaitQueued(10);
        broker.thaw();
        flood(pot, broker.uri());
        assertCadence();
    }

    @Test
    void aBlackHoledLinkThenACommandFloodLeaveTheCadenceIntact() throws Exception {
        pot = givenPot().with("publish.interval", "1s").with("mqtt.qos", "1").with("mqtt.keepalive", "3s").on(proxy);
        mothership.awaitReadings(3, Duration.ofSeconds(15));
        proxy.blackhole();
        awaitQueued(13);
        proxy.restore();
        flood(pot, broker.uri());
        assertCadence();
    }

    /** Readings pile up for the outage's length: the pot takes them at its cadence meanwhile. */
    private void awaitQueued(int readings) {
        PotNode node = pot.node();
        long taken = node.readingsTaken();
        Awaitility.await("readings taken during the outage").atMost(Duration.ofSeconds(readings + 10))
                .until(() -> node.readingsTaken() >= taken + readings);
    }

    /** 20 s of {@code status} commands, as fast as one client can publish them. */
    private static void flood(RunningPot pot, String brokerUri) throws Exception {
        MqttClient client = new MqttClient(brokerUri, "flood", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1000);
        client.connect(options);
        byte[] status = "status".getBytes(StandardCharsets.UTF_8);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try {
            while (System.nanoTime() < end) {
                client.publish("from_mothership/" + pot.clientId(), status, 0, false);
            }
        } finally {
            client.disconnect();
            client.close();
        }
    }

    private void assertCadence() {
        PotNode node = pot.node();
        Awaitility.await("queue drained").atMost(Duration.ofSeconds(60))
                .until(() -> node.state() == PotNode.ONLINE && node.queuedReadings() == 0);
        long last = node.readingsTaken() - 1;
        Awaitility.await("mothership has #" + last).atMost(Duration.ofSeconds(20))
                .until(() -> mothership.seqs(MothershipStandIn.READINGS).contains(last));
        Map<Long, String> bySeq = new HashMap<>();
        Map<Long, Long> uptimes = new HashMap<>();
        for (String payload : mothership.payloads(MothershipStandIn.READINGS)) {
            Matcher m = SEQ.matcher(payload);
            assertTrue(m.find(), payload);
            long seq = Long.parseLong(m.group(1));
            String before = bySeq.put(seq, payload);
            assertTrue(before == null || before.equals(payload), "#" + seq + " twice:\n" + before + "\n" + payload);
            uptimes.put(seq, Long.parseLong(m.group(3)));
        }
        long largestGap = 0;
        for (long s = 0; s <= last; s++) {
            assertTrue(uptimes.containsKey(s), "reading #" + s + " missing: " + uptimes.keySet());
            if (s > 0) {
                largestGap = Math.max(largestGap, uptimes.get(s) - uptimes.get(s - 1));
            }
        }
        assertTrue(largestGap <= 2500, "largest gap between readings " + largestGap + " ms");
        assertEquals(0, node.droppedReadings());
        assertTrue(node.largestSamplingDelayMillis() <= 1500, "late by " + node.largestSamplingDelayMillis() + " ms");
    }
}
