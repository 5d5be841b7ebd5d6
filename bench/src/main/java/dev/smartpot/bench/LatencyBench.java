package dev.smartpot.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import dev.smartpot.device.mqtt.BrokerAddress;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.simulator.mqtt.HiveMqttTransport;
import dev.smartpot.simulator.mqtt.PahoMqttTransport;
import dev.smartpot.protocol.WireTopics;

/**
 * End-to-end latency: a reading taken (the sensor read) to an independent subscriber receiving it, for a
 * pot on each transport, beside two baselines on the same broker in the same run: a bare Paho publish to
 * the subscriber, and {@code mosquitto_pub} to {@code mosquitto_sub}. All at QoS 1 on loopback.
 */
final class LatencyBench {

    /** A row of the latency table. */
    record Row(String broker, String path, Percentiles p, String rate) {
    }

    static final int POT_READINGS = 200;
    static final String POT_INTERVAL = "100ms";
    static final int BASELINE_MESSAGES = 300;
    static final long BASELINE_SPACING_MILLIS = 20;
    /** Samples dropped at the start of each series: class loading and JIT warm-up. */
    static final int WARM_UP = 20;

    private final PrintStream log;

    LatencyBench(PrintStream log) {
        this.log = log;
    }

    List<Row> run(String brokerName, String brokerUri) throws Exception {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(brokerName, "mosquitto_pub -> mosquitto_sub (baseline)", mosquittoClients(brokerUri), "1 per 20 ms"));
        rows.add(new Row(brokerName, "Paho publish -> subscriber (baseline)", rawPaho(brokerUri), "1 per 20 ms"));
        rows.add(new Row(brokerName, "pot, Paho transport (one device)", pot(brokerUri, new PahoMqttTransport(), "paho"), "1 per 100 ms"));
        rows.add(new Row(brokerName, "pot, HiveMQ transport (fleet)", pot(brokerUri, new HiveMqttTransport(), "hivemq"), "1 per 100 ms"));
        return rows;
    }

    private Percentiles pot(String brokerUri, MqttTransport transport, String name) throws Exception {
        log.println("  latency: pot on the " + name + " transport, " + POT_READINGS + " readings at " + POT_INTERVAL);
        Samples samples = new Samples();
        BenchPot[] pot = new BenchPot[1];
        CountDownLatch all = new CountDownLatch(POT_READINGS);
        try (BenchSubscriber sub = new BenchSubscriber(brokerUri, "bench-sub-" + name, WireTopics.UP, false, (at, topic, payload) -> {
            String json = new String(payload, StandardCharsets.US_ASCII);
            long seq = Readings.seq(json);
            long taken = pot[0] == null ? -1 : pot[0].takenNanos(seq);
            if (taken > 0 && seq < POT_READINGS) {
                samples.add(at - taken);
                all.countDown();
            }
        })) {
            pot[0] = new BenchPot(brokerUri, "latency-" + name, "publish.interval = " + POT_INTERVAL + "\n", transport);
            pot[0].start();
            if (!all.await(POT_READINGS * 100L / 1000 * 3 + 30, TimeUnit.SECONDS)) {
                log.println("  latency: only " + samples.size() + " of " + POT_READINGS + " readings arrived");
            }
            pot[0].close();
        }
        return samples.percentiles(WARM_UP);
    }

    private Percentiles rawPaho(String brokerUri) throws Exception {
        log.println("  latency: bare Paho publish, " + BASELINE_MESSAGES + " messages");
        Samples samples = new Samples();
        long[] sentAt = new long[BASELINE_MESSAGES];
        CountDownLatch all = new CountDownLatch(BASELINE_MESSAGES);
        try (BenchSubscriber sub = new BenchSubscriber(brokerUri, "bench-sub-raw", "bench/raw", false, (at, topic, payload) -> {
            int i = Integer.parseInt(new String(payload, StandardCharsets.US_ASCII));
            samples.add(at - sentAt[i]);
            all.countDown();
        })) {
            MqttClient publisher = new MqttClient(brokerUri, "bench-pub-raw", new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            publisher.connect(options);
            for (int i = 0; i < BASELINE_MESSAGES; i++) {
                sentAt[i] = System.nanoTime();
                publisher.publish("bench/raw", Integer.toString(i).getBytes(StandardCharsets.US_ASCII), 1, false);
                Thread.sleep(BASELINE_SPACING_MILLIS);
            }
            all.await(10, TimeUnit.SECONDS);
            publisher.disconnect();
            publisher.close();
        }
        return samples.percentiles(WARM_UP);
    }

    /**
     * mosquitto_pub -l publishes each line of its input; each line is the wall-clock time it was written
     * (ns), and mosquitto_sub prints its own receive time (%U) beside it. Both clocks are this machine's.
     */
    private Percentiles mosquittoClients(String brokerUri) throws Exception {
        log.println("  latency: mosquitto_pub -> mosquitto_sub, " + BASELINE_MESSAGES + " messages");
        String host = "127.0.0.1";
        String port = Integer.toString(BrokerAddress.parse(brokerUri).port());
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", host, "-p", port, "-q", "1", "-t", "bench/cli", "-F", "%U|%p")
                .redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(sub.getInputStream(), StandardCharsets.US_ASCII));
        Process pub = new ProcessBuilder("mosquitto_pub", "-h", host, "-p", port, "-q", "1", "-t", "bench/cli", "-l")
                .redirectErrorStream(true).start();
        PrintStream toPub = new PrintStream(pub.getOutputStream(), true, StandardCharsets.US_ASCII);
        Samples samples = new Samples();
        java.util.concurrent.atomic.AtomicBoolean subscribed = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    int bar = line.indexOf('|');
                    if (line.endsWith("|probe")) {
                        subscribed.set(true);
                        continue;
                    }
                    if (bar < 0) {
                        continue;
                    }
                    long received = Math.round(Double.parseDouble(line.substring(0, bar)) * 1e9);
                    samples.add(received - Long.parseLong(line.substring(bar + 1)));
                }
            } catch (Exception e) {
                // The process ended.
            }
        }, "mosquitto-sub-reader");
        reader.setDaemon(true);
        reader.start();
        // Until mosquitto_sub has subscribed, messages are lost: send probes until one comes back.
        for (int i = 0; i < 100 && !subscribed.get(); i++) {
            toPub.println("probe");
            Thread.sleep(50);
        }
        if (!subscribed.get()) {
            log.println("  latency: mosquitto_sub did not receive anything; is the broker refusing it?");
        }
        for (int i = 0; i < BASELINE_MESSAGES; i++) {
            Instant now = Instant.now();
            toPub.println(now.getEpochSecond() * 1_000_000_000L + now.getNano());
            Thread.sleep(BASELINE_SPACING_MILLIS);
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (samples.size() < BASELINE_MESSAGES && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        toPub.close();
        pub.waitFor(5, TimeUnit.SECONDS);
        pub.destroy();
        sub.destroy();
        sub.waitFor(5, TimeUnit.SECONDS);
        return samples.percentiles(WARM_UP);
    }
}
