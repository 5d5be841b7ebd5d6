package dev.smartpot.simulator.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;

import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Processes;
import dev.smartpot.testkit.RequiredTool;

/**
 * The mothership as a user sets it up: {@code scripts/broker --secure}, run for real on a free loopback port
 * with its folder in the test's temp dir (not the project's .broker-secure/). Also the mothership's own
 * clients, {@code mosquitto_sub} and {@code mosquitto_pub}, logged in over TLS as "mothership".
 */
public final class SecureBroker implements AutoCloseable {

    static final Path SCRIPT = Path.of("..", "scripts", "broker").toAbsolutePath().normalize();

    public final Path dir;
    public final int port;
    private final Path output;
    private Process process;

    private SecureBroker(Path dir, int port, Path output) {
        this.dir = dir;
        this.port = port;
        this.output = output;
    }

    /** Runs the script once with {@code --setup-only} and returns its output (what a user reads). */
    public static String setUp(Path dir, int port, String... extraArgs) throws IOException, InterruptedException {
        List<String> command = command(dir, port, extraArgs);
        command.add("--setup-only");
        Processes.Finished done = Processes.run(new ProcessBuilder(command), Duration.ofSeconds(60));
        if (done.exitCode() != 0) {
            throw new IOException("scripts/broker --secure --setup-only failed:\n" + done.output());
        }
        return done.output();
    }

    /** Runs the script as the broker (it ends in exec mosquitto) and waits until the TLS port accepts. */
    public static SecureBroker start(Path dir, int port, String... extraArgs) throws IOException {
        Path output = Files.createTempFile("secure-broker", ".log");
        SecureBroker broker = new SecureBroker(dir, port, output);
        broker.process = new ProcessBuilder(command(dir, port, extraArgs)).redirectErrorStream(true)
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

    private static List<String> command(Path dir, int port, String... extraArgs) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "--secure", "--dir", dir.toString(),
                "--bind", "127.0.0.1", "--port", Integer.toString(port)));
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
        return Loopback.accepting(port);
    }

    /** mosquitto_sub or mosquitto_pub as the mothership, over TLS, with {@code args} after the login. */
    public ProcessBuilder mothership(RequiredTool tool, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(tool.path(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "--cafile", caFile().toString(), "-u", "mothership", "-P", password("mothership")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            Processes.kill(process);
        }
    }
}
