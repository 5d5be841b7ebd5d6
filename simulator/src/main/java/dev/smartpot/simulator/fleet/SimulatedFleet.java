package dev.smartpot.simulator.fleet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.ForwardingMqttTransport;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.host.broker.MoquetteConnectBarrier;
import dev.smartpot.simulator.board.SimulatedBoard;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.board.SystemClock;
import dev.smartpot.simulator.mqtt.HiveMqttTransport;
import dev.smartpot.simulator.board.PotMemory;

/**
 * Many simulated pots in one JVM: each the real core with its own chip id ({@code sim.seed-i}), soil,
 * queue and supervisor, all driven by a small pool of scheduler threads, and connecting at a set rate so
 * the fleet does not storm the broker. Pots talk MQTT through {@link HiveMqttTransport}, whose clients
 * share one event loop.
 * <p>
 * A pot that is not online ticks in the link lane, a pool of its own, because its tick may block on
 * connecting; online pots keep the scheduler's threads to themselves and their cadence while others connect
 * (see {@link FleetPot}). The link lane's threads end after a few idle seconds, so a fleet that is up runs on
 * the scheduler's alone.
 */
public final class SimulatedFleet {

    /** Scheduler threads (they tick online pots) when not told otherwise; each blocks while its pot waits for a PUBACK. */
    public static final int DEFAULT_THREADS = 8;
    /**
     * Pots connecting at once, at most: each blocks a link lane thread while the broker answers. Bounded so that a
     * ramp or a reconnect storm is spread out rather than thrown at the broker; as many as the scheduler had before.
     */
    static final int LINK_LANE_THREADS = 8;
    /** A link lane thread with nothing to set up ends after this long. */
    private static final long LINK_LANE_IDLE_SECONDS = 5;

    private final DeviceConfig config;
    private final List<FleetPot> pots;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ThreadPoolExecutor linkLane;
    /** Takes every pot's readings when due, beside the ticks that may wait on the broker. */
    private final FleetSampler sampler = new FleetSampler();
    private final double connectsPerSecond;
    private final LongAdder published = new LongAdder();

    /**
     * @param transports makes each pot's transport; {@link #hiveMq()} for the fleet's own
     */
    public SimulatedFleet(DeviceConfig config, SimulatorConfig world, int devices, double connectsPerSecond, int threads,
            FleetConsole console, FleetPot.TransportFactory transports) {
        this(config, world, devices, connectsPerSecond, threads, console, transports, null);
    }

    /**
     * @param stateDir where each pot keeps its RTC memory and sequence mark between runs, as a board keeps them, so a
     *                 restarted fleet goes on with each pot's next boot; null keeps them for this run only (a reboot
     *                 still counts the boot on)
     */
    public SimulatedFleet(DeviceConfig config, SimulatorConfig world, int devices, double connectsPerSecond, int threads,
            FleetConsole console, FleetPot.TransportFactory transports, Path stateDir) {
        this.config = config;
        this.connectsPerSecond = connectsPerSecond;
        this.scheduler = new ScheduledThreadPoolExecutor(threads, daemonThreads("fleet-"));
        scheduler.setRemoveOnCancelPolicy(true);
        // Unbounded queue: a ramp waits its turn here, in order, rather than in the scheduler ahead of online pots.
        this.linkLane = new ThreadPoolExecutor(LINK_LANE_THREADS, LINK_LANE_THREADS, LINK_LANE_IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("fleet-link-"));
        linkLane.allowCoreThreadTimeOut(true);
        List<FleetPot> list = new ArrayList<>(devices);
        SystemClock worldClock = new SystemClock(false);
        for (int i = 0; i < devices; i++) {
            PotMemory memory = PotMemory.fleetPot(stateDir == null ? null
                    : stateDir.resolve(SimulatedBoard.fleetPotSeed(world, i)));
            SimulatedBoard board = SimulatedBoard.fleetPot(config, world, i, worldClock).log(console::logFor)
                    .memory(memory).build();
            list.add(new FleetPot(config, board, world.sleepSpeedup, counting(transports), scheduler, linkLane,
                    sampler));
        }
        this.pots = Collections.unmodifiableList(list);
    }

    /** The fleet's transport: HiveMQ clients on one shared event loop, safe from the embedded broker's CONNACK race. */
    public static FleetPot.TransportFactory hiveMq() {
        return clientId -> new MoquetteConnectBarrier(new HiveMqttTransport());
    }

    /** Starts the pots at the connect rate: pot i boots {@code i / rate} seconds from now. */
    public void start() {
        for (int i = 0; i < pots.size(); i++) {
            FleetPot pot = pots.get(i);
            scheduler.schedule(pot::start, Math.round(i * 1000.0 / connectsPerSecond), TimeUnit.MILLISECONDS);
        }
    }

    public List<FleetPot> pots() {
        return pots;
    }

    public FleetSnapshot snapshot() {
        return new FleetSnapshot(this);
    }

    /** Readings the broker acknowledged (or, at QoS 0, that were sent). */
    public long published() {
        return published.sum();
    }

    /**
     * Stops every pot (each says "offline" and disconnects), waiting up to {@code timeoutMillis}; returns
     * how many did not stop in time.
     */
    public int stop(long timeoutMillis) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (FleetPot pot : pots) {
            stops.add(pot.stop());
        }
        try {
            CompletableFuture.allOf(stops.toArray(new CompletableFuture[0])).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Counted below.
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
        int late = 0;
        for (FleetPot pot : pots) {
            if (!pot.isStopped()) {
                late++;
            }
        }
        scheduler.shutdownNow();
        linkLane.shutdownNow();
        sampler.shutdown();
        for (FleetPot pot : pots) {
            if (pot.isStopped()) {
                pot.keepForNextRun();
            }
        }
        return late;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Counts the readings each transport publishes, so the fleet can report readings per second. */
    private FleetPot.TransportFactory counting(FleetPot.TransportFactory transports) {
        return clientId -> new CountingTransport(transports.create(clientId), config.publishTopicFor(clientId), published);
    }

    /** Passes everything through; counts publishes to the readings topic that succeeded. */
    private static final class CountingTransport extends ForwardingMqttTransport {
        private final String readingsTopic;
        private final LongAdder count;

        CountingTransport(MqttTransport inner, String readingsTopic, LongAdder count) {
            super(inner);
            this.readingsTopic = readingsTopic;
            this.count = count;
        }

        @Override
        public void publish(String topic, byte[] payload, int length, int qos, boolean retained) throws MqttTransportException {
            inner.publish(topic, payload, length, qos, retained);
            if (!retained && topic.equals(readingsTopic)) {
                count.increment();
            }
        }
    }
}
