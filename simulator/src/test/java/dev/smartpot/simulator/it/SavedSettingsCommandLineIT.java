package dev.smartpot.simulator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.simulator.SimulatorMain;
import dev.smartpot.simulator.it.SimulateCommand.Output;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MosquittoClients;

/**
 * A setting the mothership changed outlives the run, and the next runs say where each value came from in the
 * user's terms: the flag, the config file, or the mothership's saved file; {@code --fresh} starts without it.
 */
class SavedSettingsCommandLineIT {

    private final Path template = PotConfigs.copyOf("simulator.properties");

    private static String run(String... args) {
        String[] r = SimulateCommand.run(args);
        assertEquals("0", r[0], r[1] + r[2]);
        return r[1];
    }

    @Test
    void theNextRunsNameTheFlagTheFileOrTheMothershipAndFreshStartsWithoutTheSavedSetting(@TempDir Path dir) throws Exception {
        try (Mosquitto mosquitto = Mosquitto.start()) {
            Path config = dir.resolve("pot.properties");
            Files.writeString(config, Files.readString(template).replace("mqtt.broker = embedded", "mqtt.broker = " + mosquitto.uri()));
            Path state = dir.resolve("pot.properties.state");

            // The mothership sets 2s while the pot runs.
            Output first = new Output();
            PipedOutputStream console = new PipedOutputStream();
            PipedInputStream typed = new PipedInputStream(console);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SimulatorMain.run(new String[] {"--config",
                    config.toString(), "--duration", "60s"}, first.stream, first.stream, typed), task -> new Thread(task, "simulate").start());
            Awaitility.await("online").atMost(Duration.ofSeconds(20)).until(() -> first.text().contains("connected to"));
            new MosquittoClients(mosquitto).pubQos1("from_mothership", "interval 2s");
            try {
                Awaitility.await("saved").atMost(Duration.ofSeconds(10)).until(() -> Files.exists(state));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("the interval was not saved in " + state + "; the run printed:\n" + first.text(), e);
            }
            console.write("quit\n".getBytes(StandardCharsets.UTF_8));
            console.flush();
            assertEquals(0, (int) exit.get(30, TimeUnit.SECONDS), first.text());

            // Another pot beside it (--seed) has settings and readings of its own.
            String other = run("--config", config.toString(), "--seed", "pot-2", "--duration", "1s");
            assertTrue(other.contains("starting: a reading every 5s"), other);
            assertFalse(other.contains("set by the mothership"), other);
            String otherId = other.substring(other.indexOf("smart pot ") + 10, other.indexOf("smart pot ") + 22);
            assertTrue(Files.exists(dir.resolve("pot." + otherId + ".properties.rtc")), "its own retained memory: " + other);

            // --seed naming the file's own pot is that pot, with its files.
            String same = run("--config", config.toString(), "--seed", "pot-1", "--duration", "1s");
            assertTrue(same.contains("starting: a reading every 2s"), same);

            // A flag: the line names the flag, not the config file.
            String flag = run("--config", config.toString(), "--interval", "1s", "--duration", "1s");
            assertTrue(flag.contains("using publish.interval = 1s from --interval 1s instead of 2s set by the mothership (saved in "
                    + state + "): it differs from the 5s that command replaced"), flag);
            assertFalse(flag.contains("config file changed") || flag.contains("saved settings in use"), flag);
            assertTrue(flag.contains("starting: a reading every 1s"), flag);

            // No flag: the saved setting wins, the banner says so and how to start without it.
            String saved = run("--config", config.toString(), "--duration", "1s");
            assertTrue(saved.contains("simulate: saved settings in use: publish.interval = 2s (set by the mothership, kept in " + state
                    + "; --fresh starts without them)"), saved);
            assertTrue(saved.contains("using publish.interval = 2s set by the mothership (saved in " + state + ") instead of 5s from"
                    + " the config file " + config + ":72"), saved);
            assertTrue(saved.contains("starting: a reading every 2s"), saved);

            // --fresh: the flags and the file alone; the saved file is kept aside, not deleted.
            String fresh = run("--config", config.toString(), "--fresh", "--duration", "1s");
            assertTrue(fresh.contains("simulate: --fresh: not using the settings commands saved in " + state
                    + " (publish.interval = 2s); moved them to " + state + ".old (rename it back to use them again)"), fresh);
            assertTrue(fresh.contains("starting: a reading every 5s"), fresh);
            assertTrue(fresh.contains("simulate: --fresh keeps what the last run left in " + dir.resolve("pot.properties.rtc")
                    + " (readings still queued, their sequence and boot counters): queued readings are still sent, never dropped"), fresh);
            assertFalse(Files.exists(state));
            assertTrue(Files.readString(dir.resolve("pot.properties.state.old")).contains("publish.interval = 2s"));

            String again = run("--config", config.toString(), "--fresh", "--duration", "1s");
            assertTrue(again.contains("simulate: --fresh: no saved settings in " + state + "; starting from the flags and the config file"),
                    again);
        }
    }
}
