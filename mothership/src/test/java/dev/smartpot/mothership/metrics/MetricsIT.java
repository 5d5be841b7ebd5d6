package dev.smartpot.mothership.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.NoSuchElementException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.mothership.MothershipApp;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/**
 * GET /metrics on a mothership beside a real Mosquitto, served beyond loopback (so behind the login): readings,
 * redelivered duplicates and junk from scripted pots, then the exposition read by a strict text-format reader.
 */
class MetricsIT {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void metricsCountWhatTheStoreHolds() throws Exception {
        try (Mosquitto broker = QueueingBroker.start()) {
            MothershipApp app = MothershipApp.start(new MothershipApp.Options(BrokerOptions.plain(broker.uri()), 0, "0.0.0.0", 0,
                    data, null, null, null, false, null));
            String base = "http://127.0.0.1:" + app.web().port();
            try (ScriptedPot basil = new ScriptedPot("basil", broker.port()); ScriptedPot fern = new ScriptedPot("fern", broker.port())) {
                await().atMost(Duration.ofSeconds(10)).until(() -> app.engine().health().brokerConnected());
                for (int seq = 0; seq < 200; seq++) {
                    basil.publishReading(seq, 60, 5000L * seq);
                }
                for (int seq = 150; seq < 200; seq++) {
                    basil.publishReading(seq, 60, 5000L * seq); // redelivered: stored once
                }
                for (int seq = 0; seq < 30; seq++) {
                    fern.publishReading(seq, 5, 5000L * seq); // bone dry
                }
                basil.publish("to_mothership/basil", "{not json", false);
                basil.publish("to_mothership/basil", "{\"id\":\"basil\",\"seq\":-4}", false);
                await().atMost(Duration.ofSeconds(20)).until(() -> app.engine().health().duplicatesIgnored() == 50
                        && app.engine().health().junkMessages() == 2 && app.engine().health().readingsStored() == 230);
                await().atMost(Duration.ofSeconds(20)).ignoreException(NoSuchElementException.class).until(() -> app.engine().pot("fern").orElseThrow().state() == PlantState.DRY);

                assertEquals(401, get(base + "/metrics", null).statusCode(), "no login, no numbers");
                assertEquals(401, get(base + "/metrics/", null).statusCode(), "nor through a trailing slash");
                HttpResponse<String> scrape = get(base + "/metrics", app.web().createdLogin().apiToken());
                assertEquals(200, scrape.statusCode(), scrape.body());
                assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                        scrape.headers().toString());
                PrometheusText metrics = PrometheusText.parse(scrape.body());

                assertEquals(rows("SELECT count(*) FROM all_readings"), (long) metrics.value("smartpot_readings_stored_total"),
                        "the readings counter equals the rows stored");
                assertEquals(230, metrics.value("smartpot_readings_stored_total"));
                assertEquals(50, metrics.value("smartpot_readings_duplicate_total"));
                assertEquals(0, metrics.value("smartpot_readings_conflict_total"));
                assertEquals(rows("SELECT count(*) FROM messages WHERE junk = 1"), (long) metrics.value("smartpot_junk_messages_total"));
                assertEquals(1, metrics.value("smartpot_broker_up"));
                assertEquals(1, metrics.value("smartpot_store_up"));
                assertEquals(1, metrics.value("smartpot_pots", "state", "OK"));
                assertEquals(1, metrics.value("smartpot_pots", "state", "DRY"));
                assertEquals(0, metrics.value("smartpot_pots", "state", "OFFLINE"));
                assertEquals(rows("SELECT count(*) FROM alerts WHERE closed_at IS NULL AND kind = 'DRY'"),
                        (long) metrics.value("smartpot_alerts_open", "kind", "DRY"));
                assertEquals(0, metrics.value("smartpot_alerts_open", "kind", "WET"));
                assertEquals(0, metrics.value("smartpot_notifications", "status", "pending"));
                assertTrue(metrics.value("smartpot_store_batch_seconds_count") >= 1, "each stored batch is timed");
                assertEquals(metrics.value("smartpot_store_batch_seconds_count"), metrics.value("smartpot_ingest_lag_seconds_count"));
                assertEquals("histogram", metrics.types.get("smartpot_store_batch_seconds"));
                assertEquals("counter", metrics.types.get("smartpot_readings_stored_total"));

                // The Grafana dashboard in docs/ asks only for what is there (it cannot drift from the names).
                String dashboard = java.nio.file.Files.readString(Path.of("..", "docs", "grafana-smartpot.json"));
                java.util.regex.Matcher names = java.util.regex.Pattern.compile("smartpot_[a-z_]+").matcher(dashboard);
                int asked = 0;
                while (names.find()) {
                    String name = names.group();
                    asked++;
                    assertTrue(metrics.samples.stream().anyMatch(x -> x.name().equals(name)), "docs/grafana-smartpot.json asks for " + name);
                }
                assertTrue(asked >= 10, "the dashboard's queries were read");
            } finally {
                app.close();
            }
        }
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long rows(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(MothershipApp.Options.SQLITE_FILE));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
