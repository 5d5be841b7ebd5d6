package dev.smartpot.mothership.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.broker.BrokerOptions;

/**
 * The engine in a child JVM, so a test can SIGKILL it as a power cut would. {@link #main} is the child;
 * it runs until killed.
 */
public final class EngineProcess implements AutoCloseable {

    private static final String STORED = "mothership child stored ";

    private final List<String> command;
    private final Path log;
    private Process process;

    public EngineProcess(String brokerUrl, Path sqliteFile, Path log) {
        this(List.of(brokerUrl, sqliteFile.toString()), log);
    }

    private EngineProcess(List<String> args, Path log) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> c = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EngineProcess.class.getName()));
        c.addAll(args);
        this.command = List.copyOf(c);
        this.log = log;
    }

    /**
     * One of several instances sharing the ingest: MQTT 5, readings in {@code $share/GROUP/...}, its own
     * client id (its persistent session), all writing to one PostgreSQL.
     */
    public static EngineProcess sharing(String brokerUrl, String clientId, String group, String jdbcUrl, Path log) {
        return new EngineProcess(List.of(brokerUrl, jdbcUrl, clientId, group), log);
    }

    /** Starts the child and waits until it is subscribed (from then on nothing published is missed). */
    public void start() throws IOException {
        Files.deleteIfExists(log);
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Awaitility.await("the mothership child connected").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> output().contains("mothership: receiving"));
    }

    /** Readings the running child stored since its start, as it last told. */
    public long stored() throws IOException {
        String out = output();
        out = out.substring(0, out.lastIndexOf('\n') + 1); // whole lines only: the child may be mid-line
        int at = out.lastIndexOf(STORED);
        return at < 0 ? 0 : Long.parseLong(out.substring(at + STORED.length(), out.indexOf('\n', at)).trim());
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGKILL: no goodbye, no flush, nothing after the last commit. */
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

    /** {@code BROKER_URL SQLITE_FILE}, or {@code BROKER_URL JDBC_URL CLIENT_ID SHARED_GROUP}. */
    public static void main(String[] args) throws Exception {
        EngineOptions options = args.length == 2
                ? EngineOptions.sqlite(BrokerOptions.plain(args[0]), new File(args[1]).toPath())
                : EngineOptions.postgres(new BrokerOptions(args[0], null, null, null, args[2], args[3], true),
                        args[1], null, null);
        MothershipEngine engine = new MothershipEngine(options);
        engine.start();
        System.out.println("mothership child started");
        // The store is the child's own while it runs (no other process may open it): it tells what it stored instead.
        long told = -1;
        while (true) {
            long stored = engine.health().readingsStored();
            if (stored != told) {
                System.out.println(STORED + stored);
                told = stored;
            }
            Thread.sleep(50);
        }
    }
}
