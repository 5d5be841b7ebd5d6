package dev.smartpot.simulator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/** The mothership's own command-line clients, mosquitto_pub and mosquitto_sub, against a test broker. */
final class MosquittoClients {

    private final MosquittoBroker broker;

    MosquittoClients(MosquittoBroker broker) {
        this.broker = broker;
    }

    /** Starts mosquitto_sub with {@code args} and returns once the broker has its subscription. */
    Process sub(String... args) throws Exception {
        int before = countOf(broker.log(), "Received SUBSCRIBE");
        Process sub = new ProcessBuilder(command("mosquitto_sub", args)).redirectErrorStream(true).start();
        Awaitility.await("mosquitto_sub subscribed").atMost(Duration.ofSeconds(10))
                .until(() -> countOf(broker.log(), "Received SUBSCRIBE") > before);
        return sub;
    }

    void pub(String topic, String message) throws Exception {
        run("mosquitto_pub", "-t", topic, "-m", message);
    }

    /** Publishes a file's bytes as they are (binary, or bigger than a command may be). */
    void pubFile(String topic, Path file) throws Exception {
        run("mosquitto_pub", "-t", topic, "-f", file.toString());
    }

    /** Publishes a message the broker keeps for every later subscriber. */
    void pubRetained(String topic, String message) throws Exception {
        run("mosquitto_pub", "-r", "-t", topic, "-m", message);
    }

    /** Clears a retained message. */
    void pubRetainedClear(String topic) throws Exception {
        run("mosquitto_pub", "-r", "-n", "-t", topic);
    }

    /** Publishes a zero-length message. */
    void pubEmpty(String topic) throws Exception {
        run("mosquitto_pub", "-t", topic, "-n");
    }

    /** Waits for a mosquitto client to finish and returns its output lines; it must exit 0. */
    static List<String> lines(Process p) throws Exception {
        assertTrue(p.waitFor(40, TimeUnit.SECONDS), "mosquitto client finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    private void run(String tool, String... args) throws Exception {
        lines(new ProcessBuilder(command(tool, args)).redirectErrorStream(true).start());
    }

    private List<String> command(String tool, String... args) {
        List<String> command = new ArrayList<>(List.of(tool, "-h", "127.0.0.1", "-p", Integer.toString(broker.port())));
        command.addAll(List.of(args));
        return command;
    }

    private static int countOf(String text, String fragment) {
        int n = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            n++;
        }
        return n;
    }
}
