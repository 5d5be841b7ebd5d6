package dev.smartpot.mothership.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.mothership.store.BootTracker;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.testkit.Mosquitto;

/**
 * A quick measurement for the engine's developer, not a test and not the benchmark of record
 * ({@code scripts/bench} is): readings/s through the store writer alone, readings/s through Mosquitto
 * into the engine, the pot list's time with 10,000 pots, and the heap after a GC.
 * Run: {@code java -cp <test classpath> dev.smartpot.mothership.testing.IngestThroughput [readings] [pots]}
 */
public final class IngestThroughput {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int pots = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        storeAlone(n, pots);
        if (args.length > 2 && args[2].equals("store")) {
            System.exit(0);
        }
        throughMosquitto(n, pots);
        System.exit(0);
    }

    private static void storeAlone(int n, int pots) throws Exception {
        Path dir = Files.createTempDirectory("mship-tp");
        try (Database db = Database.sqlite(dir.resolve("m.db"))) {
            StoreWriter writer = new StoreWriter(db, new BootTracker(), Clock.systemUTC(), 100_000);
            writer.start(StoreWriter.Listener.NONE);
            long t0 = System.nanoTime();
            long now = System.currentTimeMillis();
            for (int i = 0; i < n; i++) {
                int pot = i % pots;
                long seq = i / pots;
                writer.offer(new StoreWriter.Received(new Inbound.Reading("pot" + pot, null, seq, 2000, 40.0 + (i % 30), null,
                        seq * 5000, null, 0, null), now, () -> { }));
            }
            while (writer.stored() < n) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("store writer alone (SQLite, batched, rollups): %d readings in %.2f s = %.0f readings/s%n", n, s, n / s);
            writer.close();
        }
    }

    private static void throughMosquitto(int n, int pots) throws Exception {
        // INFLIGHT=20 measures with Mosquitto's default window for MQTT 3.1.1 subscribers.
        String inflight = System.getenv("INFLIGHT");
        try (Mosquitto broker = QueueingBroker.start(inflight == null ? "" : "max_inflight_messages " + inflight)) {
            Path dir = Files.createTempDirectory("mship-tp");
            MothershipEngine engine = new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(broker.uri()),
                    dir.resolve("m.db")).withEvaluateEvery(Duration.ofSeconds(1)));
            engine.start();
            while (!engine.health().brokerConnected()) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            List<Mqtt3AsyncClient> publishers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Mqtt3AsyncClient c = MqttClient.builder().useMqttVersion3().identifier("tp" + i).serverHost("127.0.0.1")
                        .serverPort(broker.port()).buildAsync();
                c.connect().get(10, TimeUnit.SECONDS);
                publishers.add(c);
            }
            Semaphore inFlight = new Semaphore(2000);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int pot = i % pots;
                long seq = i / pots;
                String id = "pot" + pot;
                inFlight.acquire();
                publishers.get(i % publishers.size()).publishWith().topic("to_mothership/" + id)
                        .payload(ScriptedPot.reading(id, seq, 40 + (i % 30), seq * 5000).getBytes(StandardCharsets.UTF_8))
                        .qos(MqttQos.AT_LEAST_ONCE).send().whenComplete((p, e) -> inFlight.release());
            }
            double published = (System.nanoTime() - t0) / 1e9;
            while (engine.health().readingsStored() < n) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("through Mosquitto (QoS 1, 4 publishers): published in %.2f s, %d stored in %.2f s = %.0f readings/s%n",
                    published, n, s, n / s);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 20; i++) {
                long a = System.nanoTime();
                int size = engine.pots().size();
                best = Math.min(best, System.nanoTime() - a);
                if (size != pots) {
                    throw new IllegalStateException(size + " pots");
                }
            }
            System.out.printf("pots() with %d pots: best of 20 %.1f ms%n", pots, best / 1e6);
            System.gc();
            TimeUnit.MILLISECONDS.sleep(500);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap used after GC with %d pots: %.1f MB%n", pots, (rt.totalMemory() - rt.freeMemory()) / 1e6);
            engine.close();
            for (Mqtt3AsyncClient c : publishers) {
                c.disconnect();
            }
        }
    }
}
