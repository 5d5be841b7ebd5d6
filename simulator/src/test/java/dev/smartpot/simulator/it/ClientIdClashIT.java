package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.it.SimulateCommand.noInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.simulator.SimulatorMain;
import dev.smartpot.testkit.Mosquitto;

/** Two {@code scripts/simulate} runs with one client id on a real Mosquitto: each says why it keeps reconnecting. */
class ClientIdClashIT {

    private final Path template = PotConfigs.copyOf("simulator.properties");
    private static final String HINT = "another client probably uses this pot's client id ";

    /** One run on a thread of its own (the common pool may have a single thread on a small machine). */
    private static CompletableFuture<String> simulate(Path config) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            int code = SimulatorMain.run(new String[] {"--config", config.toString(), "--duration", "8s"}, print, print,
                    noInput());
            return code + "\n" + out.toString(StandardCharsets.UTF_8);
        }, task -> new Thread(task, "simulate").start());
    }

    @Test
    void twoPotsWithOneIdKnockEachOtherOffAndEachSaysAnotherClientUsesItsId(@TempDir Path dir) throws Exception {
        try (Mosquitto mosquitto = Mosquitto.start()) {
            Path config = dir.resolve("pot.properties");
            // Quick retries, so the knock-offs come in seconds (a session lasts as long as the other pot's retry delay).
            Files.writeString(config, Files.readString(template).replace("mqtt.broker = embedded", "mqtt.broker = " + mosquitto.uri())
                    + "\nbackoff.min = 200ms\nbackoff.max = 1s\n");
            CompletableFuture<String> first = simulate(config);
            CompletableFuture<String> second = simulate(config);
            String[] runs = {first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS)};
            for (String run : runs) {
                assertTrue(run.startsWith("0\n"), run);
                String id = run.substring(run.indexOf("smart pot ") + 10, run.indexOf("smart pot ") + 22);
                assertEquals(1, run.split(HINT + id + " ", -1).length - 1, "once for the streak:\n" + run);
                assertTrue(run.contains("Fix: give each client an id of its own; every board has its own, from its chip (two simulated"
                        + " pots: give each its own --seed or --chip-id, e.g. ./scripts/simulate --seed pot-2)"), run);
            }
        }
    }
}
