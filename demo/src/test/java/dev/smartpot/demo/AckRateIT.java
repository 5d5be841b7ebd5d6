package dev.smartpot.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.mothership.MothershipApp;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.simulator.SimulatedPot;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.testkit.Mosquitto;

/**
 * On a real Mosquitto with a real mothership, the acknowledgements a pot hears keep to at most one a second, for a pot
 * reading every second and for one reading every 200 ms (whose acknowledgements each cover several readings). What
 * they cost in messages and bytes, and at a deep-sleep pot's wake, is measured by the bench's ConfirmationCostBench.
 */
class AckRateIT {

    private static final Duration BOUND = Duration.ofSeconds(120);
    /** Acknowledgements counted per pot: ten intervals between them. */
    private static final int ACKS = 11;

    /** An acknowledgement as a watcher subscribed to '#' sees it. */
    record Ack(String topic, long at) {
    }

    private static SimulatedPot pot(Mosquitto broker, String name, String extra) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("device.name = " + name + "\nwifi.ssid = Net\n"
                + "wifi.password = password1\nmqtt.broker = " + broker.uri() + "\nreboot.after = 0\n"
                + "homeassistant.discovery = false\nsim.wifi.join.delay = 10ms\n" + extra, name));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        return new SimulatedPot(device, world, line -> { }, new MemorySettingsStore(), PotMemory.inRam());
    }

    private static MqttClient watch(Mosquitto broker, List<Ack> acks) throws Exception {
        MqttClient watcher = new MqttClient(broker.uri(), "ack-watcher", new MemoryPersistence());
        watcher.setCallback(new MqttCallback() {
            public void connectionLost(Throwable cause) {
            }

            public void messageArrived(String topic, MqttMessage message) {
                if (topic.endsWith("/ack") && message.getPayload().length > 0) {
                    acks.add(new Ack(topic, System.nanoTime()));
                }
            }

            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        watcher.connect();
        watcher.subscribe("from_mothership/+/ack", 1);
        return watcher;
    }

    private static List<Ack> of(SimulatedPot pot, List<Ack> acks) {
        String topic = "from_mothership/" + pot.clientId() + "/ack";
        return acks.stream().filter(a -> a.topic().equals(topic)).toList();
    }

    @Test
    void aPotHearsAtMostOneAcknowledgementASecondHoweverFastItReads() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "ack-rate-it", Long.toString(System.nanoTime()))).toAbsolutePath();
        try (Mosquitto broker = Mosquitto.configure().quietLog().start()) {
            List<Ack> acks = new CopyOnWriteArrayList<>();
            MqttClient watcher = watch(broker, acks);
            MothershipApp app = MothershipApp.start(new MothershipApp.Options(BrokerOptions.plain(broker.uri()), 0,
                    "127.0.0.1", 0, data, null, null, null, false, null));
            SimulatedPot slow = pot(broker, "EverySecond", "publish.interval = 1s\nsim.seed = 1\n");
            SimulatedPot fast = pot(broker, "Every200ms", "publish.interval = 200ms\nsim.seed = 2\n");
            try {
                slow.start();
                fast.start();
                await(ACKS + " acknowledgements to each pot").atMost(BOUND)
                        .until(() -> slow.node() != null && fast.node() != null // null before the first boot
                                && of(slow, acks).size() >= ACKS && of(fast, acks).size() >= ACKS);
            } finally {
                slow.stop();
                fast.stop();
                app.close();
                watcher.disconnect();
                watcher.close();
            }
            for (SimulatedPot pot : List.of(slow, fast)) {
                List<Ack> heard = of(pot, acks);
                double seconds = (heard.get(heard.size() - 1).at() - heard.get(0).at()) / 1e9;
                // At most one a second: the sender's rule, with 100 ms for the broker's and the watcher's own timing.
                assertTrue(heard.size() - 1 <= seconds / 0.9 + 1, pot.clientId() + ": " + heard.size() + " acks in " + seconds + " s");
            }
        }
    }
}
