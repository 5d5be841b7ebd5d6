package dev.smartpot.simulator.cli;

import java.nio.file.Path;

import dev.smartpot.device.text.Durations;
import dev.smartpot.simulator.fleet.SimulatedFleet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The flags of {@code scripts/simulate}, as picocli reads them; each value is checked by its converter. */
@Command(name = "simulate", mixinStandardHelpOptions = true, version = "smartpot simulator 0.1.0",
        description = "Runs a simulated smart pot: a reading every interval to the publish topic, commands "
                + "from the subscribe topic, on an embedded MQTT broker or yours.",
        footer = {"", "Exit codes: 0 done, 1 could not run, 2 bad configuration or flags.",
                "Console commands (type while it runs): status, wifi off, wifi on, water [ml], unplug, short, plug, quit, help."})
public class SimulatorOptions {

    /** scripts/simulate runs from the project folder; it passes the folder the user typed the command in. */
    public static final String USER_DIR_PROPERTY = "smartpot.user.dir";
    static final Path DEFAULT_CONFIG = Path.of("board-config", "simulator.properties");

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file, relative to the folder you run from (default: the project's board-config/simulator.properties).")
    public Path configFile;

    @Option(names = "--broker", paramLabel = "URI",
            description = "'embedded' (Moquette on 127.0.0.1), 'config' (mqtt.broker from the file), "
                    + "or a broker such as tcp://192.168.1.10:1883 or 192.168.1.10. Default: the file's mqtt.broker, "
                    + "or the embedded broker when the file says 'embedded' (the shipped template) or names none.")
    public String broker;

    @Option(names = "--port", paramLabel = "N", defaultValue = "1883",
            description = "Port for the embedded broker; a free one is used if it is taken (default: ${DEFAULT-VALUE}).")
    public int port;

    @Option(names = "--seed", paramLabel = "TEXT",
            description = "Overrides sim.seed, which picks the pot's chip id (so its client id) and sensor noise: "
                    + "run a second pot beside the first with --seed pot-2; two pots with one id knock each other off.")
    public String seed;

    @Option(names = "--chip-id", paramLabel = "MAC",
            description = "Overrides sim.chip.id: the simulated chip's MAC, 12 hex digits; the client id is those digits.")
    public String chipId;

    @Option(names = "--interval", paramLabel = "DURATION", description = "Overrides publish.interval, e.g. 500ms, 5s, 2m.")
    public String interval;

    @Option(names = "--fresh", description = "Start from the flags and the config file alone: the settings the mothership "
            + "saved (<config>.state) are moved to <config>.state.old, and the run says so. Readings the last run kept "
            + "(<config>.rtc) are still sent.")
    public boolean fresh;

    @Option(names = "--forget", description = "Remove what the pot (with --devices N: the fleet of the same seed) left on "
            + "its broker: its retained status, its Home Assistant configs and any session the broker kept for it; say what was "
            + "removed, and exit. Pick the pots with the flags they ran with (--config, --broker, --seed, --chip-id, --devices). "
            + "Stop them first: it connects with their client ids.")
    public boolean forget;

    @Option(names = "--duration", paramLabel = "DURATION", converter = FlagConverters.DurationText.class,
            description = "Stop after this long (default: run until Ctrl-C).")
    public String duration;

    @Option(names = "--readings", paramLabel = "N", converter = FlagConverters.ReadingCount.class,
            description = "Stop once N readings were published (the broker acknowledged them; with --devices, N by every"
                    + " pot). With --duration too, whichever comes first.")
    public long readings;

    @Option(names = "--vm-limit", paramLabel = "DURATION", converter = FlagConverters.VmLimitText.class,
            description = "Overrides sim.vm.limit: the pot's VM stops dead at this age, as MicroEJ's evaluation VM does after"
                    + " 60 minutes on a board (every restart is a new VM). Default: no limit.")
    public String vmLimit;

    @Option(names = "--vm-restart-every", paramLabel = "DURATION", converter = FlagConverters.VmRestartText.class,
            description = "Overrides vm.restart.every: the pot restarts itself after this long, at a reading boundary,"
                    + " keeping its queue and seq (a board does every 55m, before the evaluation VM's hour). Default: never.")
    public String vmRestartEvery;

    @Option(names = "--devices", paramLabel = "N", defaultValue = "1", converter = FlagConverters.DeviceCount.class,
            description = "Pots to run in this JVM, each with its own chip id (from sim.seed), soil, queue and supervisor "
                    + "(default: ${DEFAULT-VALUE}).")
    public int devices;

    /** Connects per second. */
    @Option(names = "--ramp", paramLabel = "RATE", defaultValue = "500/s", converter = FlagConverters.ConnectRate.class,
            description = "How fast a fleet connects, so it does not storm the broker (default: ${DEFAULT-VALUE}).")
    public double ramp;

    @Option(names = "--view", description = "Live view: moisture bars per pot for small fleets, counts for large ones; "
            + "redrawn in place on a terminal, plain lines otherwise.")
    public boolean view;

    @Option(names = "--discovery", description = "Announce every pot of a fleet to Home Assistant (homeassistant.discovery = true). "
            + "Off by default for a fleet: each pot's retained configs would stay on the broker after the fleet stops "
            + "(--forget removes them).")
    public boolean discovery;

    @Option(names = "--pot-logs", description = "In a fleet, print every pot's own log lines (default: summaries).")
    public boolean potLogs;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "" + SimulatedFleet.DEFAULT_THREADS,
            converter = FlagConverters.ThreadCount.class, description = "Scheduler threads ticking a fleet's online pots "
                    + "(default: ${DEFAULT-VALUE}); connecting pots have 8 of their own.")
    public int threads;

    /** A fleet (the HiveMQ transport on a few scheduler threads) rather than one pot on a thread of its own. */
    public boolean fleet() {
        return devices > 1 || view;
    }

    /** {@code --config} as the user meant it: relative to where they typed it; the shipped template when not given. */
    public Path configPath() {
        if (configFile == null) {
            return DEFAULT_CONFIG;
        }
        String typedIn = System.getProperty(USER_DIR_PROPERTY);
        return typedIn == null || typedIn.isEmpty() || configFile.isAbsolute() ? configFile
                : Path.of(typedIn).resolve(configFile).normalize();
    }

    /** {@code --duration} in milliseconds; 0 runs until Ctrl-C. */
    public long durationMillis() {
        return duration == null ? 0 : Durations.parseMillis(duration);
    }
}
