package dev.smartpot.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import dev.smartpot.broker.EmbeddedBroker;
import dev.smartpot.device.ClientIds;
import dev.smartpot.device.PotNode;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.simulator.board.ConfigLabels;
import dev.smartpot.simulator.board.FileSettingsStore;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.board.SimulatedBoard;
import dev.smartpot.simulator.cli.Banner;
import dev.smartpot.simulator.cli.SavedSettingsNotice;
import dev.smartpot.simulator.cli.Shutdown;
import dev.smartpot.simulator.cli.SimulatorSettings;

/** {@code scripts/simulate} with one pot: the banner, console commands, then the pot until quit or {@code --duration}. */
final class SinglePotRun {

    /** Seconds Ctrl-C waits for the pot to say "offline" and the broker to close. */
    private static final int GRACE_SECONDS = 20;

    private final PrintStream out;
    private final InputStream in;
    private final Path configFile;
    private final int requestedPort;
    /** False when --seed or --chip-id picked another pot than the config's own. */
    private final boolean ownPot;

    SinglePotRun(PrintStream out, InputStream in, Path configFile, int requestedPort, boolean ownPot) {
        this.out = out;
        this.in = in;
        this.configFile = configFile;
        this.requestedPort = requestedPort;
        this.ownPot = ownPot;
    }

    /**
     * The files beside the config are its own pot's; a pot that --seed or --chip-id picks keeps its own, named by its
     * id: {@code pot.properties} has {@code pot.<id>.properties.state}, {@code .rtc} and {@code .seq}.
     */
    private Path besideConfigFor(String clientId) {
        String name = configFile.getFileName().toString();
        String stem = name.endsWith(".properties") ? name.substring(0, name.length() - ".properties".length()) : name;
        return configFile.resolveSibling(stem + "." + clientId + (name.endsWith(".properties") ? ".properties" : ""));
    }

    /**
     * @param source the flags and the file, for the lines that say where a setting came from
     * @param fresh {@code --fresh}: the settings the mothership saved are set aside first
     * @param duration {@code --duration} as written, or null to run until quit
     * @param readings {@code --readings}: stop once this many readings were published (0: no such limit)
     */
    void run(SimulatorSettings settings, ConfigSource source, boolean fresh, EmbeddedBroker embeddedBroker, Shutdown shutdown,
            long runForMillis, String duration, long readings) throws IOException {
        Path besides = ownPot ? configFile : besideConfigFor(ClientIds.fromChipId(SimulatedBoard.singleChipId(settings.world).uniqueId()));
        FileSettingsStore saved = FileSettingsStore.besideConfig(besides);
        PotMemory memory = PotMemory.besideConfig(besides);
        ConfigLabels labels = new ConfigLabels(source, saved.file());
        if (fresh) {
            SavedSettingsNotice.setAside(saved, memory.rtcFile()).forEach(out::println);
        } else {
            String inUse = SavedSettingsNotice.inUse(saved, settings.device, labels);
            if (inUse != null) {
                out.println(inUse);
            }
        }
        SimulatedPot pot = new SimulatedPot(settings.device, settings.world, out::println, saved, memory, labels);
        Banner.print(out, settings.device, embeddedBroker, requestedPort, pot.clientId());
        new ConsoleCommands(pot, out, shutdown::quit).startReading(in);
        shutdown.untilQuit(GRACE_SECONDS, embeddedBroker, () -> {
            pot.start();
            try {
                Shutdown.End end = shutdown.await(runForMillis, readings > 0 ? publishedAtLeast(pot, readings) : null);
                if (end == Shutdown.End.DURATION) {
                    out.println("simulate: --duration " + duration + " reached, stopping");
                } else if (end == Shutdown.End.READINGS) {
                    out.println("simulate: --readings " + readings + " published, stopping");
                }
            } finally {
                pot.stop();
            }
        });
    }

    /** Whether the pot published {@code target} readings in this run; a reboot starts the core's count again. */
    private static BooleanSupplier publishedAtLeast(SimulatedPot pot, long target) {
        long[] before = {0, 0};
        return () -> {
            PotNode node = pot.node();
            long now = node == null ? 0 : node.publishedReadings();
            if (now < before[1]) {
                before[0] += before[1];
            }
            before[1] = now;
            return before[0] + now >= target;
        };
    }
}
