package dev.smartpot.bench.mothership;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto on a free loopback port for the mothership benchmarks: no persistence (the broker's
 * disk is not what is measured), a queue deep enough to hold a whole run for a subscriber that lags, and
 * the same in-flight window the mothership's integration tests use.
 */
final class BenchBroker implements AutoCloseable {

    final Path dir;
    final int port;
    private final Process process;

    private BenchBroker(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static BenchBroker start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-mship-mosquitto");
        int port = freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "max_connections -1",
                "max_queued_messages 2000000",
                "max_inflight_messages 1000",
                "set_tcp_nodelay true",
                "persistence false",
                "user root",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type error",
                "log_type warning",
                ""));
        Process p = new ProcessBuilder(binary(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        BenchBroker b = new BenchBroker(dir, port, p);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!b.accepting()) {
            if (System.currentTimeMillis() > deadline || !p.isAlive()) {
                b.close();
                throw new IOException("mosquitto did not start on port " + port + "; see " + dir.resolve("stdout.log"));
            }
            Thread.sleep(10);
        }
        return b;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private boolean accepting() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static String binary() {
        for (String c : new String[] {"/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto"}) {
            if (new File(c).canExecute()) {
                return c;
            }
        }
        return "mosquitto";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
