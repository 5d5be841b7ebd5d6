package dev.smartpot.bench.mothership;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;

import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.broker.BrokerOptions;

/**
 * The child JVM of the heap figure: {@code HeapProbe BROKER_URL SQLITE_FILE} starts the engine on a store
 * of 10,000 pots, lists them once (the views are built), lets a few evaluation ticks pass, collects
 * garbage and prints the used heap on a line starting with {@link #RESULT}.
 */
public final class HeapProbe {

    static final String RESULT = "heap-used-after-gc=";

    public static void main(String[] args) throws Exception {
        try (MothershipEngine engine = new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(args[0]), Path.of(args[1])))) {
            engine.start();
            int pots = engine.pots().size();
            if (pots != DashboardBench.POTS) {
                throw new IllegalStateException("expected " + DashboardBench.POTS + " pots, the engine has " + pots);
            }
            Thread.sleep(3_000);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            long used = memory.getHeapMemoryUsage().getUsed();
            System.out.println(RESULT + String.format(Locale.ROOT, "%.1f MB", used / 1048576.0));
        }
        System.exit(0);
    }
}
