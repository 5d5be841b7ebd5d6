package dev.smartpot.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Child processes a test starts: always waited for with a limit, and killed when they overstay it. */
public final class Processes {

    /** What a finished process printed (stdout and stderr together when redirected so) and its exit code. */
    public record Finished(int exitCode, String output) {
    }

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

    /** Runs {@code command} to its end (stderr merged into stdout) within {@code atMost}. */
    public static Finished run(ProcessBuilder command, Duration atMost) {
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

    /** SIGTERM, then SIGKILL if it is still there after five seconds. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
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
