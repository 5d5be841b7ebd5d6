package dev.smartpot.mothership.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import dev.smartpot.testkit.Loopback;

/**
 * A real PostgreSQL (Debian's server binaries) for tests and benchmarks: a fresh cluster in a temp folder,
 * on a free loopback port, run as an ordinary user (as root: the {@code postgres} user via
 * {@code runuser}, with the folder handed to it), stopped and deleted by {@link #close()}.
 *
 * <pre>try (PostgresServer pg = PostgresServer.start()) {
 *     String url = pg.createDatabase("mothership");   // jdbc:postgresql://127.0.0.1:PORT/mothership?user=postgres
 * }</pre>
 */
public final class PostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";

    private final Path dir;
    private final Path data;
    private final int port;
    private final String bin;
    private Process process;

    private PostgresServer(Path dir, int port, String bin) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.bin = bin;
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        // In the system's /tmp, not the module's target/tmp: run as root, the server runs as user postgres, which must
        // reach its folder, and a clone in a private folder is out of its reach.
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "mship-pg");
        PostgresServer pg = new PostgresServer(dir, Loopback.freePort(), binDir());
        if (isRoot()) {
            run(List.of("chown", "-R", SUPERUSER + ":", dir.toString()), dir.resolve("chown.log"));
        }
        run(pg.asServerUser(pg.bin + "/initdb", "-D", pg.data.toString(), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                "--no-sync"), dir.resolve("initdb.log"));
        pg.process = new ProcessBuilder(pg.asServerUser(pg.bin + "/postgres", "-D", pg.data.toString(),
                "-p", Integer.toString(pg.port), "-k", dir.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "max_connections=50"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("postgres.log").toFile()).start();
        Awaitility.await("PostgreSQL accepting on port " + pg.port).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(pg::accepting);
        return pg;
    }

    /** Makes a database and returns its JDBC url (trust login as the superuser, loopback only). */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    public int port() {
        return port;
    }

    private boolean accepting() throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"))) {
            return c.isValid(2);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        // Fast shutdown: ends sessions, no waiting for clients to leave.
        run(asServerUser(bin + "/pg_ctl", "stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "20"), dir.resolve("stop.log"));
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        run(List.of("rm", "-rf", dir.toString()), Path.of("/dev/null"));
    }

    private List<String> asServerUser(String... command) {
        List<String> out = new ArrayList<>();
        if (isRoot()) {
            out.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        out.addAll(List.of(command));
        return out;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 60 s");
        }
        if (p.exitValue() != 0 && !log.toString().equals("/dev/null")) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + Files.readString(log));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Debian's server binaries (postgresql-NN), newest first; PG_BIN overrides. */
    static String binDir() {
        String env = System.getenv("PG_BIN");
        if (env != null) {
            return env;
        }
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        if (versions != null) {
            java.util.Arrays.sort(versions, (a, b) -> b.getName().compareTo(a.getName()));
            for (File v : versions) {
                if (new File(v, "bin/initdb").canExecute()) {
                    return new File(v, "bin").getPath();
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL server binaries under /usr/lib/postgresql; install Debian's"
                + " postgresql package (scripts/test does) or set PG_BIN to the folder with initdb and postgres");
    }
}
