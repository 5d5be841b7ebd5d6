package dev.smartpot.bench;

import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.simulator.mqtt.HiveMqttTransport;
import dev.smartpot.simulator.mqtt.PahoMqttTransport;
import dev.smartpot.protocol.WireTopics;

/**
 * What one connected client costs with each transport adapter: connects N clients one after another the
 * way a pot does (connect, subscribe, retained status), then prints connect time, threads and memory.
 * Run in a JVM of its own per adapter: {@code TransportProbe paho|hivemq N tcp://127.0.0.1:PORT}.
 */
public final class TransportProbe {

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int n = Integer.parseInt(args[1]);
        String broker = args[2];
        long heapBefore = ProcessStats.heapUsedAfterGc();
        long rssBefore = ProcessStats.rssBytes();
        int threadsBefore = ProcessStats.threads();
        MqttTransport[] clients = new MqttTransport[n];
        MqttListener ignore = new MqttListener() {
            @Override
            public boolean messageArrived(String topic, byte[] payload, int ack) {
                return false;
            }

            @Override
            public boolean retainedMessageArrived(String topic, byte[] payload, int ack) {
                return false;
            }

            @Override
            public void connectionLost(String cause) {
            }
        };
        byte[] online = "online".getBytes();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            MqttTransport t = kind.equals("paho") ? new PahoMqttTransport() : new HiveMqttTransport();
            t.setListener(ignore);
            String id = String.format("probe%07d", i);
            String status = "probe/" + id + "/" + WireTopics.STATUS_LEVEL;
            t.connect(broker, id, new ConnectSettings(60, 10, null, null, status, "offline".getBytes()));
            t.subscribe(WireTopics.DOWN, 1);
            t.publish(status, online, online.length, 1, true);
            clients[i] = t;
        }
        long connectNanos = System.nanoTime() - start;
        long heapAfter = ProcessStats.heapUsedAfterGc();
        System.out.printf("RESULT transport=%s clients=%d connect_ms_each=%.2f threads=%d threads_per_client=%.2f"
                + " rss_kb_per_client=%.1f heap_kb_per_client=%.1f%n",
                kind, n, connectNanos / 1e6 / n, ProcessStats.threads(), (ProcessStats.threads() - threadsBefore) / (double) n,
                (ProcessStats.rssBytes() - rssBefore) / 1024.0 / n, (heapAfter - heapBefore) / 1024.0 / n);
        for (MqttTransport t : clients) {
            t.disconnect();
        }
        System.exit(0);
    }
}
