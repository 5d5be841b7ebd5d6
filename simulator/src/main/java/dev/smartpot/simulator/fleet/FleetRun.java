package dev.smartpot.simulator.fleet;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.BrokerAddress;
import dev.smartpot.device.mqtt.Topics;
import dev.smartpot.device.text.Durations;
import dev.smartpot.simulator.board.SimulatorConfig;

/** {@code scripts/simulate --devices N}: runs a fleet until Ctrl-C or {@code --duration}, printing as it goes. */
public final class FleetRun {

    /** How often the summary line is printed (plain output) or the view redrawn (a terminal). */
    static final long PLAIN_PERIOD_MILLIS = 5000;
    /** How often a run with --readings looks at the fleet's count. */
    private static final long READINGS_POLL_MILLIS = 50;
    static final long VIEW_PERIOD_MILLIS = 1000;
    private static final long STOP_TIMEOUT_MILLIS = 60_000;

    private final PrintStream out;
    private final int devices;
    private final double connectsPerSecond;
    private final int threads;
    private final boolean view;
    private final boolean terminal;
    private final boolean potLogs;
    /** Where each pot's RTC memory and sequence mark wait between runs; null: this run only. */
    private java.nio.file.Path stateDir;

    public FleetRun(PrintStream out, int devices, double connectsPerSecond, int threads, boolean view, boolean terminal,
            boolean potLogs) {
        this.out = out;
        this.devices = devices;
        this.connectsPerSecond = connectsPerSecond;
        this.threads = threads;
        this.view = view;
        this.terminal = terminal;
        this.potLogs = potLogs;
    }

    /** Each pot keeps its boot counter, sequence and queue in {@code dir} between runs, as a board keeps them. */
    public FleetRun keepStateIn(java.nio.file.Path dir) {
        this.stateDir = dir;
        return this;
    }

    /**
     * Runs until {@code quit} counts down, {@code runForMillis} (0 = no limit) passes, or every pot published
     * {@code readingsEach} readings (0 = no such limit); returns true when the time ran out.
     */
    public boolean run(DeviceConfig device, SimulatorConfig world, CountDownLatch quit, long runForMillis, long readingsEach)
            throws InterruptedException {
        String broker = String.join(", ", device.brokers);
        FleetConsole console = new FleetConsole(out::println, potLogs);
        if (stateDir != null) {
            try {
                java.nio.file.Files.createDirectories(stateDir);
            } catch (java.io.IOException e) {
                out.println("fleet: " + stateDir + " cannot be created (" + e.getMessage() + "); each pot's boot counter"
                        + " lasts for this run only. Fix: make the folder of the config file writable");
                stateDir = null;
            }
        }
        SimulatedFleet fleet = new SimulatedFleet(device, world, devices, connectsPerSecond, threads, console,
                SimulatedFleet.hiveMq(), stateDir);
        boolean ansi = view && terminal && !potLogs;
        // A per-pot readings topic (to_mothership/{id}, the fleet's default) is watched with a wildcard.
        String readings = Topics.withClientId(device.publishTopic, "+");
        out.println("smartpot fleet: " + devices + " pots on " + broker + ", connecting at "
                + trim(connectsPerSecond) + "/s, a reading each every " + Durations.format(device.publishIntervalMillis)
                + " to " + readings + " (HiveMQ client, " + threads + " scheduler threads)");
        String hostPort = hostPort(device.brokers[0]);
        out.println("  watch the readings:   mosquitto_sub " + hostPort + " -t " + readings + " -v");
        out.println("  talk to every pot:    mosquitto_pub " + hostPort + " -t " + device.subscribeTopic + " -m \"wassap!\"");
        out.println(device.homeAssistant.discovery
                ? "  Home Assistant:       every pot announced under " + device.homeAssistant.prefix + "/ (retained: they stay after the fleet stops)"
                : "  Home Assistant:       not announced, a fleet's default, and configs these pots retained before are cleared "
                        + "(--discovery announces them)");
        if (view && !terminal) {
            out.println("  --view: output is not a terminal, so the view is printed as plain lines");
        }
        out.println(potLogs ? "  every pot's log lines follow; Ctrl-C to stop"
                : "  a summary every " + (PLAIN_PERIOD_MILLIS / 1000) + " s (--pot-logs: every pot's own lines); Ctrl-C to stop");
        FleetView screen = new FleetView(fleet, "smartpot fleet: " + devices + " pots on " + broker
                + "\n  watch the readings: mosquitto_sub " + hostPort + " -t " + readings + " -v", ansi, view, console);
        long period = ansi ? VIEW_PERIOD_MILLIS : PLAIN_PERIOD_MILLIS;
        long started = System.currentTimeMillis();
        fleet.start();
        boolean timedOut = false;
        boolean enoughReadings = false;
        long nextRefresh = started + period;
        while (true) {
            long now = System.currentTimeMillis();
            long wait = nextRefresh - now;
            if (runForMillis > 0) {
                long left = started + runForMillis - now;
                if (left <= 0) {
                    timedOut = true;
                    break;
                }
                wait = Math.min(wait, left);
            }
            if (readingsEach > 0) {
                if (everyPotPublished(fleet, readingsEach)) {
                    enoughReadings = true;
                    break;
                }
                wait = Math.min(wait, READINGS_POLL_MILLIS);
            }
            if (quit.await(Math.max(wait, 1), TimeUnit.MILLISECONDS)) {
                break;
            }
            if (System.currentTimeMillis() >= nextRefresh) {
                screen.refresh();
                nextRefresh += period;
            }
        }
        console.ownScreen(false);
        if (timedOut) {
            out.println("simulate: --duration reached, stopping " + devices + " pots");
        } else if (enoughReadings) {
            out.println("simulate: --readings " + readingsEach + " published by every pot, stopping " + devices + " pots");
        }
        int late = fleet.stop(STOP_TIMEOUT_MILLIS);
        FleetSnapshot end = fleet.snapshot();
        out.println("fleet: stopped " + (devices - late) + " of " + devices + " pots after "
                + String.format("%.1fs", (System.currentTimeMillis() - started) / 1000.0) + ": "
                + end.readingsTaken + " readings taken, " + end.published + " published, " + end.queued + " still queued, "
                + end.dropped + " dropped, " + end.reconnects + " reconnects, " + console.warnings() + " warnings"
                + (late > 0 ? "; " + late + " did not stop within " + (STOP_TIMEOUT_MILLIS / 1000) + " s" : ""));
        return timedOut;
    }

    private static boolean everyPotPublished(SimulatedFleet fleet, long readings) {
        for (FleetPot pot : fleet.pots()) {
            PotNode node = pot.node();
            if (node == null || node.publishedReadings() < readings) {
                return false;
            }
        }
        return true;
    }

    private static String hostPort(String uri) {
        BrokerAddress broker = BrokerAddress.parse(uri);
        return "-h " + broker.hostName() + " -p " + broker.port();
    }

    private static String trim(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
