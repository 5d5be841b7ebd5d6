package dev.smartpot.bench.mothership;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;

import static dev.smartpot.bench.mothership.IngestBench.waitUntil;

/**
 * A fleet of 10,000 pots at one reading per 5 s (2,000 readings/s offered) into the engine in this JVM:
 * latency from publish to stored, through the engine's own reading events.
 */
final class FleetLatency {

    private static final int PUBLISHERS = 4;

    private final boolean quick;
    private final boolean mqtt5;
    private final Path dir;
    private double[] latencies = new double[0];

    FleetLatency(boolean quick, boolean mqtt5, Path dir) {
        this.quick = quick;
        this.mqtt5 = mqtt5;
        this.dir = dir;
    }

    /** Every reading's publish -> stored, ms, sorted (after {@link #run}). */
    double[] latenciesMs() {
        double[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private BrokerOptions brokerOptions(BenchBroker broker) {
        return new BrokerOptions(broker.url(), null, null, null, BrokerOptions.DEFAULT_CLIENT_ID, null, mqtt5);
    }

    /** One reading from an extra pot, stored: the engine's subscription is in place. */
    private static void probe(MothershipEngine engine, ReadingPublishers pub) throws Exception {
        waitUntil(() -> engine.health().brokerConnected(), 30, "the mothership to connect");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int seq = 0;
        while (engine.health().readingsStored() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the mothership stored no probe reading in 30 s");
            }
            pub.probe(seq++);
            Thread.sleep(100);
        }
    }

    /** 10,000 pots, one reading each per 5 s (2,000 readings/s offered): published -> stored, via the engine's events. */
    String run() throws Exception {
        int fleet = 10_000;
        int rounds = quick ? 2 : 6;
        long[] publishedAt = new long[fleet * rounds];
        Histogram h = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        try (BenchBroker broker = BenchBroker.start();
             MothershipEngine engine = new MothershipEngine(EngineOptions.sqlite(brokerOptions(broker),
                     dir.resolve("fleet.db")));
             ReadingPublishers pub = new ReadingPublishers(broker.port, PUBLISHERS, "bench-fleet-")) {
            engine.start();
            engine.limitPots(fleet + 1);
            probe(engine, pub);
            long before = engine.health().readingsStored();
            double[] latencies = new double[fleet * rounds];
            java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
            AutoCloseable listening = engine.subscribe(e -> {
                if ("reading".equals(e.type()) && e.data() instanceof ReadingView r && !"probe".equals(r.potId())) {
                    long at = publishedAt[ReadingPublishers.potIndex(r.potId()) * rounds + (int) r.seq()];
                    long micros = Math.max(0, (System.nanoTime() - at) / 1_000);
                    synchronized (h) {
                        h.recordValue(micros);
                    }
                    latencies[Math.min(latencies.length - 1, seen.getAndIncrement())] = micros / 1000.0;
                }
            });
            long cpu = EngineCpu.nanos();
            long wall = System.nanoTime();
            pub.paced(fleet, 5_000, rounds, publishedAt);
            int total = fleet * rounds;
            waitUntil(() -> engine.health().readingsStored() - before >= total, 60, "the fleet's readings stored");
            waitUntil(() -> {
                synchronized (h) {
                    return h.getTotalCount() >= total;
                }
            }, 10, "every reading event");
            listening.close();
            this.latencies = latencies;
            double cpuShare = 100.0 * (EngineCpu.nanos() - cpu) / (System.nanoTime() - wall);
            synchronized (h) {
                return String.format(Locale.ROOT, "Fleet: %,d pots at one reading per 5 s (2,000 readings/s offered), %d s,"
                        + " %,d readings: published -> stored p50 %.1f ms, p99 %.1f ms, max %.1f ms (floor: p99 under 1,000 ms);"
                        + " the engine's own threads used %.0f %% of one core.",
                        fleet, rounds * 5, h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
                        h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, cpuShare);
            }
        }
    }

}
