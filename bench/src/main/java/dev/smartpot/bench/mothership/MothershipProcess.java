package dev.smartpot.bench.mothership;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.smartpot.testkit.Loopback;

/**
 * The mothership as a Pi runs it: {@code scripts/mothership} in its own process, with the memory flags it
 * ships (or the given JAVA_OPTS), on the bench's broker and a fresh data folder. What it stored is counted
 * from its health: it holds its SQLite file for itself while it runs.
 */
final class MothershipProcess implements AutoCloseable {

    private static final Pattern STORED = Pattern.compile("\"readings_stored\":(\\d+)");
    private static final long ASK_MS = 100;

    private final Process process;
    private final Path data;
    private final ProcStats stats;
    private final HttpClient http = HttpClient.newHttpClient();
    private long askedAt = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    private long askedBefore;
    private long lastStored;

    /** Where its dashboard and API listen (loopback). */
    final int httpPort;

    private MothershipProcess(Process process, Path data, int httpPort) {
        this.process = process;
        this.data = data;
        this.httpPort = httpPort;
        this.stats = new ProcStats(process.pid());
    }

    /** @param javaOpts null for the script's shipped flags */
    static MothershipProcess start(BenchBroker broker, Path data, String javaOpts) throws IOException {
        Path script = Path.of("scripts/mothership");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("no " + script.toAbsolutePath() + ": run the benchmark from the project's"
                    + " root (scripts/bench-mothership does)");
        }
        Files.createDirectories(data);
        int http = Loopback.freePort();
        List<String> cmd = new ArrayList<>(List.of(script.toString(), "--broker", broker.url(), "--data", data.toString(),
                "--http", "127.0.0.1:" + http, "--link-timeout", "0", "--max-pots", "20000"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolve("mothership.log").toFile());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_OPTS");
        if (javaOpts != null) {
            env.put("JAVA_OPTS", javaOpts);
        }
        // The script ends in exec: this pid becomes the JVM's.
        Process p = pb.start();
        // A bench stopped from outside (timeout, Ctrl-C) must not leave a mothership running.
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        return new MothershipProcess(p, data, http);
    }

    ProcStats stats() {
        return stats;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Readings it stored since it started (its counter counts each (pot, boot, seq) once, after the commit), from its
     * health (held in memory; /metrics would query the store). Asked at most every {@link #ASK_MS} ms: the benches
     * poll in tight loops, and each answer costs the measured process CPU (about 1 ms of it, and heap).
     */
    synchronized long stored() {
        long now = System.nanoTime();
        if (now - askedAt < TimeUnit.MILLISECONDS.toNanos(ASK_MS)) {
            return lastStored;
        }
        try {
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health")).build();
            Matcher m = STORED.matcher(http.send(health, HttpResponse.BodyHandlers.ofString()).body());
            askedBefore = askedAt;
            askedAt = now;
            if (m.find()) {
                lastStored = Long.parseLong(m.group(1));
            }
            return lastStored;
        } catch (IOException e) {
            // Not listening yet: nothing stored.
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * When the count reached what the last ask saw, as {@link System#nanoTime}: between that ask and the one before, so
     * their middle (at most {@link #ASK_MS}/2 ms off).
     */
    synchronized long reachedAtNanos() {
        return askedBefore + (askedAt - askedBefore) / 2;
    }

    /**
     * Each stored reading's wait from its publish to the mothership's receipt (received_at - the pot's time,
     * which the bench's publishers set at the publish), ms, sorted; the probe pot's left out. Stops the mothership
     * first: its file is its own while it runs.
     */
    double[] waitsMs() throws Exception {
        close();
        List<Double> waits = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("mothership.db"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT received_at - ts FROM all_readings WHERE pot_id <> 'probe'")) {
            while (r.next()) {
                waits.add((double) r.getLong(1));
            }
        }
        return waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** The log so far, for an error message. */
    String log() {
        try {
            return Files.readString(data.resolve("mothership.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The last n distinct lines of its log (a line repeated thousands of times is shown once). */
    String logTail(int n) {
        List<String> distinct = new ArrayList<>();
        for (String line : log().split("\n")) {
            String key = line.replaceAll("^[0-9:.]+ ", "").replaceAll("\\(.*", "");
            distinct.removeIf(l -> l.replaceAll("^[0-9:.]+ ", "").replaceAll("\\(.*", "").equals(key));
            distinct.add(line.length() > 300 ? line.substring(0, 300) + "..." : line);
        }
        return String.join("\n", distinct.subList(Math.max(0, distinct.size() - n), distinct.size()));
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the mothership exited with code " + process.exitValue() + ":\n" + log());
        }
    }

    /** SIGTERM, as systemd stops it; then forcibly if it does not end in 40 s (the unit's TimeoutStopSec). */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
