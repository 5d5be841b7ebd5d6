package dev.smartpot.bench.mothership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.smartpot.bench.plot.PercentileChart;
import dev.smartpot.bench.plot.TimeChart;
import dev.smartpot.protocol.WireTopics;

/**
 * The mothership's ingest against its broker's limit, all parts on the same saturating load: {@code
 * PUBLISHERS} HiveMQ clients, each keeping {@code ReadingPublishers.WINDOW} QoS 1 publishes in flight, the
 * pots' own JSON on {@code to_mothership/{id}}, 1,000 pots.
 * <ol>
 *   <li>the publishers alone (no subscriber): how fast they and the broker's intake go;</li>
 *   <li>the broker's limit: a bare {@code mosquitto_sub -q 1 -c} receiving what the same publishers send;</li>
 *   <li>the store's: the same rows inserted into the same schema with batched JDBC, no MQTT;</li>
 *   <li>the mothership as shipped ({@code scripts/mothership} in its own process, its memory flags), warmed up by
 *       20 readings per pot first: published until committed in SQLite, with its resident memory and CPU;</li>
 *   <li>a fleet of 10,000 pots at one reading per 5 s: latency from publish to stored (engine in this JVM).</li>
 * </ol>
 * Each MQTT part gets a fresh Mosquitto on loopback. Charts go to {@code docs/bench/} as PNG.
 * {@code IngestBench [--quick] [--mqtt5] [--mothership-only]}; prints Markdown. {@code BENCH_MOTHERSHIP_JAVA_OPTS} replaces the
 * shipped mothership's JVM flags (e.g. to add a JFR recording).
 */
public final class IngestBench {

    private static final int PUBLISHERS = 4;
    private static final int BATCH = 5_000;
    private static final Path CHARTS = Path.of("docs", "bench");

    private final boolean quick;
    private final int pots = 1_000;
    private final int perPot;
    private final Path dir;

    /** The in-JVM engine's link for the fleet part: MQTT 3.1.1 (as one instance runs) or MQTT 5. */
    private final boolean mqtt5;
    private Sampler subTimeline;
    private Sampler mothershipTimeline;
    private double[] fleetLatenciesMs;

    private IngestBench(boolean quick, boolean mqtt5) throws Exception {
        this.quick = quick;
        this.mqtt5 = mqtt5;
        this.perPot = quick ? 50 : 200;
        this.dir = Files.createTempDirectory("bench-mship-ingest");
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            // The HiveMQ threads would keep the JVM (and the shipped mothership beside it) up after a failed part.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        IngestBench b = new IngestBench(quick, List.of(args).contains("--mqtt5"));
        int total = b.pots * b.perPot;
        System.err.println("ingest bench: " + total + " readings per part" + (quick ? " (quick)" : ""));
        if (List.of(args).contains("--mothership-only")) {
            // While tuning: only the shipped mothership's part, printed in one line.
            ShippedRun m = b.mothershipRun();
            System.out.println(m);
            System.exit(0);
        }
        double alone = b.publishersAlone();
        double[] broker = b.brokerLimit();
        double store = StoreLimit.rate(b.dir.resolve("store-limit.db"), b.pots, b.perPot, BATCH);
        ShippedRun mothership = b.mothershipRun();
        System.out.println(String.format(Locale.ROOT, "| What (%,d readings, QoS 1, %d publisher clients with %,d in flight"
                + " each, %,d pots) | readings/s | publishers' rate in that run |", total, PUBLISHERS,
                ReadingPublishers.WINDOW, b.pots));
        System.out.println("|---|---:|---:|");
        System.out.println(row("Publishers alone (no subscriber): acknowledged by the broker", alone, alone));
        System.out.println(row("Broker's limit: bare `mosquitto_sub -q 1 -c` receiving", broker[0], broker[1]));
        System.out.println(row("Store's limit: batched JDBC inserts (" + BATCH + " per transaction), same schema, no MQTT",
                store, Double.NaN));
        System.out.println(row("**Mothership (`scripts/mothership`, shipped flags): published -> committed in SQLite**",
                mothership.rate(), mothership.publishers()));
        System.out.println(String.format(Locale.ROOT, "%nMothership / broker's limit: **%.0f %%** (floor 90 %%); floor 20,000"
                + " readings/s: %s. Bottleneck of the broker's part: %s. The mothership's process: resident memory"
                + " peak %.0f MB during the run (floor 160 MB), CPU %.1f ms per 1,000 readings (%.0f %% of one core)."
                + " Publish -> received by the mothership (its received_at - the pot's time) p50 %.0f ms, p99 %.0f ms.%n",
                100 * mothership.rate() / broker[0], mothership.rate() >= 20_000 ? "met" : "MISSED",
                bottleneck(alone, broker), mothership.peakRssMb(), mothership.cpuMsPerThousand(),
                mothership.cpuShare(), mothership.waitP50(), mothership.waitP99()));
        FleetLatency fleet = new FleetLatency(b.quick, b.mqtt5, b.dir);
        System.out.println(fleet.run());
        b.fleetLatenciesMs = fleet.latenciesMs();
        b.charts();
        // The HiveMQ and engine threads would keep the JVM up; every figure is printed.
        System.exit(0);
    }

    /** Which side set the pace where the bare subscriber ran. */
    private static String bottleneck(double alone, double[] broker) {
        if (broker[0] >= 0.9 * broker[1]) {
            return broker[1] >= 0.9 * alone
                    ? "the publishers and the broker's intake (the bare subscriber kept up with them)"
                    : "the broker (its publishers slowed to the pace it delivered)";
        }
        return "the broker's delivery to the subscriber (it received slower than the publishers sent)";
    }

    private static String row(String what, double rate, double publishers) {
        return String.format(Locale.ROOT, "| %s | %,.0f | %s |", what, rate,
                Double.isNaN(publishers) ? "-" : String.format(Locale.ROOT, "%,.0f", publishers));
    }

    /** No one subscribed to the readings: the broker takes them and drops them. First a warm-up (JIT) flood. */
    private double publishersAlone() throws Exception {
        try (BenchBroker broker = BenchBroker.start(); ReadingPublishers pub = new ReadingPublishers(broker.port, PUBLISHERS, "bench-alone-")) {
            pub.flood(pots, 20);
            long start = System.nanoTime();
            pub.flood(pots, perPot);
            return rate(pots * perPot, start);
        }
    }

    /**
     * A bare mosquitto_sub in a persistent session (subscribed before the first publish) receives everything;
     * its output lines are counted as they come. Returns {its rate, the publishers' rate}.
     */
    private double[] brokerLimit() throws Exception {
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
                    .redirectError(dir.resolve("sub.err").toFile()).start();
            AtomicLong received = new AtomicLong();
            Thread counter = new Thread(() -> countLines(sub.getInputStream(), received), "bench-sub-counter");
            counter.start();
            subTimeline = new Sampler(received::get, () -> { });
            long start = System.nanoTime();
            pub.flood(pots, perPot);
            double publishers = rate(total, start);
            if (!sub.waitFor(300, TimeUnit.SECONDS)) {
                sub.destroyForcibly();
                throw new IllegalStateException("mosquitto_sub did not receive all " + total + " readings in 300 s");
            }
            counter.join(10_000);
            double r = rate(total, start);
            subTimeline.close();
            return new double[] {r, publishers};
        }
    }

    /** One line per message (a reading's JSON has no line break). */
    private static void countLines(java.io.InputStream in, AtomicLong lines) {
        byte[] buf = new byte[65_536];
        try (in) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                long found = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        found++;
                    }
                }
                lines.addAndGet(found);
            }
        } catch (java.io.IOException e) {
            // mosquitto_sub ended: the count is what it printed.
        }
    }
    /** The shipped mothership's part: its rate and what its process used. */
    record ShippedRun(double rate, double publishers, double peakRssMb, double cpuMsPerThousand, double cpuShare,
                      double waitP50, double waitP99) {
    }

    /** The mothership as shipped, subscribed (persistent session), then the same flood: until the last is committed. */
    private ShippedRun mothershipRun() throws Exception {
        int total = pots * perPot;
        try (BenchBroker broker = BenchBroker.start();
             MothershipProcess m = MothershipProcess.start(broker, dir.resolve("shipped"),
                     System.getenv("BENCH_MOTHERSHIP_JAVA_OPTS"));
             ReadingPublishers pub = new ReadingPublishers(broker.port, PUBLISHERS, "bench-pub-")) {
            probe(m, pub);
            // A mothership runs for days: its JIT is warm. So are the publishers (the parts before) and Mosquitto (C).
            int warmUp = 20;
            pub.flood(pots, 0, warmUp);
            waitFor(m, () -> m.stored() >= (long) pots * warmUp, 120, "the mothership to store the warm-up readings");
            Thread.sleep(1_000);
            long before = m.stored();
            ProcStats stats = m.stats();
            double[] peakRss = {0};
            long cpu = stats.cpuNanos();
            mothershipTimeline = new Sampler(() -> m.stored() - before,
                    () -> peakRss[0] = Math.max(peakRss[0], stats.rssMb()));
            long start = System.nanoTime();
            pub.flood(pots, warmUp, warmUp + perPot);
            double publishers = rate(total, start);
            waitFor(m, () -> m.stored() - before >= total, 300, "the mothership to store " + total);
            double r = total / ((m.reachedAtNanos() - start) / 1e9);
            long wall = System.nanoTime() - start;
            long used = stats.cpuNanos() - cpu;
            mothershipTimeline.close();
            double[] waits = m.waitsMs();
            return new ShippedRun(r, publishers, peakRss[0], used / 1e6 / (total / 1000.0), 100.0 * used / wall,
                    percentile(waits, 50), percentile(waits, 99));
        }
    }

    /** Waits for the shipped mothership; a timeout says what its log says last (a wedged link shows there). */
    private static void waitFor(MothershipProcess m, Check c, int seconds, String what) throws Exception {
        try {
            waitUntil(() -> {
                m.requireAlive();
                return c.ok();
            }, seconds, what);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (stored " + m.stored() + "); its log ends:\n" + m.logTail(6), e);
        }
    }

    static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];
    }

    /** Readings from pot "probe" until one is stored: its subscription is in place; then the stragglers settle. */
    private static void probe(MothershipProcess m, ReadingPublishers pub) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int seq = 0;
        while (m.stored() == 0) {
            m.requireAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the mothership stored no probe reading in 60 s:\n" + m.log());
            }
            pub.probe(seq++);
            Thread.sleep(200);
        }
        Thread.sleep(1_000);
    }

    /** Readings per second over time for both sinks; the fleet's latency at each percentile. */
    private void charts() {
        TimeChart rates = new TimeChart("Same saturating publishers: readings/s received by each sink", "readings/s");
        rates.line("bare mosquitto_sub -q 1 -c (received)", subTimeline.seconds(), subTimeline.ratePerSecond());
        rates.line("mothership (committed in SQLite)", mothershipTimeline.seconds(), mothershipTimeline.ratePerSecond());
        Path r = rates.writePng(CHARTS.resolve("mothership-ingest-rate.png"), 900, 450);
        Path l = new PercentileChart("10,000 pots at one reading per 5 s: published -> stored", "ms")
                .add("mothership (SQLite)", fleetLatenciesMs).logY()
                .writePng(CHARTS.resolve("mothership-fleet-latency.png"), 900, 450);
        System.out.println("\n![Readings/s over time, both sinks](" + r + ")\n\n![Fleet latency by percentile](" + l + ")");
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
