package dev.smartpot.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;

/**
 * A real Mosquitto process on a free loopback port, with a temporary config and folder of its own, that a test
 * (or a benchmark) can SIGKILL and restart on the same port, freeze (SIGSTOP) and thaw. The one launcher of the
 * project: tests take {@link #start()}, benchmarks tune it with {@link #configure()}.
 */
public final class Mosquitto implements AutoCloseable {

    private final Path dir;
    private final int port;
    /** Further listeners of a test's own config, waited for as the main one is. */
    private final List<Integer> listeners = new ArrayList<>();
    private Process process;
    private boolean frozen;

    private Mosquitto(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /**
     * For tests: persistence saved on every change (a persistent session survives a SIGKILL, as on a Pi), every
     * log line kept (the clients helper reads when a subscription arrived).
     */
    public static Mosquitto start() {
        return configure().start();
    }

    public static Config configure() {
        return new Config();
    }

    /**
     * A Mosquitto on a config of the test's own (listeners, TLS, logins); the launcher adds its log and runs it
     * as the current user. {@code port} is the listener to wait for.
     */
    public static Mosquitto startWithConfig(int port, String config) {
        Mosquitto broker = new Mosquitto(tempDir(), port);
        broker.write(config + "\nuser root\nlog_dest file " + broker.dir.resolve("mosquitto.log") + "\nlog_type all\n");
        // A test dials every listener it configured: each start and restart waits for all of them.
        for (String line : config.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("listener") && words[1].matches("\\d+")) {
                broker.listeners.add(Integer.parseInt(words[1]));
            }
        }
        broker.launch();
        return broker;
    }

    /** The settings of a launched broker beyond its loopback listener. */
    public static final class Config {
        private boolean persistent = true;
        private boolean saveOnEveryChange = true;
        private boolean everyLogLine = true;
        private final List<String> lines = new ArrayList<>();

        private Config() {
        }

        /** Persistence on or off (off keeps the disk out of what a benchmark measures). */
        public Config persistence(boolean on) {
            this.persistent = on;
            return this;
        }

        /** Saves once a second instead of after every change (a broker taking 1,000 messages a second). */
        public Config saveEverySecond() {
            this.saveOnEveryChange = false;
            return this;
        }

        /** Logs warnings and errors only. */
        public Config quietLog() {
            this.everyLogLine = false;
            return this;
        }

        /** Any other line of mosquitto.conf, e.g. {@code max_connections -1}. */
        public Config line(String configLine) {
            lines.add(configLine);
            return this;
        }

        public Mosquitto start() {
            Mosquitto broker = new Mosquitto(tempDir(), Loopback.freePort());
            List<String> conf = new ArrayList<>(List.of(
                    "listener " + broker.port + " " + Loopback.HOST,
                    "allow_anonymous true",
                    "persistence " + persistent,
                    "persistence_location " + broker.dir + "/",
                    "autosave_interval 1",
                    "autosave_on_changes " + saveOnEveryChange,
                    "user root",
                    "log_dest file " + broker.dir.resolve("mosquitto.log")));
            conf.addAll(everyLogLine ? List.of("log_type all") : List.of("log_type error", "log_type warning"));
            conf.addAll(lines);
            broker.write(String.join("\n", conf) + "\n");
            broker.launch();
            return broker;
        }
    }

    /**
     * A folder for one broker: under the module's {@code target/} when the tests run there, so it stays beside the test
     * reports after a failure and goes with {@code mvn clean}; otherwise in the system's temp folder.
     */
    private static Path tempDir() {
        try {
            Path target = Path.of("target").toAbsolutePath();
            if (Files.isDirectory(target)) {
                return Files.createTempDirectory(Files.createDirectories(target.resolve("mosquitto")), "broker-");
            }
            return Files.createTempDirectory("mosquitto-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String config) {
        try {
            Files.writeString(dir.resolve("mosquitto.conf"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(RequiredTool.MOSQUITTO.path(), "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start mosquitto", e);
        }
        frozen = false;
        Awaitility.await("mosquitto accepting on port " + port).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("mosquitto exited at start:\n" + read(dir.resolve("stdout.log")));
                    }
                    return accepting();
                });
        for (int listener : listeners) {
            Awaitility.await("mosquitto accepting on its listener " + listener).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(5)).until(() -> Loopback.accepting(listener));
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://" + Loopback.HOST + ":" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** The broker's folder: its config, log and persistence file. */
    public Path dir() {
        return dir;
    }

    public boolean accepting() {
        return Loopback.accepting(port);
    }

    /** What the broker logs as a save begins ({@code log_type all}). */
    public static final String SAVING = "Saving in-memory database";

    /** SIGKILL: no goodbye to anyone, as when the Pi loses power. */
    public void kill() {
        Processes.kill(process);
        frozen = false;
    }

    /** Starts again on the same port and folder (its persistence file included). */
    public void restart() {
        launch();
    }

    /**
     * SIGUSR1: the broker saves its database now (sessions, subscriptions, queued messages) and returns once its log
     * says it began; Mosquitto saves on its one thread, so whatever it logs after that line comes after the save.
     */
    public void save() {
        long before = log().lines().filter(l -> l.contains(SAVING)).count();
        Processes.signal(process, "USR1");
        Awaitility.await("mosquitto saved on SIGUSR1").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> log().lines().filter(l -> l.contains(SAVING)).count() > before);
    }

    /** SIGSTOP: the process stays, its sockets stay open, nothing answers (a half-open link). */
    public void freeze() {
        Processes.signal(process, "STOP");
        frozen = true;
    }

    public void thaw() {
        Processes.signal(process, "CONT");
        frozen = false;
    }

    /** Everything the broker logged so far. */
    public String log() {
        return read(dir.resolve("mosquitto.log"));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            if (frozen) {
                thaw();
            }
            Processes.stop(process);
        }
    }
}
