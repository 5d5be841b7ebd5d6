package dev.smartpot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * CPU of the fleet's JVM, of the broker (whose pid changes when it restarts) and of the whole machine, sampled
 * every 200 ms from /proc while a cadence run lasts; reported as average cores busy.
 */
final class CpuSampler implements Runnable {

    /** Average cores busy over the run: the fleet's JVM, the broker, and everything on the machine. */
    record Totals(double fleetCores, double brokerCores, double machineCores, int cores) {
    }

    private static final long TICK_NANOS = 10_000_000L;

    private final long childPid;
    private final LongSupplier brokerPid;
    private final Thread thread;
    private final long startNanos = System.nanoTime();
    private final long[] machineStart = machineTicks();
    private volatile boolean running = true;
    private long childCpu;
    private long brokerCpuDone;
    private long brokerPidSeen = -1;
    private long brokerCpuLast;

    private CpuSampler(long childPid, LongSupplier brokerPid) {
        this.childPid = childPid;
        this.brokerPid = brokerPid;
        this.thread = new Thread(this, "cadence-cpu");
        thread.setDaemon(true);
    }

    static CpuSampler start(long childPid, LongSupplier brokerPid) {
        CpuSampler sampler = new CpuSampler(childPid, brokerPid);
        sampler.thread.start();
        return sampler;
    }

    @Override
    public void run() {
        while (running) {
            sample();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        long child = processTicks(childPid);
        if (child >= 0) {
            childCpu = child;
        }
        long pid = brokerPid.getAsLong();
        if (pid != brokerPidSeen) {
            // A restarted broker: keep what the old one used up to its last sample.
            brokerCpuDone += brokerCpuLast;
            brokerCpuLast = 0;
            brokerPidSeen = pid;
        }
        long broker = processTicks(pid);
        if (broker >= 0) {
            brokerCpuLast = broker;
        }
    }

    Totals stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long[] machineEnd = machineTicks();
        double machineBusy = (machineEnd[0] - machineStart[0]) * TICK_NANOS / 1e9;
        synchronized (this) {
            return new Totals(childCpu * TICK_NANOS / 1e9 / seconds, (brokerCpuDone + brokerCpuLast) * TICK_NANOS / 1e9 / seconds,
                    machineBusy / seconds, Runtime.getRuntime().availableProcessors());
        }
    }

    /** utime + stime of a process in clock ticks (10 ms), or -1 once it is gone. */
    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception gone) {
            return -1;
        }
    }

    /** Busy ticks of all cores together (everything but idle and iowait). */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return new long[] {busy};
        } catch (Exception e) {
            return new long[] {0};
        }
    }
}
