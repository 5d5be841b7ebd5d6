package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.MothershipMain;
import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Mosquitto;

/**
 * Issue 23, hole 1 (second half): a mothership without a working broker link stayed alive, so systemd's
 * Restart=on-failure never fired. Now it exits with code 3 once the link has been down for --link-timeout.
 */
class LinkTimeoutIT {

    @Test
    void aMothershipWhoseBrokerStaysAwayExitsWithCode3() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data").toAbsolutePath()), "link-");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Mosquitto broker = Mosquitto.start()) {
            String[] args = {"--broker", broker.uri(), "--http", "127.0.0.1:" + Loopback.freePort(), "--data", data.toString(),
                    "--link-timeout", "3s"};
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> MothershipMain.run(args,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(20)).until(() -> out.toString(StandardCharsets.UTF_8).contains("Ctrl-C to stop"));
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> !run.isDone());

            broker.kill();
            int code = run.get(30, TimeUnit.SECONDS);
            assertEquals(MothershipMain.EXIT_LINK_LOST, code, err.toString(StandardCharsets.UTF_8));
            String said = err.toString(StandardCharsets.UTF_8);
            assertTrue(said.contains("no working link to the broker " + broker.uri() + " for 3s"), said);
            assertTrue(said.contains("exiting with code 3"), said);
        }
    }
}
