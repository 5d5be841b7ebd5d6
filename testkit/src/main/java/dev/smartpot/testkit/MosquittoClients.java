package dev.smartpot.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;

/** The mothership's own command-line clients, mosquitto_pub and mosquitto_sub, against a test broker. */
public final class MosquittoClients {

    private static final Duration CLIENT_LIMIT = Duration.ofSeconds(40);

    private final Mosquitto broker;

    public MosquittoClients(Mosquitto broker) {
        this.broker = broker;
    }

    /** Starts mosquitto_sub with {@code args} and returns once the broker has its subscription. */
    public Process sub(String... args) {
        int before = countOf(broker.log(), "Received SUBSCRIBE");
        Process sub = start(RequiredTool.MOSQUITTO_SUB, args);
        Awaitility.await("mosquitto_sub subscribed").atMost(Duration.ofSeconds(10))
                .until(() -> countOf(broker.log(), "Received SUBSCRIBE") > before);
        return sub;
    }

    public void pub(String topic, String message) {
        run("-t", topic, "-m", message);
    }

    /** Publishes at QoS 1. */
    public void pubQos1(String topic, String message) {
        run("-t", topic, "-q", "1", "-m", message);
    }

    /** Publishes a file's bytes as they are (binary, or bigger than a command may be). */
    public void pubFile(String topic, Path file) {
        run("-t", topic, "-f", file.toString());
    }

    /**
     * Tries to publish a file the broker is expected to refuse (bigger than its max_packet_size): waits (at most
     * 40 s) for mosquitto_pub to end and returns how it ended, whatever its exit code, for the test to judge.
     */
    public Processes.Finished pubFileRefused(String topic, Path file) {
        return Processes.finish(start(RequiredTool.MOSQUITTO_PUB, "-t", topic, "-f", file.toString()), CLIENT_LIMIT);
    }

    /** Publishes a message the broker keeps for every later subscriber. */
    public void pubRetained(String topic, String message) {
        run("-r", "-t", topic, "-m", message);
    }

    /** Clears a retained message. */
    public void pubRetainedClear(String topic) {
        run("-r", "-n", "-t", topic);
    }

    /** Publishes a zero-length message. */
    public void pubEmpty(String topic) {
        run("-t", topic, "-n");
    }

    /** Waits (at most 40 s) for a mosquitto client to finish and returns its output lines; it must exit 0. */
    public static List<String> lines(Process p) {
        Processes.Finished done = Processes.finish(p, CLIENT_LIMIT);
        if (done.exitCode() != 0) {
            throw new AssertionError("mosquitto client exited " + done.exitCode() + ":\n" + done.output());
        }
        return done.output().lines().toList();
    }

    private void run(String... args) {
        lines(start(RequiredTool.MOSQUITTO_PUB, args));
    }

    private Process start(RequiredTool tool, String... args) {
        List<String> command = new ArrayList<>(List.of(tool.path(), "-h", Loopback.HOST, "-p", Integer.toString(broker.port())));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int countOf(String text, String fragment) {
        int n = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            n++;
        }
        return n;
    }
}
