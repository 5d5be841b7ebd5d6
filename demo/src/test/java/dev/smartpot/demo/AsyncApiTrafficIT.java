package dev.smartpot.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.protocol.WireTopics;
import dev.smartpot.simulator.SimulatedPot;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.fleet.FleetConsole;
import dev.smartpot.simulator.fleet.SimulatedFleet;

/**
 * docs/asyncapi.yaml against real traffic: a demo run (the mothership, its pots, commands through the engine and the
 * tutorial's {@code wassap!} and {@code received}), a pot in the tutorial's text format, a pot on batteries (its asleep
 * status with its wakes' phases) and a fleet announcing itself to Home Assistant, all on one broker. Every message on every topic must be one of the document's messages on one of
 * its channels, so the document cannot drift from the code.
 */
class AsyncApiTrafficIT {

    private record Seen(String topic, String payload) {
    }

    @Test
    void everyMessageOfADemoAndAFleetRunKeepsToTheDocument() throws Exception {
        AsyncApiContract contract = AsyncApiContract.load(Path.of("..", "docs", "asyncapi.yaml"));
        List<Seen> seen = new CopyOnWriteArrayList<>();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "asyncapi-it");
        try (DemoSystem demo = DemoSystem.start(new DemoSystem.Options(3, Duration.ofMillis(300), "127.0.0.1", 0, 0, data,
                line -> { }))) {
            MqttClient watcher = new MqttClient(demo.brokerUrl(), "asyncapi-watcher", new MemoryPersistence());
            watcher.setCallback(new MqttCallback() {
                public void connectionLost(Throwable cause) {
                }

                public void messageArrived(String topic, MqttMessage message) {
                    seen.add(new Seen(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
                }

                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            watcher.connect(options);
            watcher.subscribe("#", 1);

            Setup text = config(demo, "payload.format = text\nsim.seed = asyncapi-text\n");
            SimulatedPot tutorial = new SimulatedPot(text.device(), text.world(), line -> { });
            SimulatedFleet fleet = fleet(demo);
            SimulatedPot battery = BatteryPotWakesIT.batteryPot(demo);
            tutorial.start();
            fleet.start();
            battery.start();
            try {
                MothershipEngine engine = demo.mothership().engine();
                String fern = demo.pots().get(1).clientId();
                await().atMost(Duration.ofSeconds(30)).until(() -> engine.pot(fern).isPresent());
                for (String command : List.of("read", "status", "help", "interval 400ms", "water 3", "calibrate wet 99999")) {
                    engine.sendCommand(fern, command, "asyncapi-it").get(20, TimeUnit.SECONDS);
                }
                engine.water(demo.pots().get(0).clientId(), 60, "asyncapi-it").get(20, TimeUnit.SECONDS);
                watcher.publish(WireTopics.DOWN, "wassap!".getBytes(StandardCharsets.US_ASCII), 1, false);
                watcher.publish(WireTopics.DOWN, "received".getBytes(StandardCharsets.US_ASCII), 1, false);
                await().atMost(Duration.ofSeconds(30)).until(() -> topics(seen, "/reply").size() >= 4
                        && count(seen, t -> t.equals(WireTopics.UP)) >= 20
                        && count(seen, t -> t.startsWith("homeassistant/")) >= 3
                        && seen.stream().anyMatch(s -> s.payload().startsWith("{\"state\":\"asleep\"")));
            } finally {
                fleet.stop(20_000);
                tutorial.stop();
                battery.stop();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(s -> s.payload().equals("offline")));
            watcher.disconnect();
            watcher.close();
        }
        List<String> problems = new ArrayList<>();
        Set<String> channels = new TreeSet<>();
        for (Seen s : seen) {
            String problem = contract.problem(s.topic(), s.payload());
            if (problem != null) {
                problems.add(problem);
            }
            channels.add(s.topic().replaceAll("^(to_mothership|from_mothership)/[^/]+", "$1/{id}")
                    .replaceAll("^homeassistant/.*/config$", "homeassistant/.../config"));
        }
        assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())), problems.size() + " of " + seen.size()
                + " messages break docs/asyncapi.yaml");
        for (String expected : List.of("to_mothership", "to_mothership/{id}", "to_mothership/{id}/status",
                "to_mothership/{id}/reply", "to_mothership/{id}/connect", "from_mothership", "from_mothership/{id}",
                "from_mothership/{id}/ack", "homeassistant/.../config")) {
            assertTrue(channels.contains(expected), "the run carried " + expected + ": " + channels);
        }
        assertTrue(seen.stream().anyMatch(s -> s.payload().startsWith("Test to mothership #")), "the tutorial's text");
        assertTrue(seen.stream().anyMatch(s -> s.payload().contains("\"next_allowed_in_s\"")
                || s.payload().contains("\"ok\":false")), "a refusal or an error");
    }

    private record Setup(DeviceConfig device, SimulatorConfig world) {
    }

    private static Setup config(DemoSystem demo, String extra) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("device.name = Tutorial\nwifi.ssid = DemoNet\n"
                + "wifi.password = demo-password\nmqtt.broker = " + demo.brokerUrl() + "\npublish.interval = 300ms\n"
                + "homeassistant.discovery = false\nsim.wifi.join.delay = 100ms\n" + extra, "asyncapi-it"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        return new Setup(device, world);
    }

    private static int count(List<Seen> seen, java.util.function.Predicate<String> topic) {
        return (int) seen.stream().filter(s -> topic.test(s.topic())).count();
    }

    private static List<Seen> topics(List<Seen> seen, String suffix) {
        return seen.stream().filter(s -> s.topic().endsWith(suffix)).toList();
    }

    private static SimulatedFleet fleet(DemoSystem demo) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("wifi.ssid = DemoNet\nwifi.password = demo-password\n"
                + "mqtt.broker = " + demo.brokerUrl() + "\nmqtt.topic.publish = " + WireTopics.READINGS_TEMPLATE + "\n"
                + "publish.interval = 300ms\nhomeassistant.discovery = true\nsim.seed = asyncapi-fleet\n"
                + "sim.wifi.join.delay = 100ms\n", "asyncapi-fleet"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        return new SimulatedFleet(device, world, 3, 100, 1, new FleetConsole(line -> { }, false), SimulatedFleet.hiveMq());
    }
}
