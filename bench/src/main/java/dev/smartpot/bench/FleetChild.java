package dev.smartpot.bench;

import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.host.LogTuning;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.fleet.FleetConsole;
import dev.smartpot.simulator.fleet.FleetSnapshot;
import dev.smartpot.simulator.fleet.SimulatedFleet;

/**
 * One fleet in a JVM of its own, so its threads, memory and CPU are its own:
 * {@code FleetChild BROKER_URI N INTERVAL SETTLE_S WINDOW_S BROKER_PID [KEY=VALUE;...]}, the last being
 * device keys on top of the defaults. Connects the fleet at 500/s, lets it settle,
 * measures over the window, then stops it (every pot says offline) and prints {@code RESULT key=value...}.
 */
public final class FleetChild {

    public static void main(String[] args) throws Exception {
        // As scripts/simulate does: library warnings only.
        LogTuning.quietLibraries();
        String broker = args[0];
        int n = Integer.parseInt(args[1]);
        String interval = args[2];
        long settleMillis = Long.parseLong(args[3]) * 1000;
        long windowMillis = Long.parseLong(args[4]) * 1000;
        long brokerPid = Long.parseLong(args[5]);
        String props = "publish.interval = " + interval + "\n" + (args.length > 6 ? args[6].replace(';', '\n') + "\n" : "");
        DeviceConfig device = BenchPot.config(broker, props);
        SimulatorConfig world = FleetBench.world(broker, props);
        long rssBefore = ProcessStats.rssBytes();
        SimulatedFleet fleet = new SimulatedFleet(device, world, n, 500, SimulatedFleet.DEFAULT_THREADS,
                new FleetConsole(System.err::println, false), SimulatedFleet.hiveMq());
        fleet.start();
        long rampDeadline = System.currentTimeMillis() + n * 2L + 60_000;
        while (fleet.snapshot().online < n && System.currentTimeMillis() < rampDeadline) {
            Thread.sleep(100);
        }
        Thread.sleep(settleMillis);
        long windowStartMs = System.currentTimeMillis();
        long cpuStart = ProcessStats.cpuNanos();
        long brokerCpuStart = FleetBench.brokerCpuNanos(brokerPid);
        FleetSnapshot start = fleet.snapshot();
        int threads = 0;
        long rss = 0;
        long end = windowStartMs + windowMillis;
        while (System.currentTimeMillis() < end) {
            Thread.sleep(Math.min(1000, Math.max(1, end - System.currentTimeMillis())));
            threads = Math.max(threads, ProcessStats.threads());
            rss = Math.max(rss, ProcessStats.rssBytes());
        }
        long cpu = ProcessStats.cpuNanos() - cpuStart;
        long brokerCpu = FleetBench.brokerCpuNanos(brokerPid) - brokerCpuStart;
        long windowEndMs = System.currentTimeMillis();
        FleetSnapshot last = fleet.snapshot();
        double perSecond = last.readingsPerSecond(start);
        long heap = ProcessStats.heapUsedAfterGc();
        int late = fleet.stop(120_000);
        FleetSnapshot stopped = fleet.snapshot();
        System.out.println("RESULT n=" + n + " window_start_ms=" + windowStartMs + " window_end_ms=" + windowEndMs
                + " online_at_window_end=" + last.online + " readings_per_s=" + String.format("%.1f", perSecond)
                + " threads=" + threads + " rss_bytes=" + rss + " rss_base_bytes=" + rssBefore + " heap_bytes=" + heap
                + " cpu_ns=" + cpu + " broker_cpu_ns=" + brokerCpu + " window_ms=" + (windowEndMs - windowStartMs)
                + " taken=" + stopped.readingsTaken + " published=" + stopped.published + " queued=" + stopped.queued
                + " dropped=" + stopped.dropped + " reconnects=" + stopped.reconnects + " not_stopped=" + late);
        System.exit(0);
    }
}
