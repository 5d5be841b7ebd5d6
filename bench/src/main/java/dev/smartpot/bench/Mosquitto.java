package dev.smartpot.bench;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Mosquitto for benchmarks, on a free loopback port, with a config of its own: no connection limit, a
 * deep queue per subscriber (the default 1,000 would silently drop readings when a fleet's subscriber lags),
 * TCP_NODELAY (Nagle plus delayed ACKs adds 40 ms steps to latencies). For the recovery benchmark,
 * persistence saved on every change, so a persistent subscriber's session survives a SIGKILL; the others
 * run without it, since saving the whole database on each of 10,000 pots' retained statuses would make
 * the broker, not the pots, what is measured.
 */
final class Mosquitto implements AutoCloseable {

    final Path dir;
    final int port;
    private Process process;

    private Mosquitto(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static Mosquitto start() throws IOException, InterruptedException {
        return start(false);
    }

    static Mosquitto start(boolean persistent) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-mosquitto");
        Mosquitto m = new Mosquitto(dir, freePort());
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + m.port + " 127.0.0.1",
                "allow_anonymous true",
                "max_connections -1",
                "max_queued_messages 1000000",
                "max_inflight_messages 100",
                "set_tcp_nodelay true",
                persistent ? "persistence true" : "persistence false",
                "persistence_location " + dir + "/",
                "autosave_interval 1",
                "autosave_on_changes " + persistent,
                "user root",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type error",
                "log_type warning",
                ""));
        m.launch();
        return m;
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(binary(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!accepting()) {
            if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                throw new IOException("mosquitto did not start on port " + port + "; see " + dir.resolve("stdout.log"));
            }
            Thread.sleep(5);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean accepting() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL, as when the Pi loses power. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    static String binary() {
        for (String candidate : new String[] {"/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto"}) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return "mosquitto";
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
