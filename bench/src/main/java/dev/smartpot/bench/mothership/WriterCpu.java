package dev.smartpot.bench.mothership;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.BenchEngineParts;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.ingest.PayloadParser;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.protocol.WireTopics;
import dev.smartpot.testkit.Loopback;

/**
 * The store writer's cost per reading on the saturating ingest path, without a broker: this thread decodes the pots'
 * own payloads (as the broker link's reader does) and offers them to the engine's real store writer, wired with its
 * listener chain as the app wires it ({@link BenchEngineParts}), into a fresh SQLite file; the writer's queue stays
 * full, so it commits batches of up to 5,000 as under a saturating broker. The broker link points at a port where
 * nothing listens (it stays down: the pots' acknowledgements are not sent). Measures the writer thread alone with
 * {@code ThreadMXBean}: CPU ms per 1,000 readings and bytes allocated per reading, which other load on the machine
 * does not change (the allocation is exact; the CPU time only slightly). Prints one Markdown row per round, and the
 * load average before and after. After {@code mvn -B -q -DskipTests -pl bench -am package}:
 * <pre>java -Xms16m -Xmx128m -XX:+UseSerialGC -cp "bench/target/smartpot-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
 *     dev.smartpot.bench.mothership.WriterCpu [readings per round, default 200000] [rounds, default 3] [pots, default 1000]</pre>
 * (the heap and collector of {@code scripts/mothership}). A warm-up round of the same size runs first (JIT). About 25 s.
 */
public final class WriterCpu {

    private static final String WRITER_THREAD = "mothership-store-writer";

    private WriterCpu() {
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int pots = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        Path dir = Files.createTempDirectory("bench-writer-cpu");
        long total = (long) perRound * (rounds + 1);
        long firstTs = System.currentTimeMillis() - (total / pots + 2) * 5_000L;
        EngineOptions options = EngineOptions.sqlite(BrokerOptions.plain("tcp://127.0.0.1:" + Loopback.freePort()),
                dir.resolve("mothership.db"));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (BenchEngineParts engine = BenchEngineParts.start(options)) {
            StoreWriter writer = engine.writer();
            AtomicLong acks = new AtomicLong();
            long[] batches = new long[1];
            writer.observe((messages, writeNanos, oldest, committedAt) -> batches[0]++);
            long writerId = writerThreadId();
            PayloadParser parser = new PayloadParser();
            String[] topics = new String[pots];
            for (int p = 0; p < pots; p++) {
                topics[p] = WireTopics.readings(ReadingPublishers.potId(p));
            }
            System.out.println("load average at the start: " + loadAverage());
            System.out.println("| round | readings | batches | writer CPU ms / 1,000 readings | writer bytes / reading"
                    + " | GC ms | wall s |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            long next = 0;
            for (int round = 0; round <= rounds; round++) {
                long cpu0 = threads.getThreadCpuTime(writerId);
                long bytes0 = threads.getThreadAllocatedBytes(writerId);
                long gc0 = gcMillis();
                long batches0 = batches[0];
                long wall0 = System.nanoTime();
                long want = acks.get() + perRound;
                for (int i = 0; i < perRound; i++, next++) {
                    int pot = (int) (next % pots);
                    long seq = next / pots + 1;
                    byte[] payload = ReadingPublishers.reading(pot, seq, firstTs + seq * 5_000L);
                    writer.offer(new StoreWriter.Received(parser.parse(topics[pot], payload), System.currentTimeMillis(),
                            acks::incrementAndGet));
                }
                while (acks.get() < want) {
                    Thread.sleep(1);
                }
                double cpuMs = (threads.getThreadCpuTime(writerId) - cpu0) / 1e6;
                long bytes = threads.getThreadAllocatedBytes(writerId) - bytes0;
                System.out.printf("| %s | %d | %d | %.2f | %d | %d | %.1f |%n", round == 0 ? "warm-up" : Integer.toString(round),
                        perRound, batches[0] - batches0, cpuMs * 1_000 / perRound, bytes / perRound, gcMillis() - gc0,
                        (System.nanoTime() - wall0) / 1e9);
            }
            System.out.println("load average at the end: " + loadAverage());
            if (writer.stored() != total) {
                throw new IllegalStateException("stored " + writer.stored() + " of " + total + " readings");
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long writerThreadId() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(WRITER_THREAD)) {
                return t.getId();
            }
        }
        throw new IllegalStateException("no thread " + WRITER_THREAD);
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
