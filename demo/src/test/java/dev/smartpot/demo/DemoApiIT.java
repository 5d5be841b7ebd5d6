package dev.smartpot.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST API on the real system (engine, SQLite file, embedded broker, simulated pots), as a script sees
 * it: the minimum endpoints answer with the promised fields, and a command reaches a pot and back.
 */
class DemoApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static DemoSystem demo;
    private static String pot;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoSystem.start(new DemoSystem.Options(2, Duration.ofMillis(500), "127.0.0.1", 0, 0,
                Files.createTempDirectory("demo-api-it"), line -> { }));
        pot = demo.pots().get(1).clientId();
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/pots/" + pot + "/readings").json().size() >= 5);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private record Reply(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private static Reply get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(demo.dashboardUrl() + path.substring(1)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private static Reply post(String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(demo.dashboardUrl() + path.substring(1)))
                .header("X-SmartPot-Request", "1").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    @Test
    void potsReadingsCsvSeriesAndHealth() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/pots").json().size() == 2);
        JsonNode fern = null;
        for (JsonNode p : get("/api/pots").json()) {
            if (p.get("id").asText().equals(pot)) {
                fern = p;
            }
        }
        assertTrue(fern != null);
        for (String field : new String[] {"id", "name", "state", "moisture", "last_seen"}) {
            assertTrue(fern.has(field), field + " in " + fern);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/pots/" + pot).json().get("name").asText().equals("Fern"));

        JsonNode reading = get("/api/pots/" + pot + "/readings").json().get(0);
        for (String field : new String[] {"seq", "raw", "moisture", "ts"}) {
            assertTrue(reading.has(field), field + " in " + reading);
        }
        Instant from = Instant.now().minus(Duration.ofHours(1));
        String csv = get("/api/pots/" + pot + "/readings.csv?from=" + from).body();
        String[] lines = csv.split("\n");
        assertEquals("pot_id,boot,seq,ts,received_at,raw,moisture,fault,battery_mv", lines[0]);
        assertTrue(lines.length >= 6, csv);
        assertTrue(lines[1].startsWith(pot + ","), lines[1]);

        JsonNode series = get("/api/pots/" + pot + "/series?points=100").json();
        assertTrue(series.get("time").size() >= 1, series.toString());
        assertEquals(series.get("time").size(), series.get("avg").size());

        assertEquals(200, get("/health").status());
        assertTrue(get("/health").json().get("readings_stored").asLong() >= 5);
        assertEquals(400, get("/api/pots/" + pot + "/readings?from=soon").status());
        assertEquals(404, get("/api/pots/000000000000/readings").status());
    }

    @Test
    void aCommandGoesToThePotAndItsReplyComesBack() throws Exception {
        Reply r = post("/api/pots/" + pot + "/commands", "read");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("reply").get("ok").asBoolean(), r.body());
        assertEquals("read", r.json().get("reply").get("command").asText(), r.body());
        assertEquals("read", get("/api/commands").json().get(0).get("command").asText());
    }
}
