package dev.smartpot.mothership.testing;

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
 * The locked broker as a user runs it: {@code scripts/broker --secure} on free loopback ports, its folder under
 * the module's {@code target/}. It can be stopped as Ctrl-C would and started again on the same folder and ports
 * (Mosquitto saves its sessions on a clean stop). Pots publish with {@code mosquitto_pub} under their own login.
 */
public final class SecureBrokerScript implements AutoCloseable {

    private static final Path SCRIPT = Path.of("..", "scripts", "broker").toAbsolutePath().normalize();
    /** The pot account the script makes when none is named. */
    public static final String POT = "02578bded277";

    private final Path dir;
    private final int potPort = Loopback.freePort();
    private final int mothershipPort = Loopback.freePort();
    private final List<String> extraArgs;
    private Process process;
    private int starts;

    private SecureBrokerScript(Path dir, List<String> extraArgs) {
        this.dir = dir;
        this.extraArgs = extraArgs;
    }

    /** Sets up (CA, accounts, ACL) and runs it; {@code extraArgs} such as {@code --pots ID,ID}. */
    public static SecureBrokerScript start(String... extraArgs) throws IOException {
        Path parent = Files.createTempDirectory(Files.createDirectories(Path.of("target", "secure-broker").toAbsolutePath()), "run-");
        // Run as root the script hands the folder to the mosquitto user, which must pass through the parent.
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        SecureBrokerScript broker = new SecureBrokerScript(parent.resolve("broker"), List.of(extraArgs));
        broker.run();
        return broker;
    }

    private void run() throws IOException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString(), "--secure", "--dir", dir.toString(), "--bind", "127.0.0.1",
                "--port", Integer.toString(potPort), "--mothership-port", Integer.toString(mothershipPort)));
        command.addAll(extraArgs);
        Path log = Files.createDirectories(dir.getParent()).resolve("script-" + ++starts + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Awaitility.await("scripts/broker --secure accepting on " + potPort + " and " + mothershipPort).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IOException("scripts/broker --secure exited:\n" + Files.readString(log));
                    }
                    return Loopback.accepting(potPort) && Loopback.accepting(mothershipPort);
                });
    }

    /** Ctrl-C to the script (it stops Mosquitto, which saves its sessions), then the same command again. */
    public void restart() throws IOException {
        Processes.stop(process);
        run();
    }

    public void stop() {
        Processes.stop(process);
    }

    /** The mothership's listener, where it logs in as "mothership". */
    public String mothershipUrl() {
        return "ssl://127.0.0.1:" + mothershipPort;
    }

    public Path caFile() {
        return dir.resolve("ca.crt");
    }

    public Path dir() {
        return dir;
    }

    public String password(String account) throws IOException {
        return Files.readString(dir.resolve("passwords").resolve(account)).trim();
    }

    /** Publishes each line at QoS 1 as pot {@code pot} on its own topic, logged in as itself; fails on a refusal. */
    public void publishAsPot(String pot, List<String> lines) throws IOException {
        Path input = Files.createTempFile(dir.getParent(), "lines-", ".txt");
        Files.write(input, lines);
        ProcessBuilder pub = new ProcessBuilder(RequiredTool.MOSQUITTO_PUB.path(), "-h", "127.0.0.1", "-p", Integer.toString(potPort),
                "--cafile", caFile().toString(), "-u", pot, "-P", password(pot), "-i", pot, "-q", "1",
                "-t", "to_mothership/" + pot, "-l").redirectInput(input.toFile());
        Processes.Finished done = Processes.run(pub, Duration.ofSeconds(60));
        if (done.exitCode() != 0) {
            throw new IOException("mosquitto_pub as pot " + pot + " failed (" + done.exitCode() + "): " + done.output());
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            Processes.stop(process);
        }
    }
}
