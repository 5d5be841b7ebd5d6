package dev.smartpot.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.smartpot.broker.EmbeddedBroker;
import dev.smartpot.device.ClientIds;
import dev.smartpot.device.config.ConfigException;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.host.LogTuning;
import dev.smartpot.simulator.board.FakeChipId;
import dev.smartpot.simulator.board.SimulatedBoard;
import dev.smartpot.simulator.board.VmStoppedThreads;
import dev.smartpot.simulator.cli.Banner;
import dev.smartpot.simulator.cli.BrokerChoice;
import dev.smartpot.simulator.cli.FlagProblem;
import dev.smartpot.simulator.cli.Shutdown;
import dev.smartpot.simulator.cli.SimulatorOptions;
import dev.smartpot.simulator.cli.SimulatorSettings;
import dev.smartpot.simulator.fleet.FleetRun;
import dev.smartpot.simulator.forget.ForgetRun;
import dev.smartpot.simulator.mqtt.HiveMqttTransport;
import dev.smartpot.simulator.mqtt.PahoMqttTransport;
import picocli.CommandLine;
import dev.smartpot.protocol.WireTopics;

/**
 * {@code scripts/simulate}: reads the flags and the config file, picks the broker, then runs one pot
 * ({@link SinglePotRun}) or a fleet ({@link FleetRun}) until quit.
 */
public final class SimulatorMain extends SimulatorOptions implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_CONFIG = 2;
    /** A fleet's readings topic unless the config names one: a topic per pot. */
    static final String FLEET_READINGS_TOPIC = WireTopics.READINGS_TEMPLATE;
    /** Seconds Ctrl-C waits for a fleet to say "offline" and stop. */
    private static final int FLEET_GRACE_SECONDS = 70;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;

    public SimulatorMain(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public static void main(String[] args) {
        LogTuning.quietLibraries();
        // A pot whose evaluation VM stopped ends its readings thread too: one line, not Java's "Exception in thread".
        VmStoppedThreads.install(System.err);
        System.exit(run(args, System.out, System.err, System.in));
    }

    /** Runs the command line and returns its exit code (tests call this in-process). */
    public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        CommandLine cli = new CommandLine(new SimulatorMain(out, err, in));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            FlagProblem problem = FlagProblem.in(e);
            err.println("simulate: " + (problem != null ? problem.getMessage() : e.getMessage()));
            err.println("Run with --help for the flags.");
            return EXIT_CONFIG;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        ConfigSource source;
        Path configFile = configPath();
        try {
            source = SimulatorSettings.load(configFile, interval, err);
        } catch (IOException e) {
            err.println("simulate: cannot read " + configFile + ": " + e.getMessage()
                    + ". Fix: pass --config FILE (absolute, or relative to the folder you run the command from).");
            return EXIT_CONFIG;
        }
        if (chipId != null && fleet()) {
            err.println("simulate: --chip-id names one pot, but --devices runs a fleet whose ids come from sim.seed."
                    + " Fix: pass --seed TEXT instead (pot N of the fleet is seeded TEXT-N)");
            return EXIT_CONFIG;
        }
        if (vmLimit != null && fleet()) {
            err.println("simulate: --vm-limit models one pot's VM, and --devices runs a fleet. Fix: run the pot on its own"
                    + " (without --devices)");
            return EXIT_CONFIG;
        }
        if (vmLimit != null) {
            source.override("sim.vm.limit", vmLimit, "command line --vm-limit");
        }
        if (vmRestartEvery != null) {
            source.override("vm.restart.every", vmRestartEvery, "command line --vm-restart-every");
        }
        boolean anotherPot = SimulatorSettings.overrideIdentity(source, seed, chipId);
        BrokerChoice brokers = new BrokerChoice(broker, port);
        String brokerProblem = brokers.decide(source);
        if (brokerProblem != null) {
            err.println("simulate: " + brokerProblem);
            return EXIT_CONFIG;
        }
        brokers.applyTo(source);
        if (fleet() && source.get("mqtt.topic.publish") == null) {
            // On one shared topic every Home Assistant entity of every pot renders every reading (N x N); per pot, N.
            source.override("mqtt.topic.publish", FLEET_READINGS_TOPIC, "the fleet's default (--devices)");
        }
        if (discovery) {
            source.override("homeassistant.discovery", "true", "command line --discovery");
        } else if (fleet() && source.get("homeassistant.discovery") == null) {
            // Hundreds of pots that stop would stay in Home Assistant as devices, from their retained configs.
            source.override("homeassistant.discovery", "false", "the fleet's default (--devices)");
        }
        SimulatorSettings settings;
        try {
            settings = SimulatorSettings.read(source);
        } catch (ConfigException e) {
            SimulatorSettings.printProblems(err, e);
            return EXIT_CONFIG;
        }
        if (forget) {
            return forget(settings, brokers.embedded());
        }
        EmbeddedBroker embeddedBroker = null;
        if (brokers.embedded()) {
            try {
                embeddedBroker = brokers.startEmbedded(source);
            } catch (IOException | RuntimeException e) {
                err.println("simulate: the embedded broker did not start: " + e.getMessage()
                        + ". Fix: pass --port with a free port, or use --broker with a running broker.");
                return EXIT_FAILED;
            }
            try {
                settings = SimulatorSettings.read(source);
            } catch (ConfigException impossible) {
                SimulatorSettings.printProblems(err, impossible);
                embeddedBroker.close();
                return EXIT_CONFIG;
            }
        }
        out.println(brokers.describe(String.join(", ", settings.device.brokers)));
        Shutdown shutdown = new Shutdown();
        if (fleet()) {
            return runFleet(settings, embeddedBroker, shutdown);
        }
        out.println(Banner.secondPot(settings.world.seed));
        try {
            new SinglePotRun(out, in, configFile, port, !anotherPot)
                    .run(settings, source, fresh, embeddedBroker, shutdown, durationMillis(), duration, readings);
        } catch (IOException e) {
            err.println("simulate: --fresh could not move the saved settings aside: " + e.getMessage()
                    + ". Fix: check that the folder of " + configFile + " is writable, or move its .state file yourself");
            if (embeddedBroker != null) {
                embeddedBroker.close();
            }
            return EXIT_FAILED;
        }
        return EXIT_OK;
    }

    /** {@code --forget}: removes what the pot (or the fleet of the same seed) left on the broker, then exits. */
    private int forget(SimulatorSettings settings, boolean embedded) {
        if (embedded) {
            out.println("simulate: --forget: nothing to forget on the embedded broker, which keeps nothing once its run ends."
                    + " To clear a broker of yours, pass --broker URI (or a --config whose mqtt.broker names it)");
            return EXIT_OK;
        }
        List<String> clientIds = new ArrayList<>();
        if (fleet()) {
            for (int i = 0; i < devices; i++) {
                clientIds.add(ClientIds.fromChipId(FakeChipId.fromSeed(SimulatedBoard.fleetPotSeed(settings.world, i)).uniqueId()));
            }
        } else {
            clientIds.add(ClientIds.fromChipId(SimulatedBoard.singleChipId(settings.world).uniqueId()));
        }
        // HiveMQ's client connects a fleet quickly, over tcp:// only; Paho speaks TLS too.
        boolean quick = fleet() && BrokerChoice.fleetProblemWith(settings.device.brokers) == null;
        return new ForgetRun(out, err).run(settings.device, clientIds, quick ? HiveMqttTransport::new : PahoMqttTransport::new);
    }

    /** {@code --devices N} (or {@code --view}): a fleet on a few scheduler threads instead of one pot. */
    private int runFleet(SimulatorSettings settings, EmbeddedBroker embeddedBroker, Shutdown shutdown) {
        String problem = BrokerChoice.fleetProblemWith(settings.device.brokers);
        if (problem != null) {
            err.println("simulate: " + problem);
            if (embeddedBroker != null) {
                embeddedBroker.close();
            }
            return EXIT_CONFIG;
        }
        if (fresh) {
            out.println("simulate: --fresh: a fleet keeps no saved settings (a command's setting lasts for the run); nothing to set aside");
        }
        shutdown.untilQuit(FLEET_GRACE_SECONDS, embeddedBroker, () ->
                new FleetRun(out, devices, ramp, threads, view, System.console() != null, potLogs)
                        .keepStateIn(configPath().resolveSibling(configPath().getFileName() + ".fleet"))
                        .run(settings.device, settings.world, shutdown.quitSignal(), durationMillis(), readings));
        return EXIT_OK;
    }
}
