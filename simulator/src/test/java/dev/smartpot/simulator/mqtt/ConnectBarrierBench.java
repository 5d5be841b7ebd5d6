package dev.smartpot.simulator.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.smartpot.broker.EmbeddedBroker;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.host.LogTuning;
import dev.smartpot.host.broker.MoquetteConnectBarrier;

/**
 * Moquette's CONNACK race in figures (not a test): a pot's session setup on the embedded broker (connect, three
 * subscribes, the retained "online"), one client at a time, with the HiveMQ transport as it is and with the
 * barrier, in alternating blocks so both see the same machine load. Prints how many setups the broker cut off and
 * what a setup costs. Run after {@code mvn -pl simulator -am test-compile}:
 * {@code java -cp "simulator/target/test-classes:simulator/target/classes:simulator/target/lib/*"
 * dev.smartpot.simulator.mqtt.ConnectBarrierBench [blocks]}.
 */
public final class ConnectBarrierBench {

    private static final int PER_BLOCK = 40;
    /** Blocks before this one warm the JIT and are not counted. */
    private static final int WARM_UP_BLOCKS = 2;

    public static void main(String[] args) throws Exception {
        LogTuning.quietLibraries();
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        ConnectSettings settings = new ConnectSettings(15, 10, null, null, null, null);
        byte[] online = "online".getBytes(StandardCharsets.UTF_8);
        long[] nanos = new long[2];
        int[] counted = new int[2];
        int[] cutOff = new int[2];
        String[] loadAverage = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        String load = loadAverage[0] + " " + loadAverage[1] + " " + loadAverage[2];
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            for (int block = 0; block < blocks; block++) {
                for (int barrier = 0; barrier < 2; barrier++) {
                    for (int i = 0; i < PER_BLOCK; i++) {
                        MqttTransport pot = barrier == 1 ? new MoquetteConnectBarrier(new HiveMqttTransport()) : new HiveMqttTransport();
                        String id = String.format("bench%02d%d%03d", block, barrier, i);
                        long start = System.nanoTime();
                        try {
                            pot.connect(broker.uri(), id, settings);
                            pot.subscribe("from_mothership", 1);
                            pot.subscribe("from_mothership/" + id, 1);
                            pot.publish("to_mothership/" + id + "/status", online, online.length, 1, true);
                            pot.subscribe("homeassistant/status", 1);
                        } catch (MqttTransportException e) {
                            if (block >= WARM_UP_BLOCKS) {
                                cutOff[barrier]++;
                            }
                        }
                        if (block >= WARM_UP_BLOCKS) {
                            nanos[barrier] += System.nanoTime() - start;
                            counted[barrier]++;
                        }
                        pot.disconnect();
                    }
                }
            }
        }
        System.out.println("| HiveMQ transport on the embedded Moquette | setups | cut off by the broker | mean setup (ms) |");
        System.out.println("|---|---|---|---|");
        String[] names = {"as it is (baseline)", "with MoquetteConnectBarrier"};
        for (int b = 0; b < 2; b++) {
            System.out.printf("| %s | %d | %d | %.2f |%n", names[b], counted[b], cutOff[b], nanos[b] / 1e6 / counted[b]);
        }
        System.out.println();
        System.out.println("Load average at the start: " + load + " (" + Runtime.getRuntime().availableProcessors() + " cores).");
    }
}
