package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.Processes;

/**
 * Issue 23, hole 15: two motherships started with the same client id on one broker knocked each other off
 * about three times a second, with no hint. Two real mothership processes on a real Mosquitto; one of them must
 * name the cause and the fix. A broker restart under one mothership is not mistaken for it.
 */
class SameClientIdIT {

    private static final String HINT = "Fix: give each mothership its own --client-id";

    @Test
    void twoMothershipsWithOneClientIdAreToldToUseTheirOwn() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data").toAbsolutePath()), "same-id-");
        try (Mosquitto broker = Mosquitto.start()) {
            Process first = mothership(broker, dir.resolve("a"));
            Process second = mothership(broker, dir.resolve("b"));
            try {
                await("a mothership names the shared client id").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> output(dir.resolve("a")).contains(HINT) || output(dir.resolve("b")).contains(HINT));
            } finally {
                Processes.stop(first);
                Processes.stop(second);
            }
        }
    }

    @Test
    void aBrokerRestartIsNotTakenForAKnockOff() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data").toAbsolutePath()), "one-id-");
        try (Mosquitto broker = Mosquitto.start()) {
            Process alone = mothership(broker, dir.resolve("a"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> output(dir.resolve("a")).contains("receiving"));
                for (int i = 0; i < 3; i++) {
                    int seen = count(output(dir.resolve("a")), "receiving");
                    broker.kill();
                    broker.restart();
                    await().atMost(Duration.ofSeconds(30)).until(() -> count(output(dir.resolve("a")), "receiving") > seen);
                }
                assertFalse(output(dir.resolve("a")).contains(HINT), output(dir.resolve("a")));
            } finally {
                Processes.stop(alone);
            }
        }
    }

    private static Process mothership(Mosquitto broker, Path data) throws Exception {
        Files.createDirectories(data);
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.smartpot.mothership.MothershipMain",
                "--broker", broker.uri(), "--http", "127.0.0.1:" + Loopback.freePort(), "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("output.log").toFile()).start();
    }

    private static String output(Path data) throws Exception {
        return Files.readString(data.resolve("output.log"));
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }
}
