package dev.smartpot.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.smartpot.broker.EmbeddedBroker;
import dev.smartpot.host.LogTuning;
import dev.smartpot.testkit.Mosquitto;
import picocli.CommandLine;

/**
 * {@code scripts/bench}: measures, prints a table per section and writes BENCHMARKS.md. Sections:
 * transports, latency, recovery, fleet, footprint (all by default). Traffic stays on 127.0.0.1.
 */
public final class BenchMain extends BenchOptions implements Callable<Integer> {

    private String args = "";

    public static void main(String[] args) {
        // The embedded-broker rows run Moquette in this JVM: without this it logs every packet at INFO.
        LogTuning.quietLibraries();
        BenchMain bench = new BenchMain();
        bench.args = String.join(" ", args);
        CommandLine cli = new CommandLine(bench);
        cli.setParameterExceptionHandler((e, a) -> {
            Throwable cause = e.getCause() instanceof CommandLine.TypeConversionException ? e.getCause() : e;
            System.err.println("bench: " + (cause == e ? e.getMessage() : cause.getMessage()) + ". Fix: see scripts/bench --help");
            return 2;
        });
        System.exit(cli.execute(args));
    }

    private final PrintStream log = System.out;
    private final StringBuilder report = new StringBuilder();
    private final String classpath = System.getProperty("java.class.path");

    @Override
    public Integer call() throws Exception {
        run();
        return 0;
    }

    private void run() throws Exception {
        long started = System.currentTimeMillis();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        report.append("# Benchmarks\n\n")
                .append("Written by `scripts/bench").append(args.isEmpty() ? "" : " " + args).append("` on ").append(date)
                .append(". Every figure below was measured in that one run; loopback only (127.0.0.1).\n\n")
                .append("Machine: ").append(Machine.describe()).append("\n\n");
        if (sections.contains("transports")) {
            transports();
        }
        if (sections.contains("latency")) {
            latency();
        }
        if (sections.contains("recovery")) {
            recovery();
        }
        if (sections.contains("fleet")) {
            fleet();
        }
        if (sections.contains("footprint")) {
            footprint();
        }
        long seconds = (System.currentTimeMillis() - started) / 1000;
        report.append("The whole run took ").append(seconds / 60).append(" min ").append(seconds % 60).append(" s.\n");
        Files.writeString(out, report + othersSections(out));
        log.println("bench: done in " + seconds / 60 + " min " + seconds % 60 + " s; wrote " + out.toAbsolutePath());
    }

    /** Where the sections other benchmarks write begin (scripts/bench-mothership, the deep-sleep report). */
    static final String OTHERS_MARKER = "<!-- Sections below are written by other benchmarks; scripts/bench keeps them. -->";

    /** The sections of {@code out} that other benchmarks wrote, kept as they are; empty if there are none. */
    static String othersSections(Path out) throws IOException {
        if (!Files.exists(out)) {
            return "";
        }
        String existing = Files.readString(out);
        int at = existing.indexOf(OTHERS_MARKER);
        return at < 0 ? "" : "\n" + existing.substring(at);
    }

    private void section(String title, String method, Table table, String after) {
        log.println();
        log.println("## " + title);
        log.println(table);
        report.append("## ").append(title).append("\n\n").append(method).append("\n\n").append(table).append('\n');
        if (after != null && !after.isEmpty()) {
            report.append(after).append("\n\n");
            log.println(after);
        }
    }

    // ---- sections ------------------------------------------------------------------------------------

    private void transports() throws Exception {
        log.println("transports: what one connected client costs (Paho 50 clients, HiveMQ 1000), each in a JVM of its own");
        Table t = new Table("transport", "clients", "connect + subscribe + status, ms each", "threads in the JVM",
                "threads per client", "RSS per client, KB", "heap per client, KB");
        try (Mosquitto broker = BenchBroker.start()) {
            for (String[] probe : new String[][] {{"paho", "50"}, {"hivemq", "1000"}}) {
                Map<String, String> r = ChildJvm.result(classpath, TransportProbe.class.getName(), probe[0], probe[1], broker.uri());
                t.row(probe[0].equals("paho") ? "Paho 1.2.5 (one device, the board's API)" : "HiveMQ client 1.3.5 (the fleet)",
                        r.get("clients"), r.get("connect_ms_each"), r.get("threads"), r.get("threads_per_client"),
                        r.get("rss_kb_per_client"), r.get("heap_kb_per_client"));
            }
        }
        section("Transports: why the fleet uses the HiveMQ client",
                "Each client connects to Mosquitto one after another as a pot does (CONNECT with a will, SUBSCRIBE, "
                        + "retained status at QoS 1), in a JVM of its own (`TransportProbe`). RSS and heap per client include "
                        + "the JVM's own warm-up spread over the clients, so small counts read high.",
                t, "Paho's blocking client starts 4 threads per connection and waits about 300 ms in each connect; the "
                        + "HiveMQ client shares one Netty event loop among all clients. 10,000 pots on Paho would be 40,000 "
                        + "threads and about 50 minutes of sequential connects; on HiveMQ they are a handful of threads.");
    }

    private void latency() throws Exception {
        Table t = new Table("broker", "path", "samples", "p50 ms", "p99 ms", "max ms", "rate");
        LatencyBench bench = new LatencyBench(log);
        List<LatencyBench.Row> rows = new ArrayList<>();
        try (Mosquitto broker = BenchBroker.start()) {
            log.println("latency: Mosquitto " + broker.uri());
            rows.addAll(bench.run("Mosquitto 2.0", broker.uri()));
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            log.println("latency: embedded Moquette " + broker.uri());
            rows.addAll(bench.run("embedded Moquette 0.17", broker.uri()));
        }
        for (LatencyBench.Row r : rows) {
            t.row(r.broker(), r.path(), r.p().count, Percentiles.ms(r.p().p50Ms), Percentiles.ms(r.p().p99Ms),
                    Percentiles.ms(r.p().maxMs), r.rate());
        }
        section("End-to-end latency",
                "From the reading taken (the pot's sensor read, `System.nanoTime()`) to an independent Paho subscriber "
                        + "receiving it, QoS 1 both ways, one pot with " + LatencyBench.POT_READINGS + " readings at "
                        + LatencyBench.POT_INTERVAL + " (the shortest interval the config allows). Baselines in the same run, "
                        + "on the same broker: a bare Paho client publishing to the same subscriber, and `mosquitto_pub -l` "
                        + "to `mosquitto_sub -F %U` (wall clock, ns), " + LatencyBench.BASELINE_MESSAGES + " messages 20 ms "
                        + "apart. The first " + LatencyBench.WARM_UP + " samples of each series (JIT warm-up) are left out. "
                        + "The embedded broker runs in the same JVM as the pot and the subscriber, as `scripts/simulate` runs it.",
                t, "A pot's reading takes the same path as the baselines plus the core's encoding and queue, which cost "
                        + "microseconds (see the footprint section for what a cycle allocates). Differences under a "
                        + "millisecond between rows are within the noise of one run on a shared 2-core machine; the rates "
                        + "differ because 100 ms is the shortest interval a pot accepts.");
    }

    private void recovery() throws Exception {
        Table t = new Table("scenario", "readings queued in the outage", "first queued delivered, ms", "queue drained, ms",
                "readings lost");
        for (RecoveryBench.Row r : new RecoveryBench(log).run()) {
            t.row(r.what(), r.queued(), String.format("%.0f", r.firstDeliveredMs()), String.format("%.0f", r.drainedMs()), r.lost());
        }
        section("Recovery after a broker crash",
                "Mosquitto (persistence on, saved every second) is killed with SIGKILL, stays down " + RecoveryBench.OUTAGE_MILLIS / 1000
                        + " s while the pots keep taking readings, and is restarted. Times are from the moment it accepts "
                        + "connections again. The mothership is a persistent QoS 1 session that reconnects every 5 ms. The "
                        + "pots use the default backoff (1 s doubling to 60 s, full jitter): a pot is not told the broker "
                        + "is back, so the wait for its next attempt is most of the time to first delivery. The single pot's "
                        + "link is up " + RecoveryBench.STABLE_LINK_MILLIS / 1000 + " s before each outage, so its backoff "
                        + "starts from 1 s each time; for the fleet, the first column is its quickest pot and the second "
                        + "its slowest. The proxy row keeps the broker up and cuts the link between pot and broker with a "
                        + "TCP proxy (the test kit's) for as long, as the fault suite does.",
                t, "Embedded Moquette is not measured here: it runs without persistence inside the simulator's JVM, so a "
                        + "restart also loses the mothership's session.");
    }

    private void fleet() throws Exception {
        Table t = new Table("pots", "config", "every reading kept", "received / taken", "p50 ms", "p99 ms", "readings/s", "threads",
                "RSS per pot, KB", "heap per pot, KB", "CPU per pot, us/s", "JVM CPU, cores", "Mosquitto CPU, cores");
        FleetBench bench = new FleetBench(log, classpath);
        List<FleetBench.Row> rows = new ArrayList<>(bench.run(fleetPlan.steps(), DEFAULTS, ""));
        // The delivery check subscribes each (re)connecting pot to the shared readings topic until its own
        // reading comes back: the same fleet without it shows what that costs.
        int[] withoutCheck = Arrays.stream(fleetPlan.steps()).filter(n -> n >= 10_000).toArray();
        rows.addAll(bench.run(withoutCheck.length > 0 ? withoutCheck : fleetPlan.steps(), NO_DELIVERY_CHECK, "mqtt.delivery.check = false"));
        Map<String, Integer> largest = new java.util.LinkedHashMap<>();
        largest.put(DEFAULTS, 0);
        largest.put(NO_DELIVERY_CHECK, 0);
        for (FleetBench.Row r : rows) {
            t.row(r.devices(), r.config(), r.kept() ? "yes" : "NO: " + r.notKept(), r.received() + " / " + r.taken(),
                    Percentiles.wholeMs(r.latency().p50Ms), Percentiles.wholeMs(r.latency().p99Ms), String.format("%.0f", r.readingsPerSecond()),
                    r.threads(), String.format("%.1f", r.rssKbPerDevice()), String.format("%.1f", r.heapKbPerDevice()),
                    String.format("%.1f", r.cpuUsPerDevicePerSecond()), String.format("%.2f", r.jvmCores()),
                    String.format("%.2f", r.brokerCores()));
            if (r.passed()) {
                largest.merge(r.config(), r.devices(), Math::max);
            }
        }
        section("Fleet",
                "N pots, a reading each every " + FleetBench.INTERVAL + ", in one JVM (`scripts/simulate --devices N` with "
                        + "the HiveMQ transport and " + dev.smartpot.simulator.fleet.SimulatedFleet.DEFAULT_THREADS
                        + " scheduler threads), connecting at 500/s to Mosquitto (config: no connection limit, "
                        + "`max_queued_messages 1000000`, `set_tcp_nodelay true`, no persistence). Each fleet runs in a JVM of its own; after "
                        + "all pots are online it settles " + FleetBench.SETTLE_SECONDS + " s and is measured for "
                        + FleetBench.WINDOW_SECONDS + " s (latency, threads, RSS, CPU of the JVM and of Mosquitto), "
                        + "then heap after a full GC, then it "
                        + "stops (every pot says offline). An independent Paho subscriber checks every seq of every pot "
                        + "from 0 to the last; latency is from each reading's own `ts` to its arrival, both whole wall-clock "
                        + "milliseconds (so \"<1\" is under a millisecond; the latency section has finer figures). "
                        + "RSS per pot is the growth over the JVM before the fleet. A step passes when nothing is missing and "
                        + "p99 < 100 ms; stepping stops at the first failure.",
                t, "Largest fleet that kept every reading with p99 under 100 ms: **" + largestText(largest.get(DEFAULTS))
                        + "** with the default configuration, **" + largestText(largest.get(NO_DELIVERY_CHECK))
                        + "** with `mqtt.delivery.check = false`. The delivery check subscribes each pot to the readings "
                        + "topic after every connect until one of its own readings comes back; on the tutorial's shared "
                        + "topic (`to_mothership`) a connecting pot then also receives every other pot's readings, so a "
                        + "fleet connecting together multiplies the broker's traffic. Each pot holds a socket in the "
                        + "simulator's JVM and one in Mosquitto; the open-file limit here is "
                        + Machine.openFileLimit() + " per process, which is where stepping ends (`--fleet max`). "
                        + "Heap per pot is mostly the reading queue: `queue.capacity = 17280` (a day at 5 s) is 69 KB per pot.");
    }

    static final String DEFAULTS = "defaults";
    static final String NO_DELIVERY_CHECK = "no delivery check";

    private static String largestText(int pots) {
        return pots == 0 ? "none of the sizes tried" : pots + " pots";
    }

    private void footprint() throws Exception {
        Map<String, String> r = ChildJvm.result(classpath, FootprintBench.class.getName());
        Map<String, String> a = ChildJvm.result(classpath, CoreAllocationBench.class.getName());
        Table t = new Table("what", "bytes");
        t.row("core retained heap per device, queue.capacity 17280 (default)", r.get("retained_default_queue"));
        t.row("core retained heap per device, queue.capacity 100", r.get("retained_queue_100"));
        t.row("allocated per publish cycle (reading taken, encoded, published)", r.get("allocated_per_cycle"));
        t.row("payload of that reading (JSON)", r.get("payload_bytes"));
        t.row("allocated per offline cycle (reading taken and queued, no broker)", a.get("allocated_per_offline_cycle"));
        t.row("allocated by the sensor pipeline per reading (7 samples, median, average)", a.get("sensor_pipeline_per_reading"));
        t.row("allocated per command parsed: valid (interval 30s)", a.get("command_valid"));
        t.row("allocated per command parsed: rejected (interval 0, its error text)", a.get("command_rejected"));
        t.row("allocated per status command (parsed, answered, published, logged)", a.get("status_command"));
        t.row("allocated per battery measurement and its reading's encoding (5 samples, median, battery_mv)",
                a.get("battery_per_reading"));
        section("Footprint of the core",
                "The core alone, with the board and MQTT stubbed (nothing of Paho, HiveMQ or the simulator counted), in "
                        + "JVMs of their own (`FootprintBench`, `CoreAllocationBench`): retained heap is the heap in use after "
                        + "full collections with " + FootprintBench.DEVICES + " cores alive, per core; allocation is the JVM's "
                        + "per-thread allocation counter over " + FootprintBench.CYCLES + " publish cycles on a manual clock (after "
                        + FootprintBench.WARM_UP_CYCLES + " to warm up), with the log discarding its lines; the other allocation "
                        + "rows over " + CoreAllocationBench.ROUNDS + " rounds each after " + CoreAllocationBench.WARM_UP + ".",
                t, "Desktop JVM figures (64-bit, compressed pointers); the board's MicroEJ VM lays objects out differently.");
    }
}
