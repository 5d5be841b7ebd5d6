package dev.smartpot.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.smartpot.protocol.WireTopics;
import dev.smartpot.testkit.Mosquitto;

/**
 * One side of the cadence benchmark: a fleet of pots (the bench's {@code FleetChild}, from the classpath given,
 * which may be an older build of the project) against a real Mosquitto, whose broker is stopped (SIGTERM, as a
 * service restart does), left down and started again in the middle of the run; or frozen (SIGSTOP) and thawed.
 * Everything measured comes from the wire (see {@link SamplingDelays}), plus the CPU of the fleet's JVM and of the
 * broker.
 */
final class CadenceRun {

    /** What one side measured; wall-clock times in ms. */
    record Result(String side, CadenceArrivals arrivals, SamplingDelays delays, long allHeardWallMs, long stoppedWallMs,
            long startedWallMs, long endWallMs, long taken, long queuedAtEnd, long droppedFromQueues, CpuSampler.Totals cpu,
            String loadBefore, String loadAfter) {

        /** Taken but never received, counted after the queues had time to drain. */
        long lost() {
            return Math.max(0, taken - arrivals.distinct());
        }
    }

    private final PrintStream log;
    private final int pots;
    private final long intervalMs;
    private final int steadySeconds;
    private final int downSeconds;
    private final int afterSeconds;
    private final Path childLogDir;
    private final boolean freeze;

    /** @param freeze SIGSTOP the broker for the outage instead of stopping it (its sockets stay open, nothing answers) */
    CadenceRun(PrintStream log, int pots, long intervalMs, int steadySeconds, int downSeconds, int afterSeconds, Path childLogDir,
            boolean freeze) {
        this.log = log;
        this.freeze = freeze;
        this.pots = pots;
        this.intervalMs = intervalMs;
        this.steadySeconds = steadySeconds;
        this.downSeconds = downSeconds;
        this.afterSeconds = afterSeconds;
        this.childLogDir = childLogDir;
    }

    Result run(String side, String classpath) throws Exception {
        String loadBefore = loadAverage();
        log.println("cadence [" + side + "]: " + pots + " pots, a reading every " + intervalMs + " ms; load average " + loadBefore);
        CadenceArrivals arrivals = new CadenceArrivals();
        try (Mosquitto broker = BenchBroker.start(true);
                BenchSubscriber sub = new BenchSubscriber(broker.uri(), "bench-cadence-mothership", WireTopics.UP, true,
                        arrivals::arrived)) {
            // The child's window outlasts the restart: steady, down, after, and room for its own settle.
            int windowSeconds = steadySeconds + downSeconds + afterSeconds + 10;
            Files.createDirectories(childLogDir);
            Path childLog = childLogDir.resolve("cadence-" + side + "-fleet.log");
            Process child = new ProcessBuilder("java", "-cp", classpath, "dev.smartpot.bench.FleetChild", broker.uri(),
                    Integer.toString(pots), intervalMs + "ms", "2", Integer.toString(windowSeconds),
                    Long.toString(broker.pid()), "")
                    .redirectError(ProcessBuilder.Redirect.to(childLog.toFile())).start();
            Map<String, String> result = new HashMap<>();
            Thread reader = resultReader(child, result);
            CpuSampler cpu = CpuSampler.start(child.pid(), broker::pid);
            long deadline = System.currentTimeMillis() + 120_000;
            while (arrivals.pots() < pots) {
                if (System.currentTimeMillis() > deadline || !child.isAlive()) {
                    child.destroyForcibly();
                    throw new IllegalStateException(side + ": only " + arrivals.pots() + " of " + pots
                            + " pots were heard from in 120 s; see " + childLog);
                }
                Thread.sleep(50);
            }
            long allHeard = System.currentTimeMillis();
            log.println("cadence [" + side + "]: all " + pots + " pots heard from; steady " + steadySeconds + " s");
            Thread.sleep(steadySeconds * 1000L);
            long stopped = System.currentTimeMillis();
            if (freeze) {
                broker.freeze();
            } else {
                stop(broker);
            }
            log.println("cadence [" + side + "]: broker " + (freeze ? "frozen (SIGSTOP)" : "stopped (SIGTERM)") + " for "
                    + downSeconds + " s");
            Thread.sleep(downSeconds * 1000L);
            if (freeze) {
                broker.thaw();
            } else {
                broker.restart();
            }
            long started = System.currentTimeMillis();
            log.println("cadence [" + side + "]: broker answering again; the fleet runs on to the end of its window");
            reader.join(TimeUnit.SECONDS.toMillis(windowSeconds + 180L));
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            CpuSampler.Totals totals = cpu.stop();
            if (result.isEmpty()) {
                throw new IllegalStateException(side + ": the fleet printed no RESULT (exit " + child.exitValue() + "); see " + childLog);
            }
            long end = Long.parseLong(result.get("window_end_ms"));
            long taken = Long.parseLong(result.get("taken"));
            // Readings still in flight when the fleet stopped: give them time to arrive before counting losses.
            long drainDeadline = System.currentTimeMillis() + 20_000;
            while (arrivals.distinct() < taken && System.currentTimeMillis() < drainDeadline) {
                Thread.sleep(50);
            }
            SamplingDelays delays = SamplingDelays.of(arrivals.perPotBoot(), intervalMs);
            return new Result(side, arrivals, delays, allHeard, stopped, started, end, taken,
                    Long.parseLong(result.get("queued")), Long.parseLong(result.get("dropped")), totals, loadBefore,
                    loadAverage());
        }
    }

    /** SIGTERM, as {@code systemctl restart mosquitto} sends: the broker saves its sessions and closes every socket. */
    private static void stop(Mosquitto broker) throws Exception {
        Optional<ProcessHandle> process = ProcessHandle.of(broker.pid());
        if (process.isEmpty()) {
            throw new IllegalStateException("the broker (pid " + broker.pid() + ") is already gone");
        }
        process.get().destroy();
        process.get().onExit().get(30, TimeUnit.SECONDS);
    }

    private static Thread resultReader(Process child, Map<String, String> result) {
        Thread t = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("RESULT ")) {
                        Map<String, String> parsed = new HashMap<>();
                        for (String kv : line.substring(7).split(" ")) {
                            int eq = kv.indexOf('=');
                            parsed.put(kv.substring(0, eq), kv.substring(eq + 1));
                        }
                        synchronized (result) {
                            result.putAll(parsed);
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // The child went away; a missing RESULT is reported by the caller.
            }
        }, "cadence-fleet-result");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The 1, 5 and 15 minute load averages (the machine is shared: other work shows here). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
