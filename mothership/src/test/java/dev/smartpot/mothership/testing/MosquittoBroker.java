package dev.smartpot.mothership.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * A real Mosquitto on a free loopback port with its own config, for the mothership's integration tests
 * (no persistence: these tests kill the mothership, not the broker, and sessions live in its memory). Large queues: a persistent session must hold every reading
 * published while the mothership is down. Stopped (SIGKILL, with a timeout) by {@link #close()}.
 */
public final class MosquittoBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    private MosquittoBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static MosquittoBroker start() throws IOException {
        return start("");
    }

    /** @param extra more config lines (e.g. a password file) */
    public static MosquittoBroker start(String extra) throws IOException {
        // Under target/: beside the test reports after a failure, gone with mvn clean.
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "mosquitto").toAbsolutePath()), "broker-");
        MosquittoBroker b = new MosquittoBroker(dir, freePort());
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + b.port + " 127.0.0.1",
                "allow_anonymous true",
                // A mothership that is down must find every reading queued when it returns.
                "max_queued_messages 1000000",
                "max_inflight_messages 1000",
                "user root",
                "log_dest file " + dir.resolve("mosquitto.log"),
                extra,
                ""));
        b.launch();
        return b;
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(binary(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Awaitility.await("mosquitto accepting on port " + port).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20)).until(this::accepting);
    }

    static String binary() {
        for (String c : new String[] {"/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto"}) {
            if (new File(c).canExecute()) {
                return c;
            }
        }
        return "mosquitto";
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    boolean accepting() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL, as a power cut would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed mosquitto did not exit within 10 s");
        }
    }

    /** Starts again on the same port and config. */
    public void restart() throws IOException {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
