package dev.smartpot.simulator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.simulator.SimulatorMain;
import dev.smartpot.simulator.it.SimulateCommand.Keyboard;
import dev.smartpot.simulator.it.SimulateCommand.Output;
import dev.smartpot.testkit.Mosquitto;

/** Two {@code scripts/simulate} runs with one client id on a real Mosquitto: each says why it keeps reconnecting. */
class ClientIdClashIT {

    private final Path template = PotConfigs.copyOf("simulator.properties");
    private static final String HINT = "another client probably uses this pot's client id ";

    /** One run on a thread of its own (the common pool may have a single thread on a small machine), until quit. */
    private static CompletableFuture<Integer> simulate(Path config, Output out, Keyboard keys) {
        return CompletableFuture.supplyAsync(() -> SimulatorMain.run(new String[] {"--config", config.toString()}, out.stream,
                out.stream, keys), task -> new Thread(task, "simulate").start());
    }

    private static int lossesAfterHint(String output) {
        int at = output.indexOf(HINT);
        if (at < 0) {
            return 0;
        }
        return output.substring(at).split("connection lost", -1).length - 1;
    }

    @Test
    void twoPotsWithOneIdKnockEachOtherOffAndEachSaysAnotherClientUsesItsId(@TempDir Path dir) throws Exception {
        try (Mosquitto mosquitto = Mosquitto.start()) {
            Path config = dir.resolve("pot.properties");
            // Quick retries, so the knock-offs come in seconds (a session lasts as long as the other pot's retry delay).
            Files.writeString(config, Files.readString(template).replace("mqtt.broker = embedded", "mqtt.broker = " + mosquitto.uri())
                    + "\nbackoff.min = 200ms\nbackoff.max = 1s\n");
            List<Output> outputs = List.of(new Output(), new Output());
            List<Keyboard> keyboards = List.of(new Keyboard(), new Keyboard());
            List<CompletableFuture<Integer>> runs = List.of(simulate(config, outputs.get(0), keyboards.get(0)),
                    simulate(config, outputs.get(1), keyboards.get(1)));
            try {
                // Three more knock-offs after the warning: the streak goes on, and the warning must not come again.
                Awaitility.await("each pot says another client uses its id, then is knocked off three more times")
                        .atMost(Duration.ofSeconds(60)).until(() -> outputs.stream().allMatch(o -> lossesAfterHint(o.text()) >= 3));
            } finally {
                keyboards.forEach(k -> k.type("quit"));
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(0, (int) runs.get(i).get(60, TimeUnit.SECONDS), outputs.get(i).text());
                String run = outputs.get(i).text();
                String id = run.substring(run.indexOf("smart pot ") + 10, run.indexOf("smart pot ") + 22);
                assertEquals(1, run.split(HINT + id + " ", -1).length - 1, "once for the streak:\n" + run);
                assertTrue(run.contains("Fix: give each client an id of its own; every board has its own, from its chip (two simulated"
                        + " pots: give each its own --seed or --chip-id, e.g. ./scripts/simulate --seed pot-2)"), run);
            }
        }
    }
}
