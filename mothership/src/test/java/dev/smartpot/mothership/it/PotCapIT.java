package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.mothership.web.WebServer;
import dev.smartpot.testkit.Mosquitto;

/**
 * Issue 23, hole 5: every new id became a pot, so 50,000 made-up ids ran the mothership out of memory. With a
 * cap (here 5) the rest are kept as junk with the reason, across a restart too; the pot list pages, and a pot can
 * be deleted (which frees its place).
 */
class PotCapIT {

    private static final int CAP = 5;

    @Test
    void newIdsBeyondTheCapAreJunkAndThePotListPages() throws Exception {
        Path db = Files.createDirectories(Path.of("target", "it-data")).resolve("cap-" + System.nanoTime() + ".db");
        try (Mosquitto broker = QueueingBroker.start()) {
            EngineOptions options = EngineOptions.sqlite(BrokerOptions.plain(broker.uri()), db);
            try (MothershipEngine engine = new MothershipEngine(options)) {
                engine.start();
                engine.limitPots(CAP);
                await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().brokerConnected());
                for (int i = 0; i < 8; i++) {
                    try (ScriptedPot pot = new ScriptedPot(String.format("cafe0000000%d", i), broker.port())) {
                        pot.publishReading(1, 40, 1000);
                    }
                }
                // Three refused of eight, so at most five in; the five show once their readings are committed, which
                // may come after the refusals are listed (the store gathers a batch before it commits).
                // The refusals are named by pot (a refused reading the broker delivered again would be listed twice).
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertEquals(java.util.Set.of("cafe00000005", "cafe00000006", "cafe00000007"), engine.messages(100).stream()
                            .filter(m -> m.junk() && m.problem().contains("(--max-pots)"))
                            .map(m -> m.problem().substring("a new pot ".length(), "a new pot ".length() + 12))
                            .collect(java.util.stream.Collectors.toSet()), "refused: " + engine.messages(100));
                    assertEquals(CAP, engine.pots().size(), "admitted: " + engine.pots());
                });

                try (WebServer web = WebServer.start(engine, new WebServer.Options("127.0.0.1", 0, db.getParent(), false, null))) {
                    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(web.url() + "api/pots?offset=3&limit=10")).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, page.statusCode(), page.body());
                    assertEquals("5", page.headers().firstValue("X-Total-Count").orElseThrow());
                    assertEquals(2, new ObjectMapper().readTree(page.body()).size(), page.body());

                    HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(web.url() + "api/pots/cafe00000000")).header("X-SmartPot-Request", "1").DELETE().build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, deleted.statusCode(), deleted.body());
                    assertEquals(CAP - 1, engine.pots().size());
                    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                         java.sql.ResultSet left = c.createStatement().executeQuery(
                                 "SELECT (SELECT COUNT(*) FROM all_readings WHERE pot_id = 'cafe00000000') + (SELECT COUNT(*) FROM pots WHERE id = 'cafe00000000')")) {
                        assertTrue(left.next());
                        assertEquals(0, left.getInt(1), "its rows are gone from the file");
                    }
                }
                try (ScriptedPot returning = new ScriptedPot("cafe00000007", broker.port())) {
                    returning.publishReading(2, 40, 2000);
                }
                await("the freed place is taken by the next new pot").atMost(Duration.ofSeconds(10))
                        .until(() -> engine.pot("cafe00000007").isPresent());
            }
            try (MothershipEngine again = new MothershipEngine(options); ScriptedPot late = new ScriptedPot("cafe00000009", broker.port())) {
                again.start();
                again.limitPots(CAP);
                await().atMost(Duration.ofSeconds(10)).until(() -> again.health().brokerConnected());
                late.publishReading(1, 40, 1000);
                await().atMost(Duration.ofSeconds(10)).until(() -> again.messages(100).stream()
                        .anyMatch(m -> m.junk() && m.problem().contains("a new pot cafe00000009")));
                assertEquals(CAP, again.pots().size(), "the cap holds after a restart");
                assertTrue(again.health().junkMessages() >= 4);
            }
        }
    }
}
