package dev.smartpot.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.fleet.FleetConsole;
import dev.smartpot.simulator.fleet.FleetPot;
import dev.smartpot.simulator.fleet.FleetSnapshot;
import dev.smartpot.simulator.fleet.SimulatedFleet;
import dev.smartpot.simulator.mqtt.PahoMqttTransport;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.TcpProxy;
import dev.smartpot.protocol.WireTopics;

/**
 * Recovery: Mosquitto is killed (SIGKILL) while pots keep taking readings, and restarted; or, broker up, the link
 * is cut by a TCP proxy and restored. Measured from the moment the broker accepts connections again (the link is
 * restored): the first reading queued during the outage reaching
 * the mothership, and the last one (the queues drained). The mothership is a persistent QoS 1 session, so
 * what the broker receives before it reconnects is kept for it. The pots use the documented defaults:
 * reconnect backoff from 1 s doubling to 60 s, with full jitter, which is most of what is measured.
 */
final class RecoveryBench {

    /** A row of the recovery table. */
    record Row(String what, int queued, double firstDeliveredMs, double drainedMs, int lost) {
    }

    static final long OUTAGE_MILLIS = 10_000;
    static final int SINGLE_POT_ROUNDS = 2;
    /** A link up this long resets the pot's backoff (PotNode.STABLE_LINK_MILLIS): each outage starts fresh. */
    static final long STABLE_LINK_MILLIS = 31_000;
    static final int FLEET_POTS = 1000;

    private final PrintStream log;

    RecoveryBench(PrintStream log) {
        this.log = log;
    }

    /** Readings seen by the mothership: id/seq, with the wall-clock ms it was taken and when it arrived. */
    private static final class Arrivals {
        final Map<String, Long> arrivedNanos = new HashMap<>();
        final Map<String, Long> takenWallMs = new HashMap<>();

        synchronized void add(long at, String json) {
            String key = Readings.id(json) + "/" + Readings.seq(json);
            arrivedNanos.putIfAbsent(key, at);
            takenWallMs.putIfAbsent(key, Readings.ts(json));
        }

        /** Keys of readings taken in [fromWallMs, toWallMs). */
        synchronized Set<String> takenBetween(long fromWallMs, long toWallMs) {
            Set<String> keys = new HashSet<>();
            takenWallMs.forEach((k, ts) -> {
                if (ts >= fromWallMs && ts < toWallMs) {
                    keys.add(k);
                }
            });
            return keys;
        }

        /** True once seqs 0 to n-1 of every pot have arrived. */
        synchronized boolean hasAll(Map<String, Long> takenPerPot) {
            for (Map.Entry<String, Long> e : takenPerPot.entrySet()) {
                for (long seq = 0; seq < e.getValue(); seq++) {
                    if (!arrivedNanos.containsKey(e.getKey() + "/" + seq)) {
                        return false;
                    }
                }
            }
            return true;
        }

        synchronized long arrived(String key) {
            Long at = arrivedNanos.get(key);
            return at == null ? -1 : at;
        }
    }

    List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Mosquitto broker = BenchBroker.start(true)) {
            Arrivals arrivals = new Arrivals();
            try (BenchSubscriber sub = new BenchSubscriber(broker.uri(), "bench-recovery-mothership", WireTopics.UP, true,
                    (at, topic, payload) -> arrivals.add(at, new String(payload, StandardCharsets.US_ASCII)));
                    BenchPot pot = new BenchPot(broker.uri(), "recovery-pot", "publish.interval = 500ms\n", new PahoMqttTransport())) {
                pot.start();
                waitUntil(() -> pot.node().state() == PotNode.ONLINE, 10_000);
                for (int round = 1; round <= SINGLE_POT_ROUNDS; round++) {
                    log.println("  recovery: one pot (Paho), outage " + round + " of " + SINGLE_POT_ROUNDS
                            + " after " + STABLE_LINK_MILLIS / 1000 + " s of stable link");
                    Thread.sleep(STABLE_LINK_MILLIS);
                    rows.add(outage(killAndRestart(broker), arrivals, "one pot, reading every 500 ms, outage " + round,
                            () -> Map.of(pot.clientId(), (long) pot.readingsTaken()), () -> pot.node().statusLine()));
                }
            }
        }
        // The same outage without a broker crash: the link is cut between pot and broker (FaultSuiteIT's proxy case).
        try (Mosquitto broker = BenchBroker.start(true); TcpProxy proxy = new TcpProxy(broker.port())) {
            Arrivals arrivals = new Arrivals();
            try (BenchSubscriber sub = new BenchSubscriber(broker.uri(), "bench-recovery-proxy-mothership", WireTopics.UP, true,
                    (at, topic, payload) -> arrivals.add(at, new String(payload, StandardCharsets.US_ASCII)));
                    BenchPot pot = new BenchPot(proxy.uri(), "recovery-proxy-pot", "publish.interval = 500ms\n", new PahoMqttTransport())) {
                log.println("  recovery: one pot (Paho), link cut by a TCP proxy, broker up");
                pot.start();
                waitUntil(() -> pot.node().state() == PotNode.ONLINE, 10_000);
                Thread.sleep(3000);
                rows.add(outage(new Outage() {
                    @Override
                    public void begin() {
                        proxy.cut();
                    }

                    @Override
                    public void end() {
                        proxy.restore();
                    }
                }, arrivals, "one pot, reading every 500 ms, link cut by a proxy (broker up)",
                        () -> Map.of(pot.clientId(), (long) pot.readingsTaken()), () -> pot.node().statusLine()));
            }
        }
        try (Mosquitto broker = BenchBroker.start(true)) {
            Arrivals arrivals = new Arrivals();
            try (BenchSubscriber sub = new BenchSubscriber(broker.uri(), "bench-recovery-fleet-mothership", WireTopics.UP, true,
                    (at, topic, payload) -> arrivals.add(at, new String(payload, StandardCharsets.US_ASCII)))) {
                log.println("  recovery: " + FLEET_POTS + " pots (HiveMQ), one outage");
                DeviceConfig device = BenchPot.config(broker.uri(), "publish.interval = 1s\n");
                SimulatorConfig world = FleetBench.world(broker.uri(), "publish.interval = 1s\n");
                SimulatedFleet fleet = new SimulatedFleet(device, world, FLEET_POTS, 500, SimulatedFleet.DEFAULT_THREADS,
                        new FleetConsole(line -> { }, false), SimulatedFleet.hiveMq());
                fleet.start();
                waitUntil(() -> fleet.snapshot().online == FLEET_POTS, 30_000);
                Thread.sleep(3000);
                rows.add(outage(killAndRestart(broker), arrivals, FLEET_POTS + " pots, a reading each every 1 s", () -> {
                    Map<String, Long> taken = new HashMap<>();
                    for (FleetPot p : fleet.pots()) {
                        taken.put(p.clientId(), p.readingsTaken());
                    }
                    return taken;
                }, () -> {
                    FleetSnapshot now = fleet.snapshot();
                    return now.online + " online, " + now.queued + " queued, " + now.published + " published";
                }));
                fleet.stop(30_000);
            }
        }
        return rows;
    }

    /** How the link breaks and mends. */
    private interface Outage {
        void begin() throws Exception;

        void end() throws Exception;
    }

    /** The broker SIGKILLed, then restarted on its port and persistence file. */
    private static Outage killAndRestart(Mosquitto broker) {
        return new Outage() {
            @Override
            public void begin() {
                broker.kill();
            }

            @Override
            public void end() {
                broker.restart();
            }
        };
    }

    /**
     * @param takenPerPot readings each pot has taken so far, by client id
     */
    private Row outage(Outage outage, Arrivals arrivals, String what, Supplier<Map<String, Long>> takenPerPot,
            Supplier<String> status) throws Exception {
        long killedWallMs = System.currentTimeMillis();
        outage.begin();
        Thread.sleep(OUTAGE_MILLIS);
        outage.end();
        long acceptingNanos = System.nanoTime();
        long acceptingWallMs = System.currentTimeMillis();
        // Recovered: every reading taken before the broker was back has reached the mothership.
        Map<String, Long> takenBeforeBack = takenPerPot.get();
        try {
            waitUntil(() -> arrivals.hasAll(takenBeforeBack), 120_000);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(what + ": not recovered 120 s after the restart: " + status.get(), e);
        }
        // What the pots queued during the outage: taken from the kill until the broker accepted again.
        Set<String> queued = arrivals.takenBetween(killedWallMs, acceptingWallMs);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int lost = 0;
        for (String key : queued) {
            long at = arrivals.arrived(key);
            first = Math.min(first, at);
            last = Math.max(last, at);
        }
        // A reading never seen cannot be in "queued" (it is keyed by arrival): count gaps in seqs instead.
        lost = gaps(arrivals);
        Thread.sleep(1000);
        return new Row(what, queued.size(), (first - acceptingNanos) / 1e6, (last - acceptingNanos) / 1e6, lost);
    }

    /** Readings missing between seq 0 and the highest seq seen, over every pot. */
    private static int gaps(Arrivals arrivals) {
        Map<String, Long> highest = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        synchronized (arrivals) {
            for (String key : arrivals.arrivedNanos.keySet()) {
                int slash = key.indexOf('/');
                String id = key.substring(0, slash);
                long seq = Long.parseLong(key.substring(slash + 1));
                highest.merge(id, seq, Math::max);
                count.merge(id, 1, Integer::sum);
            }
        }
        int missing = 0;
        for (Map.Entry<String, Long> e : highest.entrySet()) {
            missing += (int) (e.getValue() + 1 - count.get(e.getKey()));
        }
        return missing;
    }

    static void waitUntil(BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("condition not reached in " + timeoutMillis + " ms");
            }
            Thread.sleep(5);
        }
    }
}
