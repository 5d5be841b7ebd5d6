package dev.smartpot.bench.mothership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The shipped mothership's footprint on a Pi-sized load ({@code scripts/mothership} in its own process, its
 * memory flags): resident memory, CPU and bytes written to storage (scaled to a day) for 20 pots at one
 * reading per 5 s and for 5,000 pots at one a minute, after a move cycle and a quarter of that load to warm up. {@code FootprintBench
 * [--quick] [--rounds=SMALL,LARGE] [--warm=SMALL,LARGE]} (intervals measured: 180 and 6 by default, 15 and 6 minutes: one
 * inbox move each; intervals of warm-up: a quarter more than measured by default, so a window of several moves can keep the
 * one-cycle warm-up: {@code --rounds=720,0 --warm=225,0} measures 20 pots for an hour); prints Markdown rows.
 * The bytes written include a checkpoint of the window's write-ahead log ({@link WalLog}): the mothership's own
 * comes every hour or two, rarely inside a window of minutes, and writes the window's pages a second time.
 */
public final class FootprintBench {

    private static final int PUBLISHERS = 2;

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path dir = Files.createTempDirectory("bench-mship-footprint");
        // 15 and 6 min measured: the inbox moves its readings every 15 min (20 pots) and at 30,000 rows (5,000 pots at one a
        // minute: every 6 min); a window without its move misses the move's writes.
        int[] rounds = quick ? new int[] {6, 1} : new int[] {180, 6};
        int[] warm = null;
        for (String a : args) {
            if (a.startsWith("--rounds=")) {
                rounds = pair(a.substring("--rounds=".length()));
            } else if (a.startsWith("--warm=")) {
                warm = pair(a.substring("--warm=".length()));
            }
        }
        // A move cycle and a quarter before measuring, by default: the window's one move then falls in its middle.
        if (warm == null) {
            warm = new int[] {rounds[0] + Math.max(1, rounds[0] / 4), rounds[1] + Math.max(1, rounds[1] / 4)};
        }
        if (rounds[0] > 0) {
            System.out.println(measure(dir.resolve("small"), 20, 5_000, warm[0], rounds[0], "20 pots at one reading per 5 s"));
        }
        if (rounds[1] > 0) {
            System.out.println(measure(dir.resolve("large"), 5_000, 60_000, warm[1], rounds[1], "5,000 pots at one reading a minute"));
        }
        System.exit(0);
    }

    private static int[] pair(String value) {
        String[] r = value.split(",");
        return new int[] {Integer.parseInt(r[0]), Integer.parseInt(r[1])};
    }

    /** A fleet paced for {@code warm} intervals, then {@code rounds} measured, after every pot sent once (each known). */
    private static String measure(Path data, int pots, long intervalMs, int warm, int rounds, String what) throws Exception {
        try (BenchBroker broker = BenchBroker.start();
             MothershipProcess m = MothershipProcess.start(broker, data, System.getenv("BENCH_MOTHERSHIP_JAVA_OPTS"));
             ReadingPublishers pub = new ReadingPublishers(broker.port, PUBLISHERS, "bench-footprint-")) {
            IngestBench.waitUntil(() -> {
                m.requireAlive();
                pub.probe(0);
                return m.stored() > 0;
            }, 60, "the mothership to store a probe reading");
            // Every pot registered (its first row written) before the measured window: a Pi runs a known fleet.
            pub.paced(pots, Math.max(1_000, pots / 5), 1, new long[pots]);
            IngestBench.waitUntil(() -> m.stored() >= pots, 60, "the first reading of every pot stored");
            // The same load before measuring (by default a move cycle and a quarter): a Pi's mothership runs for days. For its first
            // minutes the JIT compiler is half of its CPU (-XX:+PrintCompilation: tier-4 compiles 60-120 s in), and until
            // the first move the inbox's ring is still being made (its slots added, not written over).
            pub.paced(pots, intervalMs, 1, warm, new long[pots * warm]); // seq 0 was the registration's
            Path db = data.resolve("mothership.db");
            WalLog.Mark mark = WalLog.mark(db);
            ProcStats stats = m.stats();
            long cpu = stats.cpuNanos();
            long written = stats.writeBytes();
            long start = System.nanoTime();
            double[] peak = {0};
            // Only the memory's peak: each count of stored readings is a request the measured process answers.
            try (Sampler s = new Sampler(() -> 0, () -> peak[0] = Math.max(peak[0], stats.rssMb()))) {
                pub.paced(pots, intervalMs, 1 + warm, rounds, new long[pots * rounds]);
            }
            // Every reading of the window stored (new, none a redelivery) before the window's bytes and time are read.
            long expected = (long) pots * (1 + warm + rounds);
            IngestBench.waitUntil(() -> {
                Thread.sleep(200); // a request each 200 ms: a second of an hour's window, at little of the mothership's CPU
                return m.stored() >= expected;
            }, 60, expected + " readings stored");
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuShare = 100.0 * (stats.cpuNanos() - cpu) / (seconds * 1e9);
            long mothershipBytes = stats.writeBytes() - written;
            long checkpointBytes = WalLog.checkpointBytesSince(db, mark);
            double perDayMb = (mothershipBytes + checkpointBytes) / seconds * 86_400 / 1e6;
            return String.format(Locale.ROOT, "| %s, %.0f s measured | %.0f MB (peak %.0f MB) | %.1f %% of one core |"
                    + " %.0f MB/day (the checkpoint of the window's log %.0f of them) |", what, seconds, stats.rssMb(), peak[0],
                    cpuShare, perDayMb, checkpointBytes / seconds * 86_400 / 1e6);
        }
    }
}
