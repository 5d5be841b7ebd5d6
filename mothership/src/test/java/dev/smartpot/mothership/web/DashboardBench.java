package dev.smartpot.mothership.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.LongSupplier;

import dev.smartpot.broker.EmbeddedBroker;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.store.Retention;

/**
 * The dashboard's numbers (not a test): the pot list of 10,000 pots and a year of one pot at 5 s
 * (6.3 million readings, with the rollups the engine keeps) served over HTTP, each beside its limits
 * measured in the same run: the engine call without HTTP, and {@code GET /api/session} (the HTTP floor: the smallest answer the server gives).
 * Run with the Pi's heap: {@code java -Xmx128m -XX:+UseSerialGC -cp ... DashboardBench}.
 */
public final class DashboardBench {

    private static final int POTS = 10_000;
    private static final long YEAR_MS = 365L * 86_400_000L;
    private static final long EVERY_MS = 5_000;
    private static final int RUNS = 30;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("dashboard-bench");
        Path db = dir.resolve("bench.db");
        try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
            EngineOptions options = EngineOptions.sqlite(BrokerOptions.plain(broker.uri()), db)
                    .withRetention(new Retention(Duration.ofDays(400), Duration.ofDays(400), null, Duration.ofDays(30)));
            MothershipEngine schemaOnly = new MothershipEngine(options);
            schemaOnly.start(); // creates the schema
            schemaOnly.close();
            long now = System.currentTimeMillis();
            long t0 = System.nanoTime();
            fill(db, now);
            System.out.printf("fill: %d pots, %,d readings of one pot, in %.1f s%n", POTS, YEAR_MS / EVERY_MS, (System.nanoTime() - t0) / 1e9);

            MothershipEngine engine = new MothershipEngine(options);
            t0 = System.nanoTime();
            engine.start();
            System.out.printf("engine start (loads %d pots): %.1f s%n", POTS, (System.nanoTime() - t0) / 1e9);
            try (WebServer web = WebServer.start(engine, new WebServer.Options("127.0.0.1", 0, dir, false, Duration.ofSeconds(5)))) {
                HttpClient http = HttpClient.newHttpClient();
                String base = web.url();
                Instant to = Instant.ofEpochMilli(now);
                Instant from = to.minusMillis(YEAR_MS);
                String year = "api/pots/year-pot/series?from=" + from.toEpochMilli() + "&to=" + to.toEpochMilli() + "&points=800";
                report("GET /api/session (HTTP floor)", () -> get(http, base + "api/session"));
                report("engine.pots() (no HTTP), 10,000 pots", () -> {
                    long s = System.nanoTime();
                    engine.pots();
                    return System.nanoTime() - s;
                });
                report("GET /api/pots, 10,000 pots", () -> get(http, base + "api/pots"));
                report("engine.series() year (no HTTP)", () -> {
                    long s = System.nanoTime();
                    engine.series("year-pot", from, to, 800);
                    return System.nanoTime() - s;
                });
                report("GET /api/pots/{id}/series, a year", () -> get(http, base + year));
                System.out.println("series resolution for a year: " + engine.series("year-pot", from, to, 800).resolution()
                        + ", points " + engine.series("year-pot", from, to, 800).time().length);
                System.gc();
                Runtime rt = Runtime.getRuntime();
                System.out.printf("heap used after GC with 10,000 pots loaded: %.1f MB (max %d MB)%n",
                        (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1_000_000);
            } finally {
                engine.close();
            }
        }
    }

    private static long get(HttpClient http, String url) {
        try {
            long s = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - s;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " -> " + r.statusCode());
            }
            return took;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Warm-up runs first (the JIT), then RUNS timed ones: median and the slowest. */
    private static void report(String what, LongSupplier run) {
        for (int i = 0; i < 5; i++) {
            run.getAsLong();
        }
        long[] ns = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            ns[i] = run.getAsLong();
        }
        Arrays.sort(ns);
        System.out.printf("%-42s median %7.1f ms   max %7.1f ms%n", what, ns[RUNS / 2] / 1e6, ns[RUNS - 1] / 1e6);
    }

    /** Straight into the engine's schema: 10,000 pots with a reading each, one pot with a year at 5 s and its rollups. */
    private static void fill(Path db, long now) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            try (PreparedStatement pot = c.prepareStatement("INSERT INTO pots (id, name, room, status, status_at, first_seen) VALUES (?,?,?,?,?,?)");
                 PreparedStatement reading = c.prepareStatement(
                         "INSERT INTO readings (pot_id, boot, seq, raw, moisture, ts, received_at) VALUES (?,?,?,?,?,?,?)")) {
                for (int i = 0; i <= POTS; i++) {
                    String id = i == POTS ? "year-pot" : String.format("%012x", 0xA0000000L + i);
                    pot.setString(1, id);
                    pot.setString(2, i == POTS ? "Year" : "Pot " + i);
                    pot.setString(3, "Room " + (i % 50));
                    pot.setString(4, "online");
                    pot.setLong(5, now);
                    pot.setLong(6, now - YEAR_MS);
                    pot.addBatch();
                    if (i < POTS) {
                        addReading(reading, id, 0, 2000, 50 + i % 20, now - 1000);
                    }
                }
                pot.executeBatch();
                reading.executeBatch();
                long seq = 0;
                for (long ts = now - YEAR_MS; ts < now; ts += EVERY_MS) {
                    double m = 50 + 20 * Math.sin(ts / 86_400_000.0 * 2 * Math.PI);
                    addReading(reading, "year-pot", seq++, 2000, m, ts);
                    if (seq % 50_000 == 0) {
                        reading.executeBatch();
                    }
                }
                reading.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {"rollup_5m:300000", "rollup_1h:3600000"}) {
                    String[] t = table.split(":");
                    s.executeUpdate("INSERT INTO " + t[0] + " (pot_id, bucket, readings, dropped, n, total, min_m, max_m) "
                            + "SELECT pot_id, (ts / " + t[1] + ") * " + t[1] + ", count(*), 0, count(moisture), sum(moisture), "
                            + "min(moisture), max(moisture) FROM readings GROUP BY pot_id, ts / " + t[1]);
                }
            }
            c.commit();
        }
    }

    private static void addReading(PreparedStatement p, String id, long seq, int raw, double moisture, long ts) throws Exception {
        p.setString(1, id);
        p.setLong(2, 0);
        p.setLong(3, seq);
        p.setInt(4, raw);
        p.setDouble(5, moisture);
        p.setLong(6, ts);
        p.setLong(7, ts);
        p.addBatch();
    }
}
