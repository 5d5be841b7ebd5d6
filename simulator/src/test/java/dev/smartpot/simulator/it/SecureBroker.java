package dev.smartpot.simulator.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * The mothership as a user sets it up: {@code scripts/broker --secure}, run for real on a free loopback port
 * with its folder in the test's temp dir (not the project's .broker-secure/). Also the mothership's own
 * clients, {@code mosquitto_sub} and {@code mosquitto_pub}, logged in over TLS as "mothership".
 */
public final class SecureBroker implements AutoCloseable {

    static final Path SCRIPT = Path.of("..", "scripts", "broker").toAbsolutePath().normalize();

    public final Path dir;
    public final int port;
    /** The mothership's own listener (--mothership-port): its clients connect there, pots on {@link #port}. */
    public final int mothershipPort;
    private final Path output;
    private Process process;

    private SecureBroker(Path dir, int port, int mothershipPort, Path output) {
        this.dir = dir;
        this.port = port;
        this.mothershipPort = mothershipPort;
        this.output = output;
    }

    /** Runs the script once with {@code --setup-only} and returns its output (what a user reads). */
    public static String setUp(Path dir, int port, String... extraArgs) throws IOException, InterruptedException {
        List<String> command = command(dir, port, MosquittoBroker.freePort(), extraArgs);
        command.add("--setup-only");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("scripts/broker --secure --setup-only failed:\n" + out);
        }
        return out;
    }

    /** Runs {@code --setup-only} again on this running broker's folder and ports, as a user adding pots would. */
    public String setUpAgain(String... extraArgs) throws IOException, InterruptedException {
        List<String> command = command(dir, port, mothershipPort, extraArgs);
        command.add("--setup-only");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("scripts/broker --secure --setup-only failed:\n" + out);
        }
        return out;
    }

    /** Runs the script as the broker (it ends in exec mosquitto) and waits until the TLS port accepts. */
    public static SecureBroker start(Path dir, int port, String... extraArgs) throws IOException {
        Path output = Files.createTempFile("secure-broker", ".log");
        SecureBroker broker = new SecureBroker(dir, port, MosquittoBroker.freePort(), output);
        broker.process = new ProcessBuilder(command(dir, port, broker.mothershipPort, extraArgs)).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        Awaitility.await("secure broker accepting on port " + port).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (!broker.process.isAlive()) {
                        throw new IOException("scripts/broker --secure exited:\n" + broker.output());
                    }
                    return broker.accepting();
                });
        return broker;
    }

    /** A folder for the script inside a temp dir that the broker's own user can pass through when run as root. */
    public static Path freshDir() throws IOException {
        Path parent = Files.createTempDirectory("secure-it");
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        return parent.resolve("broker");
    }

    private static List<String> command(Path dir, int port, int mothershipPort, String... extraArgs) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "--secure", "--dir", dir.toString(),
                "--bind", "127.0.0.1", "--port", Integer.toString(port), "--mothership-port", Integer.toString(mothershipPort)));
        command.addAll(List.of(extraArgs));
        return command;
    }

    public String uri() {
        return "ssl://127.0.0.1:" + port;
    }

    public Path caFile() {
        return dir.resolve("ca.crt");
    }

    public String password(String account) throws IOException {
        return Files.readString(dir.resolve("passwords").resolve(account)).trim();
    }

    /** The settings file the script wrote for pot {@code id}. */
    public Path potSettings(String id) {
        return dir.resolve("pots").resolve(id + ".properties");
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    boolean accepting() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * mosquitto_sub or mosquitto_pub as the mothership, as the script's banner says: host, port, CA and login
     * come from the options file the script wrote ({@code XDG_CONFIG_HOME}), {@code args} are the rest.
     */
    public ProcessBuilder mothership(String tool, String... args) {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("XDG_CONFIG_HOME", dir.resolve("mothership").toString());
        return builder;
    }

    /** Stops the script as Ctrl-C would (it stops its Mosquitto); forcibly only if it does not end in time. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The script's process, for tests that signal it. */
    Process process() {
        return process;
    }
}
