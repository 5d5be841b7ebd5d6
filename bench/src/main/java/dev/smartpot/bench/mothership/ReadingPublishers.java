package dev.smartpot.bench.mothership;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;

import dev.smartpot.protocol.ReadingEncoder;
import dev.smartpot.protocol.WireText;
import dev.smartpot.protocol.WireTopics;

/**
 * Stand-in pots for the benchmarks: a few HiveMQ async clients in this JVM publishing the pots' JSON
 * readings at QoS 1 on {@code to_mothership/{id}}, either flat out (a bounded window of unacknowledged
 * publishes per client) or paced like a fleet (each pot once per interval, spread evenly).
 */
final class ReadingPublishers implements AutoCloseable {

    /** Unacknowledged publishes per client: enough to keep the broker busy, bounded so memory is too. */
    static final int WINDOW = 1_000;

    private final List<Mqtt5AsyncClient> clients = new ArrayList<>();
    /** Publishes the broker has acknowledged, over all clients (the publishers' own progress). */
    private final AtomicLong acked = new AtomicLong();

    ReadingPublishers(int port, int count, String idPrefix) throws Exception {
        for (int i = 0; i < count; i++) {
            Mqtt5AsyncClient c = MqttClient.builder().useMqttVersion5().identifier(idPrefix + i)
                    .serverHost("127.0.0.1").serverPort(port).buildAsync();
            c.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
            clients.add(c);
        }
    }

    static String potId(int index) {
        return String.format("p%05d", index);
    }

    static int potIndex(String id) {
        return Integer.parseInt(id, 1, id.length(), 10);
    }

    static byte[] reading(int pot, long seq, long tsMillis) {
        return reading(pot, seq, tsMillis, 5000L * seq);
    }

    /**
     * The same with the pot's uptime: a paced fleet's pot says it has run {@code seq} intervals, as a real one would;
     * the mothership learns each pot's interval from its uptimes, and a pot whose uptime says 5 s while it sends once
     * a minute looks silent, and is raised and cleared STALE, between each two of its readings.
     */
    static byte[] reading(int pot, long seq, long tsMillis, long uptimeMs) {
        String id = potId(pot);
        double moisture = 40 + (seq + pot) % 30;
        WireText b = new WireText();
        ReadingEncoder.json(b, id, seq, 1, 3000 - (int) (moisture * 15), null, (int) (moisture * 10), uptimeMs, tsMillis,
                ReadingEncoder.NO_BATTERY, 0, 0);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One reading from pot "probe" (not one of the numbered pots), acknowledged by the broker. */
    void probe(long seq) throws Exception {
        WireText probe = new WireText();
        ReadingEncoder.json(probe, "probe", seq, 1, 2000, null, 500, 5000L * seq, 0, ReadingEncoder.NO_BATTERY, 0, 0);
        clients.get(0).publishWith().topic(WireTopics.readings("probe"))
                .payload(probe.toString().getBytes(StandardCharsets.UTF_8))
                .qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
    }

    /** Publishes acknowledged by the broker so far. */
    long acked() {
        return acked.get();
    }

    /**
     * Publishes {@code perPot} readings for each of {@code pots} pots as fast as the broker takes them, every
     * client on its own thread, and returns when all are acknowledged by the broker.
     */
    void flood(int pots, int perPot) throws InterruptedException {
        flood(pots, 0, perPot);
    }

    /** As {@link #flood(int, int)}, each pot's seqs from {@code fromSeq} (inclusive) to {@code toSeq} (exclusive). */
    void flood(int pots, int fromSeq, int toSeq) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < clients.size(); k++) {
            Mqtt5AsyncClient c = clients.get(k);
            int first = k;
            Thread t = new Thread(() -> {
                Semaphore window = new Semaphore(WINDOW);
                for (int seq = fromSeq; seq < toSeq; seq++) {
                    for (int pot = first; pot < pots; pot += clients.size()) {
                        window.acquireUninterruptibly();
                        // The pot's time is the publish time: the store's received_at - ts is then its wait.
                        c.publishWith().topic(WireTopics.readings(potId(pot)))
                                .payload(reading(pot, seq, System.currentTimeMillis()))
                                .qos(MqttQos.AT_LEAST_ONCE).send().whenComplete((ack, e) -> {
                                    acked.incrementAndGet();
                                    window.release();
                                });
                    }
                }
                window.acquireUninterruptibly(WINDOW);
            }, "bench-publisher-" + k);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /**
     * A fleet: each pot publishes once per {@code intervalMs}, the pots spread evenly over the interval, for
     * {@code rounds} intervals. {@code publishedAt[pot * rounds + seq]} gets the publish's nanoTime.
     */
    void paced(int pots, long intervalMs, int rounds, long[] publishedAt) throws InterruptedException {
        paced(pots, intervalMs, 0, rounds, publishedAt);
    }

    /**
     * The same, each pot's seqs from {@code firstSeq}: a later call with seqs already stored would send nothing but
     * redeliveries, which the mothership only counts.
     */
    void paced(int pots, long intervalMs, int firstSeq, int rounds, long[] publishedAt) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long step = TimeUnit.MILLISECONDS.toNanos(intervalMs) / pots;
        for (int k = 0; k < clients.size(); k++) {
            Mqtt5AsyncClient c = clients.get(k);
            int first = k;
            Thread t = new Thread(() -> {
                for (int round = 0; round < rounds; round++) {
                    for (int pot = first; pot < pots; pot += clients.size()) {
                        long due = start + (round * (long) pots + pot) * step;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        publishedAt[pot * rounds + round] = System.nanoTime();
                        long seq = firstSeq + round;
                        c.publishWith().topic(WireTopics.readings(potId(pot)))
                                .payload(reading(pot, seq, System.currentTimeMillis(), intervalMs * seq)).qos(MqttQos.AT_LEAST_ONCE).send();
                    }
                }
            }, "bench-fleet-" + k);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    @Override
    public void close() {
        for (Mqtt5AsyncClient c : clients) {
            try {
                c.disconnect().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Gone already: nothing to close.
            }
        }
    }
}
