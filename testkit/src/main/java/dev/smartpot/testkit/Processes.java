package dev.smartpot.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Child processes a test starts: always waited for with a limit, and killed when they overstay it. */
public final class Processes {

    /** What a finished process printed (stdout and stderr together when redirected so) and its exit code. */
    public record Finished(int exitCode, String output) {
    }

    private static final File NO_INPUT = new File("/dev/null");

    private Processes() {
    }

    /** Waits up to {@code atMost} for {@code process} to end; kills it and fails when it does not. */
    public static Finished finish(Process process, Duration atMost) {
        try {
            byte[] bytes = process.getInputStream().readAllBytes();
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("process " + process.pid() + " did not finish within " + atMost + ":\n"
                        + new String(bytes, StandardCharsets.UTF_8));
            }
            return new Finished(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("reading the output of process " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while waiting for process " + process.pid(), e);
        }
    }

    /**
     * Runs {@code command} to its end (stderr merged into stdout) within {@code atMost}. Unless the test gave it an
     * input, it reads /dev/null, as under a closed terminal: a tool that waits on stdin (openssl s_client) ends.
     */
    public static Finished run(ProcessBuilder command, Duration atMost) {
        if (command.redirectInput() == ProcessBuilder.Redirect.PIPE) {
            command.redirectInput(ProcessBuilder.Redirect.from(NO_INPUT));
        }
        try {
            return finish(command.redirectErrorStream(true).start(), atMost);
        } catch (IOException e) {
            throw new AssertionError("could not start " + command.command(), e);
        }
    }

    /** SIGKILL, then wait (bounded) until the process is gone. */
    public static void kill(Process process) {
        process.destroyForcibly();
        awaitExit(process);
    }

    /**
     * SIGTERM, then SIGKILL if it is still there after five seconds. Returns whether it ended on the SIGTERM (for a
     * test that asserts a clean stop: the process is gone either way).
     */
    public static boolean stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill(process);
                return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** Sends a signal by name (STOP, CONT) to {@code process}. */
    public static void signal(Process process, String name) {
        Finished kill = run(new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())), Duration.ofSeconds(10));
        if (kill.exitCode() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed: " + kill.output());
        }
    }

    private static void awaitExit(Process process) {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("process " + process.pid() + " survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
