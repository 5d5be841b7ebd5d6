package dev.smartpot.simulator.it;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;

/**
 * A real Mosquitto process on a free loopback port, with a config of its own, that a test can kill,
 * restart, freeze and thaw. Persistence is on (saved after every change) so a subscriber's persistent
 * session survives a SIGKILL, as it would on a Pi.
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
        Path dir = Files.createTempDirectory("mosquitto-it");
        MosquittoBroker broker = new MosquittoBroker(dir, freePort());
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + broker.port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir + "/",
                "autosave_interval 1",
                "autosave_on_changes true",
                "user root",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type all",
                ""));
        broker.launch();
        return broker;
    }

    /**
     * A Mosquitto on a config of the test's own (listeners, TLS, logins); the fixture adds its log and runs it
     * as the current user. {@code port} is the listener to wait for.
     */
    public static MosquittoBroker startWithConfig(int port, String config) throws IOException {
        Path dir = Files.createTempDirectory("mosquitto-it");
        MosquittoBroker broker = new MosquittoBroker(dir, port);
        Files.writeString(dir.resolve("mosquitto.conf"), config + "\nuser root\nlog_dest file " + dir.resolve("mosquitto.log")
                + "\nlog_type all\n");
        broker.launch();
        return broker;
    }

    static String binary() {
        for (String candidate : new String[] {"/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto"}) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return "mosquitto";
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(binary(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        Awaitility.await("mosquitto accepting on port " + port).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20)).until(this::accepting);
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public boolean accepting() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL: no goodbye to anyone, as when the Pi loses power. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void restart() throws IOException {
        launch();
    }

    /** SIGSTOP: the process stays, its sockets stay open, nothing answers (a half-open link). */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    public String log() throws IOException {
        Path log = dir.resolve("mosquitto.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            thaw();
            process.destroyForcibly();
            process.waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
