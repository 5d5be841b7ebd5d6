package dev.smartpot.bench.mothership;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the engine's own threads ({@code mothership-*}: the store writer, the evaluation timer, the
 * event dispatch), which the publishers in the same JVM do not use: a figure that holds up better than
 * wall time on a machine shared with other work. The MQTT client's threads are not in it (the bench's
 * publishers share them).
 */
final class EngineCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EngineCpu() {
    }

    /** Nanoseconds of CPU used so far by the live threads whose name starts with "mothership-". */
    static long nanos() {
        long total = 0;
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("mothership-")) {
                long cpu = THREADS.getThreadCpuTime(t.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }
}
