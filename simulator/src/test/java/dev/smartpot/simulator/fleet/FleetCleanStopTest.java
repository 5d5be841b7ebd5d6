package dev.smartpot.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.fakes.FakeTransport;
import dev.smartpot.device.mqtt.ForwardingMqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.simulator.board.SimulatorConfig;

/**
 * A fleet's clean stop is the single pot's: every awake pot first delivers the readings its broker has not taken yet
 * (waiting for them, within the clean stop's bound), then says "offline". The broker here is the core's in-memory fake,
 * one per pot, held busy ("too many publishes in flight": the link is fine, the readings wait) while the stop begins.
 */
class FleetCleanStopTest {

    private static final int POTS = 3;

    private final List<String> console = new ArrayList<>();
    private final Map<String, FakeTransport> brokers = new HashMap<>();
    private volatile boolean brokerBusy;

    @Test
    void aCleanStopDeliversEveryPotsQueuedReadingsBeforeItSaysOffline() throws Exception {
        SimulatedFleet fleet = fleet();
        fleet.start();
        Awaitility.await("every pot online").atMost(Duration.ofSeconds(10)).until(() -> fleet.snapshot().online == POTS);
        brokerBusy = true;
        Awaitility.await("readings queue up at a busy broker").atMost(Duration.ofSeconds(10))
                .until(() -> fleet.pots().stream().allMatch(p -> p.node().queuedReadings() >= 3));

        CompletableFuture<Integer> stop = CompletableFuture.supplyAsync(() -> fleet.stop(20_000));
        Awaitility.await("every pot waits for its readings").atMost(Duration.ofSeconds(10))
                .until(() -> lines("stopping: delivering ") == POTS);
        brokerBusy = false;
        assertEquals(0, stop.get().intValue(), "every pot stopped\n" + console());

        for (FleetPot pot : fleet.pots()) {
            assertEquals(PotNode.STOPPED, pot.node().state());
            assertEquals(0, pot.node().queuedReadings(), pot.clientId() + " left nothing queued\n" + console());
            List<String> sent = new ArrayList<>();
            for (FakeTransport.Sent s : brokers.get(pot.clientId()).sent) {
                sent.add(s.topic() + " " + s.payload());
            }
            List<Long> seqs = new ArrayList<>();
            for (String s : sent) {
                if (s.startsWith("to_mothership {")) {
                    seqs.add(Long.parseLong(s.replaceAll(".*\"seq\":(\\d+).*", "$1")));
                }
            }
            List<Long> expected = new ArrayList<>();
            for (long seq = 0; seq < pot.readingsTaken(); seq++) {
                expected.add(seq);
            }
            assertEquals(expected, seqs, pot.clientId() + ": every reading it took reached the broker, once, in order");
            assertEquals("to_mothership/" + pot.clientId() + "/status offline", sent.get(sent.size() - 1), "then \"offline\"");
        }
        assertEquals(0, lines("still queued: not delivered"), console());
    }

    private SimulatedFleet fleet() throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(String.join("\n",
                "wifi.ssid = TestNet",
                "wifi.password = test-password",
                "mqtt.broker = tcp://127.0.0.1:1",
                "publish.interval = 100ms",
                "homeassistant.discovery = false",
                "sim.seed = fleet-clean-stop",
                ""), "fleet-clean-stop.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        FleetConsole fleetConsole = new FleetConsole(line -> {
            synchronized (console) {
                console.add(line);
            }
        }, true);
        return new SimulatedFleet(device, world, POTS, 100, 2, fleetConsole, clientId -> {
            FakeTransport broker = new FakeTransport();
            synchronized (brokers) {
                brokers.put(clientId, broker);
            }
            return new ForwardingMqttTransport(broker) {
                @Override
                public void publish(String topic, byte[] payload, int length, int qos, boolean retained)
                        throws MqttTransportException {
                    if (brokerBusy && topic.equals("to_mothership")) {
                        throw new MqttTransportException(MqttTransportException.BUSY, "too many publishes in flight");
                    }
                    super.publish(topic, payload, length, qos, retained);
                }
            };
        });
    }

    private long lines(String fragment) {
        synchronized (console) {
            return console.stream().filter(l -> l.contains(fragment)).count();
        }
    }

    private String console() {
        synchronized (console) {
            return String.join("\n", console);
        }
    }
}
