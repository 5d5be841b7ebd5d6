package dev.smartpot.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.mothership.MothershipApp;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.protocol.WireTopics;
import dev.smartpot.simulator.SimulatedPot;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.testkit.Mosquitto;

/**
 * What end-to-end confirmation costs, measured on a real Mosquitto with a real mothership (BENCHMARKS.md's
 * "End-to-end confirmation"; by hand, written to bench/target/confirmation-cost.md): MQTT messages and bytes per reading
 * at the pot's radio with and without the acknowledgements, for a pot reading every second and one every 200 ms; and
 * a deep-sleep pot's wakes (the simulator's model) with the mothership confirming and with a broker alone. The
 * behaviour behind the figures (at most one acknowledgement a second per pot) is the demo's {@code AckRateIT}.
 */
public final class ConfirmationCostBench {

    private static final long BOUND_MILLIS = 120_000;
    private static final Pattern WAKE = Pattern.compile("wake: reading #(\\d+), (\\d+) kept; awake (\\d+) ms .* listen (\\d+);"
            + " (\\d+) round trips");
    private static final int PUBACK_BYTES = 4;

    /** Everything on the broker, as a watcher subscribed to '#' sees it. */
    record Seen(String topic, byte[] payload, long at) {
    }

    private ConfirmationCostBench() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createDirectories(Path.of("target", "confirmation-cost", Long.toString(System.nanoTime())))
                .toAbsolutePath();
        StringBuilder report = new StringBuilder(acknowledgements(data));
        report.append("\n").append(wakes("with the mothership confirming", data.resolve("sleep")))
                .append("\n").append(wakes("with a broker alone (no acknowledgement)", null));
        System.out.println("\nConfirmation cost:\n" + report);
        Files.writeString(Path.of("target", "confirmation-cost.md"), report.toString());
        // Client and broker libraries leave threads behind that would keep the JVM alive.
        System.exit(0);
    }

    static SimulatedPot pot(Mosquitto broker, String name, String extra, List<String> console) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("device.name = " + name + "\nwifi.ssid = Net\n"
                + "wifi.password = password1\nmqtt.broker = " + broker.uri() + "\nreboot.after = 0\n"
                + "homeassistant.discovery = false\nsim.wifi.join.delay = 10ms\n" + extra, name));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        return new SimulatedPot(device, world, console::add, new MemorySettingsStore(), PotMemory.inRam());
    }

    private static MothershipApp mothership(Mosquitto broker, Path data) throws Exception {
        return MothershipApp.start(new MothershipApp.Options(BrokerOptions.plain(broker.uri()), 0, "127.0.0.1", 0, data,
                null, null, null, false, null));
    }

    /** A QoS 1 PUBLISH of MQTT 3.1.1 on the wire: fixed header, remaining length, topic, packet id, payload. */
    private static int publishBytes(String topic, int payload) {
        int remaining = 2 + topic.getBytes(StandardCharsets.UTF_8).length + 2 + payload;
        return 1 + (remaining < 128 ? 1 : remaining < 16384 ? 2 : 3) + remaining;
    }

    private static MqttClient watch(Mosquitto broker, List<Seen> seen) throws Exception {
        MqttClient watcher = new MqttClient(broker.uri(), "cost-watcher", new MemoryPersistence());
        watcher.setCallback(new MqttCallback() {
            public void connectionLost(Throwable cause) {
            }

            public void messageArrived(String topic, MqttMessage message) {
                seen.add(new Seen(topic, message.getPayload(), System.nanoTime()));
            }

            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        watcher.connect();
        watcher.subscribe("#", 1);
        return watcher;
    }

    /** 30 readings of a pot reading every second beside one reading every 200 ms: what the acknowledgements add. */
    private static String acknowledgements(Path data) throws Exception {
        StringBuilder table = new StringBuilder("| pot | readings | acks | acks a second | messages per reading at the pot,"
                + " without / with | bytes per reading at the pot, without / with |\n| --- | --- | --- | --- | --- | --- |\n");
        try (Mosquitto broker = Mosquitto.configure().quietLog().start()) {
            List<Seen> seen = new CopyOnWriteArrayList<>();
            MqttClient watcher = watch(broker, seen);
            MothershipApp app = mothership(broker, data);
            List<String> console = new CopyOnWriteArrayList<>();
            SimulatedPot slow = pot(broker, "EverySecond", "publish.interval = 1s\nsim.seed = 1\n", console);
            SimulatedPot fast = pot(broker, "Every200ms", "publish.interval = 200ms\nsim.seed = 2\n", console);
            try {
                slow.start();
                fast.start();
                // node() is null before the pot's first boot
                RecoveryBench.waitUntil(() -> slow.node() != null && slow.node().readingsTaken() >= 31, BOUND_MILLIS);
            } finally {
                slow.stop();
                fast.stop();
                app.close();
            }
            for (SimulatedPot pot : List.of(slow, fast)) {
                table.append(row(pot == slow ? "every 1 s" : "every 200 ms", pot.clientId(), seen));
            }
            watcher.disconnect();
            watcher.close();
        }
        return table.toString();
    }

    private static String row(String title, String id, List<Seen> seen) {
        String ackTopic = WireTopics.fill(WireTopics.ACK_TEMPLATE, id);
        long readings = 0;
        long readingBytes = 0;
        long acks = 0;
        long ackBytes = 0;
        long firstAck = 0;
        long lastAck = 0;
        for (Seen s : seen) {
            String text = new String(s.payload(), StandardCharsets.UTF_8);
            if (s.topic().equals(WireTopics.UP) && text.contains("\"id\":\"" + id + "\"")) {
                readings++;
                readingBytes += publishBytes(s.topic(), s.payload().length) + PUBACK_BYTES;
            } else if (s.topic().equals(ackTopic) && s.payload().length > 0) {
                firstAck = acks == 0 ? s.at() : firstAck;
                lastAck = s.at();
                acks++;
                ackBytes += publishBytes(s.topic(), s.payload().length) + PUBACK_BYTES;
            }
        }
        if (acks < 2 || readings == 0) {
            throw new IllegalStateException(id + ": " + acks + " acknowledgements of " + readings + " readings: nothing to measure");
        }
        double seconds = (lastAck - firstAck) / 1e9;
        return String.format(Locale.ROOT, "| %s | %d | %d | %.2f | 2 / %.2f | %.0f / %.0f |\n", title, readings, acks,
                (acks - 1) / seconds, 2 + 2.0 * acks / readings, (double) readingBytes / readings,
                (double) (readingBytes + ackBytes) / readings);
    }

    /** Ten publishing wakes of a deep-sleep pot; their awake times as the simulator models them. */
    private static String wakes(String title, Path data) throws Exception {
        List<String> console = new CopyOnWriteArrayList<>();
        try (Mosquitto broker = Mosquitto.configure().quietLog().start()) {
            MothershipApp app = data != null ? mothership(broker, data) : null;
            SimulatedPot pot = pot(broker, "Sleeper", "power.mode = deep-sleep\npublish.interval = 15m\nsleep.publish.every = 1\n"
                    + "sim.sleep.speedup = 900\nsim.seed = 3\n", console);
            try {
                pot.start();
                RecoveryBench.waitUntil(() -> console.stream().filter(l -> l.contains("wake: reading #")).count() >= 11,
                        BOUND_MILLIS);
            } finally {
                pot.stop();
                if (app != null) {
                    app.close();
                }
            }
        }
        StringBuilder table = new StringBuilder("Deep-sleep wakes " + title + ":\n\n| wake | kept after | awake ms (model) |"
                + " listen ms | round trips |\n| --- | --- | --- | --- | --- |\n");
        long listen = 0;
        int rows = 0;
        for (String line : console) {
            Matcher m = WAKE.matcher(line);
            if (m.find()) {
                table.append("| #").append(m.group(1)).append(" | ").append(m.group(2)).append(" | ").append(m.group(3))
                        .append(" | ").append(m.group(4)).append(" | ").append(m.group(5)).append(" |\n");
                if (rows++ > 0) {
                    listen += Long.parseLong(m.group(4));
                }
            }
        }
        if (rows < 11) {
            throw new IllegalStateException("only " + rows + " wakes logged\n" + String.join("\n", console));
        }
        return table.append(String.format(Locale.ROOT, "\nMean listen after the first wake: %.1f ms\n", listen / (double) (rows - 1)))
                .toString();
    }
}
