package dev.smartpot.bench;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** The cadence benchmark's Markdown section for BENCHMARKS.md: method, machine, one row per build, charts. */
final class CadenceReport {

    private final int pots;
    private final long intervalMs;
    private final int steadySeconds;
    private final int downSeconds;
    private final int afterSeconds;
    private final boolean freeze;

    CadenceReport(int pots, long intervalMs, int steadySeconds, int downSeconds, int afterSeconds, boolean freeze) {
        this.freeze = freeze;
        this.pots = pots;
        this.intervalMs = intervalMs;
        this.steadySeconds = steadySeconds;
        this.downSeconds = downSeconds;
        this.afterSeconds = afterSeconds;
    }

    String markdown(List<CadenceRun.Result> results, List<Path> charts) {
        StringBuilder md = new StringBuilder();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        md.append("Measured ").append(date).append(". Machine: ").append(Machine.describe()).append("\n\n");
        md.append(pots).append(" simulated pots in one JVM (the bench's `FleetChild`: the simulator's fleet, HiveMQ "
                + "transport, connecting at 500/s), a reading each every ").append(intervalMs).append(" ms, against Mosquitto "
                + "on loopback (persistence on, saved every second). ").append(steadySeconds).append(" s after every pot was "
                + "heard from, the broker is ").append(freeze
                ? "frozen with SIGSTOP (its sockets stay open and nothing answers, as a hung broker or a black-holed link), for "
                : "stopped with SIGTERM (as a service restart does), left down ").append(downSeconds)
                .append(freeze ? " s and continued;" : " s and started again;")
                .append(" the fleet runs on about ").append(afterSeconds).append(" s. A persistent QoS 1 "
                + "subscriber stands in for the mothership. **Sampling delay** is how late a reading was taken versus "
                + "its slot in the pot's schedule, worked out from the wire alone (each reading's `seq` and `uptime_ms`, "
                + "the pot's own clock): the schedule is anchored at a boot's first reading, one slot per seq an interval "
                + "apart, and a reading taken an interval or more late re-anchors it (the slots in between are *skipped*: "
                + "no reading exists for them, and `seq` has no gap). Delays are over the readings taken from the moment "
                + "every pot was heard from to the end of the fleet's window.\n\n");
        md.append("| build | readings arrived | lost (taken, never arrived) | seq holes | slots skipped | p50 ms | p99 ms "
                + "| max ms | largest `uptime_ms` gap, ms | same seq, two payloads | fleet JVM CPU, cores | Mosquitto CPU, cores "
                + "| machine CPU, cores of " + Runtime.getRuntime().availableProcessors() + " | load average before / after |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (CadenceRun.Result r : results) {
            double[] d = r.delays().delaysBetween(r.allHeardWallMs(), r.endWallMs());
            Arrays.sort(d);
            md.append("| ").append(r.side())
                    .append(" | ").append(r.arrivals().distinct()).append(" of ").append(r.taken())
                    .append(" | ").append(r.lost())
                    .append(" | ").append(r.delays().seqHoles)
                    .append(" | ").append(r.delays().slotsSkipped)
                    .append(" | ").append(whole(at(d, 0.50)))
                    .append(" | ").append(whole(at(d, 0.99)))
                    .append(" | ").append(whole(at(d, 1.0)))
                    .append(" | ").append(r.delays().largestGapMs)
                    .append(" | ").append(r.arrivals().conflicts())
                    .append(" | ").append(String.format("%.2f", r.cpu().fleetCores()))
                    .append(" | ").append(String.format("%.2f", r.cpu().brokerCores()))
                    .append(" | ").append(String.format("%.2f", r.cpu().machineCores()))
                    .append(" | ").append(r.loadBefore()).append(" / ").append(r.loadAfter())
                    .append(" |\n");
        }
        md.append('\n');
        for (CadenceRun.Result r : results) {
            md.append("- ").append(r.side()).append(freeze ? ": broker frozen " : ": broker down ")
                    .append(String.format("%.1f", (r.startedWallMs() - r.stoppedWallMs()) / 1000.0))
                    .append(" s (stop to answering); ").append(r.arrivals().resends()).append(" readings arrived twice (resent); ")
                    .append(r.queuedAtEnd()).append(" still queued when the fleet stopped, ").append(r.droppedFromQueues())
                    .append(" dropped from full queues; ").append(r.arrivals().withoutUptime()).append(" readings without `uptime_ms`.\n");
        }
        md.append('\n');
        for (Path chart : charts) {
            md.append("![").append(chart.getFileName()).append("](").append(chart.toString().replace('\\', '/')).append(")\n\n");
        }
        return md.toString();
    }

    private static double at(double[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    private static String whole(double ms) {
        return Double.isNaN(ms) ? "-" : String.format("%.0f", ms);
    }
}
