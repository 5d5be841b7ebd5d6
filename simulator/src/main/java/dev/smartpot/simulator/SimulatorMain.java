package dev.smartpot.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.smartpot.device.config.ConfigException;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.Topics;
import dev.smartpot.device.text.Durations;
import dev.smartpot.simulator.board.FileSettingsStore;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.broker.EmbeddedBroker;
import dev.smartpot.simulator.fleet.FleetRun;
import dev.smartpot.simulator.fleet.SimulatedFleet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scripts/simulate}: one simulated smart pot, on the embedded broker or a real one. */
@Command(name = "simulate", mixinStandardHelpOptions = true, version = "smartpot simulator 0.1.0",
        description = "Runs a simulated smart pot: a reading every interval to the publish topic, commands "
                + "from the subscribe topic, on an embedded MQTT broker or yours.",
        footer = {"", "Exit codes: 0 done, 1 could not run, 2 bad configuration or flags.",
                "Console commands (type while it runs): status, wifi off, wifi on, water [ml], unplug, short, plug, quit, help."})
public final class SimulatorMain implements java.util.concurrent.Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_CONFIG = 2;
    static final String EMBEDDED = "embedded";

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: ${DEFAULT-VALUE}).",
            defaultValue = "board-config/simulator.properties")
    Path configFile;

    @Option(names = "--broker", paramLabel = "URI",
            description = "'embedded' (default: Moquette on 127.0.0.1), 'config' (use mqtt.broker from the file), "
                    + "or a broker such as tcp://192.168.1.10:1883 or 192.168.1.10.",
            defaultValue = EMBEDDED)
    String broker;

    @Option(names = "--port", paramLabel = "N", defaultValue = "1883",
            description = "Port for the embedded broker; a free one is used if it is taken (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--interval", paramLabel = "DURATION", description = "Overrides publish.interval, e.g. 500ms, 5s, 2m.")
    String interval;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long (default: run until Ctrl-C).")
    String duration;

    @Option(names = "--devices", paramLabel = "N", defaultValue = "1",
            description = "Pots to run in this JVM, each with its own chip id (from sim.seed), soil, queue and supervisor (default: ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--ramp", paramLabel = "RATE", defaultValue = "500/s",
            description = "How fast a fleet connects, so it does not storm the broker (default: ${DEFAULT-VALUE}).")
    String ramp;

    @Option(names = "--view", description = "Live view: moisture bars per pot for small fleets, counts for large ones; "
            + "redrawn in place on a terminal, plain lines otherwise.")
    boolean view;

    @Option(names = "--pot-logs", description = "In a fleet, print every pot's own log lines (default: summaries).")
    boolean potLogs;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "" + SimulatedFleet.DEFAULT_THREADS,
            description = "Scheduler threads driving a fleet (default: ${DEFAULT-VALUE}).")
    int threads;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final CountDownLatch quit = new CountDownLatch(1);

    public SimulatorMain(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public static void main(String[] args) {
        quietLibraryLogs();
        System.exit(run(args, System.out, System.err, System.in));
    }

    /** Runs the command line and returns its exit code (tests call this in-process). */
    public static int run(String[] args, PrintStream out, PrintStream err, InputStream in) {
        CommandLine cli = new CommandLine(new SimulatorMain(out, err, in));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("simulate: " + e.getMessage());
            err.println("Run with --help for the flags.");
            return EXIT_CONFIG;
        });
        return cli.execute(args);
    }

    /** Moquette and Netty log at INFO through SLF4J; a user wants the pot's lines, and warnings only. */
    static void quietLibraryLogs() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        // After the delivery check unsubscribes from the readings topic, readings already on their way still
        // arrive; the HiveMQ client warns about each one. They are expected and harmless.
        System.setProperty("org.slf4j.simpleLogger.log.com.hivemq.client.internal.mqtt.handler.publish.incoming."
                + "MqttIncomingPublishService", "error");
    }

    @Override
    public Integer call() {
        long runFor = 0;
        if (duration != null) {
            runFor = Durations.parseMillis(duration);
            if (runFor <= 0) {
                err.println("simulate: --duration \"" + duration + "\" is not a duration. Fix: write a whole number followed by ms, s, m or h, e.g. 15s");
                return EXIT_CONFIG;
            }
        }
        String badFleetFlag = FleetRun.checkFlags(devices, ramp, threads);
        if (badFleetFlag != null) {
            err.println("simulate: " + badFleetFlag);
            return EXIT_CONFIG;
        }
        ConfigSource source;
        try {
            source = loadSource();
        } catch (IOException e) {
            err.println("simulate: cannot read " + configFile + ": " + e.getMessage()
                    + ". Fix: pass --config FILE, or run from the project folder (default board-config/simulator.properties).");
            return EXIT_CONFIG;
        }
        boolean embedded = broker.equals(EMBEDDED);
        ConfigSource.Entry fileBroker = source.get("mqtt.broker");
        if (embedded && fileBroker != null && fileBroker.value.trim().startsWith("ssl://")) {
            // The embedded broker speaks plain MQTT only: starting it would just fail on the TLS keys.
            err.println("simulate: " + fileBroker.where() + ": mqtt.broker is a TLS broker (" + fileBroker.value.trim()
                    + "), but --broker is embedded (the default), which has no TLS. Fix: add --broker config to use the"
                    + " file's broker, or pass --broker ssl://HOST:PORT");
            return EXIT_CONFIG;
        }
        if (embedded) {
            // Validated with a stand-in address; the real port is known once the broker runs.
            source.override("mqtt.broker", EmbeddedBroker.HOST + ":" + (port == 0 ? 1883 : port), "--broker embedded");
        } else if (!broker.equals("config")) {
            source.override("mqtt.broker", broker, "command line --broker");
        }
        Settings settings;
        try {
            settings = Settings.read(source);
        } catch (ConfigException e) {
            printProblems(e);
            return EXIT_CONFIG;
        }

        EmbeddedBroker embeddedBroker = null;
        if (embedded) {
            try {
                embeddedBroker = EmbeddedBroker.start(port);
            } catch (IOException | RuntimeException e) {
                err.println("simulate: the embedded broker did not start: " + e.getMessage()
                        + ". Fix: pass --port with a free port, or use --broker with a running broker.");
                return EXIT_FAILED;
            }
            source.override("mqtt.broker", embeddedBroker.uri(), "--broker embedded");
            try {
                settings = Settings.read(source);
            } catch (ConfigException impossible) {
                printProblems(impossible);
                embeddedBroker.close();
                return EXIT_CONFIG;
            }
        }
        if (devices > 1 || view) {
            for (String b : settings.device.brokers) {
                if (b.startsWith("ssl://")) {
                    err.println("simulate: --devices runs pots over tcp:// only, and " + b + " is TLS. Fix: run a TLS pot"
                            + " on its own (without --devices), or point the fleet at a plain listener");
                    if (embeddedBroker != null) {
                        embeddedBroker.close();
                    }
                    return EXIT_CONFIG;
                }
            }
            return runFleet(settings, embeddedBroker, runFor);
        }
        SimulatedPot pot = new SimulatedPot(settings.device, settings.world, out::println,
                FileSettingsStore.besideConfig(configFile), PotMemory.besideConfig(configFile));
        printBanner(settings, embeddedBroker, pot.clientId());

        new ConsoleCommands(pot, out, quit::countDown).startReading(in);
        long runForMillis = runFor;
        return untilQuit(20, embeddedBroker, () -> {
            pot.start();
            try {
                if (runForMillis > 0 ? !quit.await(runForMillis, TimeUnit.MILLISECONDS) : !awaitForever(quit)) {
                    out.println("simulate: --duration " + duration + " reached, stopping");
                }
            } finally {
                pot.stop();
            }
        });
    }

    /** {@code --devices N} (or {@code --view}): a fleet on a few scheduler threads instead of one pot. */
    private int runFleet(Settings settings, EmbeddedBroker embeddedBroker, long runFor) {
        return untilQuit(70, embeddedBroker, () ->
                new FleetRun(out, devices, FleetRun.parseRate(ramp), threads, view, System.console() != null, potLogs)
                        .run(settings.device, settings.world, quit, runFor));
    }

    /** What runs until the duration passes or someone quits; it stops its pots before returning. */
    private interface Run {
        void run() throws InterruptedException;
    }

    /**
     * Runs {@code run}, then closes the embedded broker. Ctrl-C (SIGINT or SIGTERM) counts as quit, and the JVM
     * waits up to {@code graceSeconds} so the pots can say "offline" and the broker can close before it halts.
     */
    private int untilQuit(int graceSeconds, EmbeddedBroker embeddedBroker, Run run) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            quit.countDown();
            try {
                stopped.await(graceSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (embeddedBroker != null) {
                embeddedBroker.close();
            }
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the JVM is already on its way out.
            }
        }
        return EXIT_OK;
    }

    /** Waits until quit; true, as it never times out. */
    private static boolean awaitForever(CountDownLatch quit) throws InterruptedException {
        quit.await();
        return true;
    }

    private ConfigSource loadSource() throws IOException {
        ConfigSource source;
        try (InputStream file = Files.newInputStream(configFile)) {
            source = ConfigSource.read(file, configFile.toString());
        }
        if (interval != null) {
            source.override("publish.interval", interval, "command line --interval");
        }
        warnAboutReadableSecrets(source);
        return source;
    }

    /** Secrets other users can read are not secret: say so, with the fix. */
    private void warnAboutReadableSecrets(ConfigSource source) {
        ConfigSource.Entry password = source.get("mqtt.password");
        String warning = password == null || password.value.isEmpty() ? null
                : SecretFilePermissions.warning(configFile, "mqtt.password");
        ConfigSource.Entry key = source.get("mqtt.tls.key");
        String keyWarning = null;
        try {
            keyWarning = key == null || key.value.isEmpty() ? null
                    : SecretFilePermissions.warning(Path.of(key.value), "the private key of mqtt.tls.cert");
        } catch (java.nio.file.InvalidPathException notAPath) {
            // Reported as a configuration problem when the TLS files are checked.
        }
        for (String w : new String[] {warning, keyWarning}) {
            if (w != null) {
                err.println("simulate: " + w);
            }
        }
    }

    private void printProblems(ConfigException e) {
        err.println("simulate: " + e.report("in the configuration", "nothing was started"));
    }

    private void printBanner(Settings s, EmbeddedBroker embeddedBroker, String clientId) {
        String target;
        String hostPort;
        if (embeddedBroker != null) {
            target = "embedded MQTT broker (Moquette) listening on " + EmbeddedBroker.HOST + ":" + embeddedBroker.port();
            hostPort = "-h " + EmbeddedBroker.HOST + " -p " + embeddedBroker.port();
        } else {
            target = "broker " + String.join(", ", s.device.brokers);
            String first = s.device.brokers[0];
            String host = first.substring(first.indexOf("://") + 3, first.lastIndexOf(':'));
            hostPort = "-h " + host + " -p " + first.substring(first.lastIndexOf(':') + 1);
            if (first.startsWith("ssl://")) {
                hostPort += " --cafile " + (s.device.tls.caCertificate != null ? s.device.tls.caCertificate : "CA.crt");
            }
            if (s.device.mqttUsername != null) {
                // The mothership's own login, never the pot's: the pot may not read or command anything else.
                hostPort += " -u mothership -P \"$MOTHERSHIP_PASSWORD\"";
            }
        }
        String readings = s.device.publishTopicFor(clientId);
        String commands = s.device.subscribeTopicFor(clientId);
        out.println("smartpot simulator: " + target);
        if (embeddedBroker != null && port != 0 && embeddedBroker.port() != port) {
            out.println("  (port " + port + " is taken, perhaps by a Mosquitto already running: pass --broker tcp://127.0.0.1:"
                    + port + " to use that one)");
        }
        out.println("  watch the readings:   mosquitto_sub " + hostPort + " -t " + readings + " -v");
        out.println("  talk to the pot:      mosquitto_pub " + hostPort + " -t " + commands + " -m \"wassap!\"");
        out.println("  confirm receipt:      mosquitto_pub " + hostPort + " -t " + commands + " -m received");
        out.println("  command the pot:      mosquitto_pub " + hostPort + " -t " + commands + " -m help"
                + "   (replies: mosquitto_sub " + hostPort + " -t '"
                + Topics.withClientId(s.device.commands.replyTopicTemplate, "+") + "')");
        out.println("  type 'help' for console commands; Ctrl-C to stop");
    }

    /** Device and world settings read in one pass, so every problem is reported together. */
    static final class Settings {
        final DeviceConfig device;
        final SimulatorConfig world;

        private Settings(DeviceConfig device, SimulatorConfig world) {
            this.device = device;
            this.world = world;
        }

        static Settings read(ConfigSource source) throws ConfigException {
            ConfigReader reader = new ConfigReader(source);
            DeviceConfig device = DeviceConfig.read(reader);
            SimulatorConfig world = SimulatorConfig.read(reader, device);
            reader.finish();
            return new Settings(device, world);
        }
    }
}
