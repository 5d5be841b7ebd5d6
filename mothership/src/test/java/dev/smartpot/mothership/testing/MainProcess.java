package dev.smartpot.mothership.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import dev.smartpot.mothership.MothershipMain;

/**
 * {@code scripts/mothership} with its real command line, in a child JVM, so a test can read its
 * {@code /proc/PID/cmdline} and SIGKILL it as a power cut would. Each start appends to the same log.
 */
public final class MainProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private Process process;
    private int startedAt;

    public MainProcess(Path log, List<String> args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> c = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                MothershipMain.class.getName()));
        c.addAll(args);
        this.command = List.copyOf(c);
        this.log = log;
    }

    /** Starts it and waits until it serves (the banner's last line). */
    public void start() throws IOException {
        startedAt = output().length();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Awaitility.await("the mothership child started").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
                .until(() -> sinceStart().contains("Ctrl-C to stop") || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("the mothership child exited: " + sinceStart());
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Everything it printed, over all its starts. */
    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** What it printed since the last start. */
    public String sinceStart() throws IOException {
        String all = output();
        return all.length() >= startedAt ? all.substring(startedAt) : all;
    }

    /** SIGKILL: no goodbye, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed mothership child did not exit within 10 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
