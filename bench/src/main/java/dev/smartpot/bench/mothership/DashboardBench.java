package dev.smartpot.bench.mothership;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.smartpot.mothership.api.Series;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.Retention;

/**
 * What the dashboard asks of the engine, on SQLite files filled with batched JDBC:
 * <ol>
 *   <li>the pot list of 10,000 pots ({@code pots()} and its JSON, what {@code GET /api/pots} sends);</li>
 *   <li>the heap of an engine holding 10,000 pots, in a child JVM with {@code -Xmx128m}, after GC;</li>
 *   <li>a year of one pot at 5 s (6.3 million readings): rollups built, then the year charted
 *       ({@code series()}), then the retention job that drops raw readings older than 30 days.</li>
 * </ol>
 * {@code DashboardBench [--quick]} (quick: 30 days instead of a year); prints Markdown.
 */
public final class DashboardBench {

    static final int POTS = 10_000;
    private static final long INTERVAL = 5_000;

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Path dir = Files.createTempDirectory("bench-mship-dashboard");
        Path fleetDb = dir.resolve("fleet.db");
        long now = System.currentTimeMillis();
        fillFleet(fleetDb, now);
        try (BenchBroker broker = BenchBroker.start()) {
            potList(broker, fleetDb);
            if (List.of(args).contains("--start-only")) {
                // While tuning the start: the pot list and the start's figure only.
                System.exit(0);
            }
            heap(broker, fleetDb);
            year(broker, dir.resolve("year.db"), now, quick ? 30 : 365);
        }
        // The HiveMQ and engine threads would keep the JVM up; every figure is printed.
        System.exit(0);
    }

    /** 10,000 pots with 10 readings each (and their hourly rollup), as an engine would have stored them. */
    static void fillFleet(Path file, long now) throws SQLException {
        Database.sqlite(file).close();
        try (Connection c = connect(file)) {
            c.setAutoCommit(false);
            try (PreparedStatement pot = c.prepareStatement("INSERT INTO pots (id, name, room, first_seen) VALUES (?, ?, ?, ?)");
                 PreparedStatement reading = c.prepareStatement(insertReading());
                 PreparedStatement rollup = c.prepareStatement("INSERT INTO rollup_1h (pot_id, bucket, readings, dropped, n,"
                         + " total, min_m, max_m) VALUES (?, ?, 10, 0, 10, ?, ?, ?)")) {
                for (int i = 0; i < POTS; i++) {
                    String id = ReadingPublishers.potId(i);
                    pot.setString(1, id);
                    pot.setString(2, "Plant " + i);
                    pot.setString(3, "Room " + i % 40);
                    pot.setLong(4, now - 3_600_000);
                    pot.addBatch();
                    for (int seq = 0; seq < 10; seq++) {
                        addReading(reading, id, seq, 40 + (i + seq) % 30, now - (10 - seq) * INTERVAL);
                    }
                    rollup.setString(1, id);
                    rollup.setLong(2, (now / 3_600_000) * 3_600_000);
                    rollup.setDouble(3, 500);
                    rollup.setDouble(4, 40);
                    rollup.setDouble(5, 69);
                    rollup.addBatch();
                }
                pot.executeBatch();
                reading.executeBatch();
                rollup.executeBatch();
            }
            c.commit();
        }
    }

    private static void potList(BenchBroker broker, Path db) throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        long t0 = System.nanoTime();
        try (MothershipEngine engine = new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(broker.url()), db))) {
            engine.start();
            double startMs = (System.nanoTime() - t0) / 1e6;
            int bytes = 0;
            for (int i = 0; i < 10; i++) {
                bytes = json.writeValueAsBytes(engine.pots()).length;
            }
            double[] ms = new double[30];
            double[] listOnly = new double[30];
            for (int i = 0; i < ms.length; i++) {
                long s = System.nanoTime();
                bytes = json.writeValueAsBytes(engine.pots()).length;
                ms[i] = (System.nanoTime() - s) / 1e6;
                s = System.nanoTime();
                engine.pots();
                listOnly[i] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(listOnly);
            System.out.println(String.format(Locale.ROOT, "| Pot list: `pots()` + its JSON (%,d pots, %,d bytes), median / max of %d |"
                    + " %.1f / %.1f ms | under 200 ms |", engine.pots().size(), bytes, ms.length, ms[ms.length / 2],
                    ms[ms.length - 1]));
            System.out.println(String.format(Locale.ROOT, "| of which `pots()` alone (sorted snapshot from memory), median / max |"
                    + " %.1f / %.1f ms | - |", listOnly[listOnly.length / 2], listOnly[listOnly.length - 1]));
            System.out.println(String.format(Locale.ROOT, "| Engine start with %,d pots in the store (loads them into memory) |"
                    + " %.0f ms | under 2,000 ms |", POTS, startMs));
        }
    }

    /** The engine with 10,000 pots in a child JVM capped at 128 MB: used heap after GC. */
    private static void heap(BenchBroker broker, Path db) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                HeapProbe.class.getName(), broker.url(), db.toString()).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(HeapProbe.RESULT)) {
                    result = line.substring(HeapProbe.RESULT.length());
                } else {
                    System.err.println("heap probe: " + line);
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || result == null) {
            p.destroyForcibly();
            throw new IllegalStateException("the heap probe failed (exit " + (p.isAlive() ? "none" : p.exitValue()) + ")");
        }
        System.out.println("| Heap used after GC, engine holding 10,000 pots (child JVM, -Xmx128m) | " + result + " | under 128 MB |");
    }

    /** One pot, every 5 s for {@code days}: insert, build rollups, chart the whole range, then retention. */
    private static void year(BenchBroker broker, Path file, long now, int days) throws Exception {
        long n = days * 86_400_000L / INTERVAL;
        long from = now - n * INTERVAL;
        Database.sqlite(file).close();
        long t0 = System.nanoTime();
        try (Connection c = connect(file)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO pots (id, name, first_seen) VALUES ('year', 'A year of readings', " + from + ")");
            }
            try (PreparedStatement p = c.prepareStatement(insertReading())) {
                for (long seq = 0; seq < n; seq++) {
                    addReading(p, "year", seq, 40 + 20 * Math.sin(seq / 17_280.0), from + seq * INTERVAL);
                    if ((seq + 1) % 10_000 == 0) {
                        p.executeBatch();
                    }
                    if ((seq + 1) % 500_000 == 0) {
                        c.commit();
                    }
                }
                p.executeBatch();
            }
            c.commit();
            checkpoint(c);
            double insertS = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            for (String[] t : new String[][] {{"rollup_5m", "300000"}, {"rollup_1h", "3600000"}}) {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO " + t[0] + " (pot_id, bucket, readings, dropped, n, total, min_m, max_m)"
                            + " SELECT pot_id, (ts / " + t[1] + ") * " + t[1] + ", count(*), sum(dropped), count(moisture),"
                            + " coalesce(sum(moisture), 0), min(moisture), max(moisture) FROM readings GROUP BY 1, 2");
                }
            }
            c.commit();
            checkpoint(c);
            double rollupS = (System.nanoTime() - t0) / 1e9;
            System.out.println(String.format(Locale.ROOT, "| %d days of one pot at 5 s: %,d readings loaded by batched JDBC |"
                    + " %.1f s (%,.0f rows/s) | - |", days, n, insertS, n / insertS));
            System.out.println(String.format(Locale.ROOT, "| Rollups (5-minute and hourly) built from them in SQL | %.1f s | - |", rollupS));
        }
        try (MothershipEngine engine = new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(broker.url()), file)
                .withRetention(new Retention(Duration.ofDays(3650), Duration.ofDays(3650), null, Duration.ofDays(30))))) {
            engine.start();
            chart(engine, days, "");
        }
        // The retention job, as the engine runs it (a writer task): raw readings older than 30 days go.
        t0 = System.nanoTime();
        long deleted;
        try (Connection c = connect(file)) {
            c.setAutoCommit(false);
            deleted = Retention.DEFAULT.apply(c, System.currentTimeMillis());
            c.commit();
        }
        System.out.println(String.format(Locale.ROOT, "| Retention job: raw readings older than 30 days deleted (%,d rows) |"
                + " %.1f s | - |", deleted, (System.nanoTime() - t0) / 1e9));
        try (MothershipEngine engine = new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(broker.url()), file))) {
            engine.start();
            chart(engine, days, " after retention (from the rollups)");
        }
    }

    private static void chart(MothershipEngine engine, int days, String note) {
        Instant to = Instant.now().plusSeconds(60);
        Instant from = to.minus(Duration.ofDays(days)).minusSeconds(3600);
        long s = System.nanoTime();
        Series first = engine.series("year", from, to, 1000);
        double firstMs = (System.nanoTime() - s) / 1e6;
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            s = System.nanoTime();
            engine.series("year", from, to, 1000);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        System.out.println(String.format(Locale.ROOT, "| %d days charted, `series()`%s: %,d points at %s, first call / median of %d |"
                + " %.1f / %.1f ms | under 300 ms |", days, note, first.time().length, first.resolution(), ms.length, firstMs,
                ms[ms.length / 2]));
    }

    private static String insertReading() {
        return "INSERT INTO readings (pot_id, boot, seq, raw, moisture, fault, uptime_ms, dropped, ts, received_at)"
                + " VALUES (?, 0, ?, ?, ?, NULL, ?, 0, ?, ?)";
    }

    private static void addReading(PreparedStatement p, String pot, long seq, double moisture, long ts) throws SQLException {
        p.setString(1, pot);
        p.setLong(2, seq);
        p.setInt(3, 3000 - (int) (moisture * 15));
        p.setDouble(4, moisture);
        p.setLong(5, seq * INTERVAL);
        p.setLong(6, ts);
        p.setLong(7, ts);
        p.addBatch();
    }

    /**
     * Folds the WAL into the database file. The bulk load writes hundreds of MB in a few transactions; the
     * engine's small batches keep the WAL short (SQLite checkpoints every 1,000 pages), and a chart read
     * through a huge WAL would measure the bulk load, not the engine.
     */
    private static void checkpoint(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        c.setAutoCommit(auto);
    }

    static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
        }
        return c;
    }
}
