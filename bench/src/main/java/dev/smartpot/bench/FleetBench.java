package dev.smartpot.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.protocol.WireTopics;

/**
 * The fleet: N pots at a reading every 5 s against Mosquitto, for growing N, each fleet in a JVM of its own
 * ({@link FleetChild}). An independent subscriber in this JVM checks that every reading of every pot
 * arrived and measures its latency from the reading's own {@code ts} (when it was taken, ms resolution).
 * A step passes when nothing is missing and p99 stays under 100 ms; stepping stops at the first failure.
 */
final class FleetBench {

    /** A row of the fleet table. */
    record Row(String config, int devices, String notKept, long taken, long received, long missing, Percentiles latency,
            double readingsPerSecond, int threads, double rssKbPerDevice, double heapKbPerDevice,
            double cpuUsPerDevicePerSecond, double jvmCores, double brokerCores) {

        boolean kept() {
            return notKept == null;
        }

        boolean passed() {
            return kept() && latency.p99Ms < 100;
        }
    }

    static final String INTERVAL = "5s";
    static final int SETTLE_SECONDS = 5;
    static final int WINDOW_SECONDS = 30;

    private final PrintStream log;
    private final String classpath;

    FleetBench(PrintStream log, String classpath) {
        this.log = log;
        this.classpath = classpath;
    }

    static SimulatorConfig world(String broker, String props) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("wifi.ssid = BenchNet\nwifi.password = bench-password\n"
                + "mqtt.broker = " + broker + "\n" + props + "sim.seed = bench\n", "bench.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        return world;
    }

    /**
     * @param config a name for the table
     * @param extraKeys device keys on top of the defaults, {@code key=value;key=value}, or ""
     */
    List<Row> run(int[] steps, String config, String extraKeys) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int n : steps) {
            Row row = step(n, config, extraKeys);
            rows.add(row);
            if (!row.passed()) {
                break;
            }
        }
        return rows;
    }

    /** Per pot: the seqs that arrived (as a bit set) and the readings' latencies. */
    private static final class Arrivals {
        final Map<String, java.util.BitSet> seqs = new ConcurrentHashMap<>();
        final AtomicLong received = new AtomicLong();
        /** When each reading was taken (its ts) and its latency in ms, for the window chosen afterwards. */
        private long[] takenMs = new long[4096];
        private long[] latencyMs = new long[4096];
        private int samples;

        void arrived(String json) {
            long now = System.currentTimeMillis();
            String id = Readings.id(json);
            long seq = Readings.seq(json);
            java.util.BitSet bits = seqs.computeIfAbsent(id, k -> new java.util.BitSet());
            synchronized (bits) {
                bits.set((int) seq);
            }
            received.incrementAndGet();
            long ts = Readings.ts(json);
            synchronized (this) {
                if (samples == takenMs.length) {
                    takenMs = java.util.Arrays.copyOf(takenMs, samples * 2);
                    latencyMs = java.util.Arrays.copyOf(latencyMs, samples * 2);
                }
                takenMs[samples] = ts;
                latencyMs[samples] = now - ts;
                samples++;
            }
        }

        /** Latencies of the readings taken in [fromMs, toMs). */
        synchronized Percentiles latency(long fromMs, long toMs) {
            long[] nanos = new long[samples];
            int n = 0;
            for (int i = 0; i < samples; i++) {
                if (takenMs[i] >= fromMs && takenMs[i] < toMs) {
                    nanos[n++] = latencyMs[i] * 1_000_000L;
                }
            }
            return new Percentiles(nanos, n);
        }

        long distinct() {
            long n = 0;
            for (java.util.BitSet b : seqs.values()) {
                synchronized (b) {
                    n += b.cardinality();
                }
            }
            return n;
        }

        /** Seqs missing below each pot's highest seq, plus readings the pots took that never arrived. */
        long missing(long taken) {
            long holes = 0;
            for (java.util.BitSet b : seqs.values()) {
                synchronized (b) {
                    holes += b.length() - b.cardinality();
                }
            }
            return Math.max(holes, taken - distinct());
        }
    }

    private Row step(int n, String config, String extraKeys) throws Exception {
        log.println("  fleet: " + n + " pots, " + config + ", a reading each every " + INTERVAL + " (settle " + SETTLE_SECONDS + " s, measure "
                + WINDOW_SECONDS + " s)");
        try (Mosquitto broker = BenchBroker.start()) {
            Arrivals mothership = new Arrivals();
            try (BenchSubscriber sub = new BenchSubscriber(broker.uri(), "bench-fleet-mothership", WireTopics.UP, false,
                    (at, topic, payload) -> mothership.arrived(new String(payload, StandardCharsets.US_ASCII)))) {
                Process child = new ProcessBuilder("java", "-cp", classpath, FleetChild.class.getName(), broker.uri(),
                        Integer.toString(n), INTERVAL, Integer.toString(SETTLE_SECONDS), Integer.toString(WINDOW_SECONDS),
                        Long.toString(broker.pid()), extraKeys)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                Map<String, String> result = new HashMap<>();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("RESULT ")) {
                            for (String kv : line.substring(7).split(" ")) {
                                int eq = kv.indexOf('=');
                                result.put(kv.substring(0, eq), kv.substring(eq + 1));
                            }
                        }
                    }
                }
                child.waitFor(60, TimeUnit.SECONDS);
                if (result.isEmpty()) {
                    throw new IllegalStateException("the fleet of " + n + " printed no RESULT (exit " + child.exitValue() + ")");
                }
                long taken = Long.parseLong(result.get("taken"));
                long deadline = System.currentTimeMillis() + 20_000;
                while (mothership.distinct() < taken && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                long windowStart = Long.parseLong(result.get("window_start_ms"));
                long windowEnd = Long.parseLong(result.get("window_end_ms"));
                double windowSeconds = Long.parseLong(result.get("window_ms")) / 1000.0;
                long missing = mothership.missing(taken);
                long dropped = Long.parseLong(result.get("dropped"));
                long queued = Long.parseLong(result.get("queued"));
                String notKept = missing > 0 ? missing + " missing"
                        : mothership.seqs.size() < n ? (n - mothership.seqs.size()) + " pots never heard from"
                        : dropped > 0 ? dropped + " dropped from full queues"
                        : queued > 0 ? queued + " still queued at the stop" : null;
                long rssGrowth = Long.parseLong(result.get("rss_bytes")) - Long.parseLong(result.get("rss_base_bytes"));
                double cpuSeconds = Long.parseLong(result.get("cpu_ns")) / 1e9;
                Row row = new Row(config, n, notKept, taken, mothership.distinct(), missing, mothership.latency(windowStart, windowEnd),
                        Double.parseDouble(result.get("readings_per_s")), Integer.parseInt(result.get("threads")),
                        rssGrowth / 1024.0 / n, Long.parseLong(result.get("heap_bytes")) / 1024.0 / n,
                        cpuSeconds / windowSeconds / n * 1e6, cpuSeconds / windowSeconds,
                        Long.parseLong(result.get("broker_cpu_ns")) / 1e9 / windowSeconds);
                log.println("    " + (row.passed() ? "passed" : "FAILED") + ": " + row.received + "/" + taken
                        + " received" + (notKept == null ? "" : " (" + notKept + ")") + ", p99 "
                        + Percentiles.ms(row.latency.p99Ms) + " ms, " + result.get("online_at_window_end") + " online at the end");
                return row;
            }
        }
    }

    /** utime + stime of a process, from /proc (clock ticks of 10 ms). */
    static long brokerCpuNanos(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (Exception e) {
            return 0;
        }
    }
}
