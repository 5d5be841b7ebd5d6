package dev.smartpot.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.host.broker.EmbeddedBroker;
import dev.smartpot.simulator.board.ConfigLabels;
import dev.smartpot.simulator.board.FileSettingsStore;
import dev.smartpot.simulator.board.PotMemory;
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

    SinglePotRun(PrintStream out, InputStream in, Path configFile, int requestedPort) {
        this.out = out;
        this.in = in;
        this.configFile = configFile;
        this.requestedPort = requestedPort;
    }

    /**
     * @param source the flags and the file, for the lines that say where a setting came from
     * @param fresh {@code --fresh}: the settings the mothership saved are set aside first
     * @param duration {@code --duration} as written, or null to run until quit
     */
    void run(SimulatorSettings settings, ConfigSource source, boolean fresh, EmbeddedBroker embeddedBroker, Shutdown shutdown,
            long runForMillis, String duration) throws IOException {
        FileSettingsStore saved = FileSettingsStore.besideConfig(configFile);
        PotMemory memory = PotMemory.besideConfig(configFile);
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
                if (shutdown.await(runForMillis)) {
                    out.println("simulate: --duration " + duration + " reached, stopping");
                }
            } finally {
                pot.stop();
            }
        });
    }
}
