package dev.smartpot.simulator.fleet;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.host.LogTuning;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MothershipStandIn;

/**
 * How late the readings of pots already online come while the rest of a fleet connects (not a test): a fleet ramps
 * up on a Mosquitto of its own on loopback, an independent subscriber notes when each reading of each pot arrives,
 * and a reading's lateness is the time since that pot's previous reading arrived, less the interval. Counts the
 * readings due before the last pot came online. Run after {@code mvn -pl simulator -am test-compile} with the test
 * classpath: {@code java -cp ... dev.smartpot.simulator.fleet.FleetRampBench [pots] [ramp/s] [threads] [interval ms]}.
 */
public final class FleetRampBench {

    public static void main(String[] args) throws Exception {
        LogTuning.quietLibraries();
        int pots = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double ramp = args.length > 1 ? Double.parseDouble(args[1]) : 500;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : SimulatedFleet.DEFAULT_THREADS;
        long intervalMillis = args.length > 3 ? Long.parseLong(args[3]) : 5000;
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        try (Mosquitto broker = Mosquitto.configure().persistence(false).quietLog()
                .line("max_queued_messages 1000000").line("set_tcp_nodelay true").start();
                MothershipStandIn subscriber = MothershipStandIn.on(broker.uri(), "to_mothership/+")) {
            SimulatedFleet fleet = fleet(broker.uri(), pots, ramp, threads, intervalMillis);
            long start = System.nanoTime();
            fleet.start();
            int maxThreads = 0;
            long allOnline = -1;
            long deadline = start + (long) (pots / ramp * 1e9) + 180_000_000_000L;
            while (allOnline < 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
                maxThreads = Math.max(maxThreads, ManagementFactory.getThreadMXBean().getThreadCount());
                if (fleet.snapshot().online == pots) {
                    allOnline = System.nanoTime();
                }
            }
            // Two intervals more, so a reading held back during the ramp arrives before the count.
            long end = System.nanoTime() + 2 * intervalMillis * 1_000_000 + 1_000_000_000L;
            while (System.nanoTime() < end) {
                Thread.sleep(100);
                maxThreads = Math.max(maxThreads, ManagementFactory.getThreadMXBean().getThreadCount());
            }
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            int notStopped = fleet.stop(60_000);
            FleetSnapshot last = fleet.snapshot();
            Thread.sleep(1000);
            RampArrivals arrivals = new RampArrivals(subscriber.received());
            long[] late = arrivals.latenessMillis(intervalMillis, allOnline < 0 ? System.nanoTime() : allOnline);
            System.out.printf("pots=%d ramp=%.0f/s threads=%d interval=%dms%n", pots, ramp, threads, intervalMillis);
            System.out.printf("all online after: %s%n", allOnline < 0 ? "NEVER" : String.format("%.1f s", (allOnline - start) / 1e9));
            System.out.printf("readings of online pots due during the ramp: %d; lateness ms p50=%d p99=%d max=%d%n", late.length,
                    RampArrivals.percentile(late, 50), RampArrivals.percentile(late, 99), RampArrivals.percentile(late, 100));
            System.out.printf("JVM threads: %d at most, %d once up; taken=%d published=%d queued=%d dropped=%d not stopped=%d%n", maxThreads, threadsAfter,
                    last.readingsTaken, last.published, last.queued, last.dropped, notStopped);
            System.out.println("load average at the start: " + load + " (" + Runtime.getRuntime().availableProcessors() + " cores)");
        }
        System.exit(0);
    }

    static SimulatedFleet fleet(String brokerUri, int pots, double ramp, int threads, long intervalMillis) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(String.join("\n",
                "wifi.ssid = BenchNet",
                "wifi.password = bench-password",
                "mqtt.broker = " + brokerUri,
                "publish.interval = " + intervalMillis + "ms",
                "mqtt.topic.publish = to_mothership/{id}",
                "homeassistant.discovery = false",
                "sim.seed = ramp",
                ""), "fleet-ramp-bench.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        return new SimulatedFleet(device, world, pots, ramp, threads, new FleetConsole(line -> { }, false), SimulatedFleet.hiveMq());
    }
}
