package dev.smartpot.bench.mothership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.protocol.WireTopics;

/**
 * The mothership's ingest into SQLite, beside its two limits measured in the same run:
 * <ol>
 *   <li>the broker's: a bare {@code mosquitto_sub -q 1} receiving what the same publishers send;</li>
 *   <li>the store's: the same rows inserted into the same schema with batched JDBC, no MQTT;</li>
 *   <li>the mothership: every reading published until every one is stored (its sustained rate);</li>
 *   <li>a fleet of 10,000 pots at one reading per 5 s: latency from publish to stored.</li>
 * </ol>
 * Each MQTT part gets a fresh Mosquitto on loopback. {@code IngestBench [--quick] [--mqtt5]}; prints Markdown.
 */
public final class IngestBench {

    private static final int PUBLISHERS = 4;
    private static final int BATCH = 5_000;

    private final boolean quick;
    private final int pots = 1_000;
    private final int perPot;
    private final Path dir;
    private double engineCpuPerThousand;

    /** The mothership's link: MQTT 3.1.1 (as one instance runs) or MQTT 5 (as instances sharing the ingest run). */
    private final boolean mqtt5;

    private IngestBench(boolean quick, boolean mqtt5) throws Exception {
        this.quick = quick;
        this.mqtt5 = mqtt5;
        this.perPot = quick ? 50 : 200;
        this.dir = Files.createTempDirectory("bench-mship-ingest");
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        IngestBench b = new IngestBench(quick, List.of(args).contains("--mqtt5"));
        int total = b.pots * b.perPot;
        System.err.println("ingest bench: " + total + " readings per part" + (quick ? " (quick)" : ""));
        double broker = b.brokerLimit();
        double store = b.storeLimit();
        double mothership = b.mothershipRate();
        String fleet = b.fleetLatency();
        System.out.println("| What (" + String.format(Locale.ROOT, "%,d", total) + " readings, QoS 1, " + PUBLISHERS
                + " publisher clients; the mothership on MQTT " + (b.mqtt5 ? "5" : "3.1.1") + ") | readings/s |");
        System.out.println("|---|---:|");
        System.out.println(row("Broker's limit: bare `mosquitto_sub -q 1`", broker));
        System.out.println(row("Store's limit: batched JDBC inserts (" + BATCH + " per transaction), same schema, no MQTT", store));
        System.out.println(row("**Mothership: published -> stored in SQLite**", mothership));
        System.out.println(String.format(Locale.ROOT, "%nMothership / broker's limit: %.0f %% (floor 50 %%); floor 20,000 readings/s: %s."
                + " CPU of the engine's own threads (store writer, evaluation timer, events): %.1f ms per 1,000 readings.%n",
                100 * mothership / broker, mothership >= 20_000 ? "met" : "MISSED", b.engineCpuPerThousand));
        System.out.println(fleet);
        // The HiveMQ and engine threads would keep the JVM up; every figure is printed.
        System.exit(0);
    }

    private static String row(String what, double rate) {
        return String.format(Locale.ROOT, "| %s | %,.0f |", what, rate);
    }

    /** A bare mosquitto_sub in a persistent session (subscribed before the first publish) receives everything. */
    private double brokerLimit() throws Exception {
        int total = pots * perPot;
        try (BenchBroker broker = BenchBroker.start(); ReadingPublishers pub = new ReadingPublishers(broker.port, PUBLISHERS, "bench-pub-")) {
            String port = Integer.toString(broker.port);
            Process setup = new ProcessBuilder("mosquitto_sub", "-p", port, "-c", "-i", "bench-sub", "-q", "1",
                    "-t", WireTopics.readings("+"), "-E").redirectErrorStream(true).start();
            if (!setup.waitFor(10, TimeUnit.SECONDS) || setup.exitValue() != 0) {
                throw new IllegalStateException("mosquitto_sub could not make its session: " + new String(setup.getInputStream().readAllBytes()));
            }
            Process sub = new ProcessBuilder("mosquitto_sub", "-p", port, "-c", "-i", "bench-sub", "-q", "1",
                    "-t", WireTopics.readings("+"), "-C", Integer.toString(total))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("sub.err").toFile()).start();
            long start = System.nanoTime();
            pub.flood(pots, perPot);
            if (!sub.waitFor(300, TimeUnit.SECONDS)) {
                sub.destroyForcibly();
                throw new IllegalStateException("mosquitto_sub did not receive all " + total + " readings in 300 s");
            }
            return rate(total, start);
        }
    }

    /** The same rows, the same schema, batched JDBC in transactions of BATCH, WAL as the mothership runs it. */
    private double storeLimit() throws SQLException {
        Path file = dir.resolve("store-limit.db");
        Database.sqlite(file).close();
        long now = System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO readings (pot_id, boot, seq, raw, moisture, fault,"
                    + " uptime_ms, dropped, ts, received_at) VALUES (?, 0, ?, ?, ?, NULL, ?, 0, ?, ?) ON CONFLICT DO NOTHING")) {
                int n = 0;
                for (int seq = 0; seq < perPot; seq++) {
                    for (int pot = 0; pot < pots; pot++) {
                        double moisture = 40 + (seq + pot) % 30;
                        p.setString(1, ReadingPublishers.potId(pot));
                        p.setLong(2, seq);
                        p.setInt(3, 3000 - (int) (moisture * 15));
                        p.setDouble(4, moisture);
                        p.setLong(5, 5000L * seq);
                        p.setLong(6, now);
                        p.setLong(7, now);
                        p.addBatch();
                        if (++n % BATCH == 0) {
                            p.executeBatch();
                            c.commit();
                        }
                    }
                }
                p.executeBatch();
                c.commit();
            }
            return rate(pots * perPot, start);
        }
    }

    /** The engine subscribed (persistent session), then the same flood: the rate until the last one is stored. */
    private double mothershipRate() throws Exception {
        int total = pots * perPot;
        try (BenchBroker broker = BenchBroker.start();
             MothershipEngine engine = new MothershipEngine(EngineOptions.sqlite(brokerOptions(broker),
                     dir.resolve("mothership.db")));
             ReadingPublishers pub = new ReadingPublishers(broker.port, PUBLISHERS, "bench-pub-")) {
            engine.start();
            probe(engine, pub);
            long before = engine.health().readingsStored();
            long cpu = EngineCpu.nanos();
            long start = System.nanoTime();
            pub.flood(pots, perPot);
            waitUntil(() -> engine.health().readingsStored() - before >= total, 300, "the mothership to store " + total);
            double r = rate(total, start);
            engineCpuPerThousand = (EngineCpu.nanos() - cpu) / 1e6 / (total / 1000.0);
            System.err.println("ingest bench: mothership stored " + (engine.health().readingsStored() - before)
                    + ", duplicates " + engine.health().duplicatesIgnored());
            return r;
        }
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
    private String fleetLatency() throws Exception {
        int fleet = 10_000;
        int rounds = quick ? 2 : 6;
        long[] publishedAt = new long[fleet * rounds];
        Histogram h = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        try (BenchBroker broker = BenchBroker.start();
             MothershipEngine engine = new MothershipEngine(EngineOptions.sqlite(brokerOptions(broker),
                     dir.resolve("fleet.db")));
             ReadingPublishers pub = new ReadingPublishers(broker.port, PUBLISHERS, "bench-fleet-")) {
            engine.start();
            probe(engine, pub);
            long before = engine.health().readingsStored();
            AutoCloseable listening = engine.subscribe(e -> {
                if ("reading".equals(e.type()) && e.data() instanceof ReadingView r && !"probe".equals(r.potId())) {
                    long at = publishedAt[ReadingPublishers.potIndex(r.potId()) * rounds + (int) r.seq()];
                    synchronized (h) {
                        h.recordValue(Math.max(0, (System.nanoTime() - at) / 1_000));
                    }
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

    private static double rate(int n, long startNanos) {
        return n / ((System.nanoTime() - startNanos) / 1e9);
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitUntil(Check c, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!c.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + seconds + " s for " + what);
            }
            Thread.sleep(5);
        }
    }
}
