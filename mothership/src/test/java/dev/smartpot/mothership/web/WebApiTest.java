package dev.smartpot.mothership.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.smartpot.mothership.api.AlertView;
import dev.smartpot.mothership.api.Event;
import dev.smartpot.mothership.api.PlantState;

/** Every endpoint of the REST API on loopback, against a fake engine: what a script would see. */
class WebApiTest {

    @TempDir
    Path data;
    FakeMothership engine;
    WebServer server;
    Http http;

    @BeforeEach
    void start() throws Exception {
        engine = new FakeMothership()
                .addPot("a1b2c3d4e5f6", "Basil", "Kitchen", PlantState.OK, 90)
                .addPot("0011223344ff", "Fern", "Hall", PlantState.STALE, 5);
        engine.alerts.add(new AlertView(7, "0011223344ff", "STALE", "no reading for 16 s", Instant.now(), null, null, null));
        server = WebServer.start(engine, new WebServer.Options("127.0.0.1", 0, data, false, Duration.ofSeconds(2)));
        http = new Http(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void potListHasTheFieldsScriptsRelyOn() {
        Http.Reply r = http.get("/api/pots");
        assertEquals(200, r.status());
        JsonNode first = r.json().get(0);
        assertEquals("a1b2c3d4e5f6", first.get("id").asText());
        assertEquals("Basil", first.get("name").asText());
        assertEquals("OK", first.get("state").asText());
        assertEquals(51.1, first.get("moisture").asDouble(), 0.01);
        assertTrue(Instant.parse(first.get("last_seen").asText()).isBefore(Instant.now().plusSeconds(1)));
        assertEquals("STALE", r.json().get(1).get("state").asText());
        assertEquals(30.0, first.get("dry_below").asDouble(), 0.0, "the plant's band, drawn on its moisture bar");
        assertEquals(80.0, first.get("wet_above").asDouble(), 0.0);
    }

    @Test
    void aPotsAlertsInARangeAreWhatItsChartMarks() {
        Instant now = Instant.now();
        engine.alerts.add(new AlertView(8, "0011223344ff", "DRY", "moisture 12% below 30%", now.minusSeconds(7200), now.minusSeconds(7000), null, null));
        engine.alerts.add(new AlertView(9, "a1b2c3d4e5f6", "WET", "moisture 91% above 80%", now.minusSeconds(60), null, null, null));
        JsonNode lastHour = http.get("/api/pots/0011223344ff/alerts").json();
        assertEquals(1, lastHour.size(), "by default the last hour, and only this pot's: " + lastHour);
        assertEquals(7, lastHour.get(0).get("id").asInt());
        JsonNode threeHours = http.get("/api/pots/0011223344ff/alerts?from=" + now.minusSeconds(3 * 3600).toEpochMilli()).json();
        assertEquals(2, threeHours.size(), threeHours.toString());
        assertEquals(8, threeHours.get(1).get("id").asInt(), "newest first");
        assertEquals(404, http.get("/api/pots/nope/alerts").status());
        assertEquals(400, http.get("/api/pots/0011223344ff/alerts?limit=0").status());
    }

    @Test
    void onePotAndAnUnknownOne() {
        assertEquals("Fern", http.get("/api/pots/0011223344ff").json().get("name").asText());
        Http.Reply missing = http.get("/api/pots/nope");
        assertEquals(404, missing.status());
        assertTrue(missing.json().get("error").asText().contains("nope"), missing.body());
        assertEquals(404, http.get("/api/pots/nope/readings").status());
        assertEquals(404, http.get("/api/pots/nope/readings.csv").status());
    }

    @Test
    void readingsDefaultToTheLastHourAndTakeIsoOrEpochMillis() {
        JsonNode lastHour = http.get("/api/pots/a1b2c3d4e5f6/readings").json();
        assertEquals(60, lastHour.size(), "readings one minute apart over 90 minutes: the last hour holds 60");
        JsonNode r = lastHour.get(0);
        for (String field : List.of("seq", "raw", "moisture", "ts")) {
            assertTrue(r.has(field), field + " in " + r);
        }
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofMinutes(10));
        assertEquals(10, http.get("/api/pots/a1b2c3d4e5f6/readings?from=" + from + "&to=" + to).json().size());
        assertEquals(10, http.get("/api/pots/a1b2c3d4e5f6/readings?from=" + from.toEpochMilli() + "&to=" + to.toEpochMilli()).json().size());
    }

    @Test
    void badTimesAndNumbersAre400WithTheFix() {
        Http.Reply bad = http.get("/api/pots/a1b2c3d4e5f6/readings?from=yesterday");
        assertEquals(400, bad.status());
        assertTrue(bad.json().get("error").asText().contains("from=\"yesterday\""), bad.body());
        assertTrue(bad.json().get("fix").asText().contains("ISO-8601"), bad.body());
        Http.Reply backwards = http.get("/api/pots/a1b2c3d4e5f6/readings?from=2000&to=1000");
        assertEquals(400, backwards.status());
        assertEquals(400, http.get("/api/pots/a1b2c3d4e5f6/series?points=3").status());
        assertEquals(400, http.get("/api/alerts?limit=lots").status());
    }

    @Test
    void csvHasAHeaderAndOneLinePerReading() {
        Http.Reply csv = http.get("/api/pots/a1b2c3d4e5f6/readings.csv?from=" + Instant.now().minus(Duration.ofDays(1)));
        assertEquals(200, csv.status());
        assertTrue(csv.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\n");
        assertEquals(ReadingsCsv.HEADER, lines[0]);
        assertEquals(91, lines.length, "header + 90 readings");
        assertTrue(lines[1].startsWith("a1b2c3d4e5f6,1,0,"), lines[1]);
    }

    @Test
    void csvQuotesWhatASpreadsheetWouldRun() {
        assertEquals("\"'=cmd|x\"", ReadingsCsv.quoted("=cmd|x"));
        assertEquals("\"a,\"\"b\"\"\"", ReadingsCsv.quoted("a,\"b\""));
        assertEquals("open", ReadingsCsv.quoted("open"));
    }

    @Test
    void seriesIsColumnsForTheChart() {
        JsonNode s = http.get("/api/pots/a1b2c3d4e5f6/series?points=100").json();
        assertEquals("raw", s.get("resolution").asText());
        assertEquals(60, s.get("time").size());
        assertEquals(60, s.get("avg").size());
    }

    @Test
    void commandAnswersWithThePotsReplyAsJson() {
        Http.Reply r = http.post("/api/pots/a1b2c3d4e5f6/commands", "water 100");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("reply").get("ok").asBoolean(), r.body());
        assertEquals("water 100", engine.commands.get(0).command());
        assertEquals("local", engine.commands.get(0).by());
        assertEquals("water 100", http.get("/api/commands").json().get(0).get("command").asText());
        assertEquals(100, http.get("/api/waterings").json().get(0).get("ml").asInt());
        assertEquals(400, http.post("/api/pots/a1b2c3d4e5f6/commands", "  ").status());
        assertEquals(400, http.post("/api/pots/a1b2c3d4e5f6/commands", "water\nreboot").status());
        assertEquals(404, http.post("/api/pots/nope/commands", "read").status());
    }

    @Test
    void wateringByAmountIsTypedAndTheLimitIsThePots() {
        Http.Reply r = http.post("/api/pots/a1b2c3d4e5f6/water", "{\"ml\":150}");
        assertEquals(200, r.status(), r.body());
        assertEquals("water 150", engine.commands.get(0).command());
        assertEquals(150, http.get("/api/waterings").json().get(0).get("ml").asInt());
        Http.Reply tooMuch = http.post("/api/pots/a1b2c3d4e5f6/water", "{\"ml\":2001}");
        assertEquals(400, tooMuch.status());
        assertTrue(tooMuch.json().get("error").asText().contains("at most 2000 ml"), tooMuch.body());
        assertEquals(400, http.post("/api/pots/a1b2c3d4e5f6/water", "{\"ml\":\"lots\"}").status());
        assertEquals(400, http.post("/api/pots/a1b2c3d4e5f6/water", "water 100").status());
        assertEquals(404, http.post("/api/pots/nope/water", "{\"ml\":100}").status());
    }

    @Test
    void aCommandTheEngineNeverAnswersIs504NotAHang() {
        engine.replyFor = null;
        Http.Reply r = http.post("/api/pots/a1b2c3d4e5f6/commands", "read");
        assertEquals(504, r.status(), r.body());
        assertTrue(r.json().get("fix").asText().contains("/api/commands"));
    }

    @Test
    void settingsReadWriteAndValidate() {
        JsonNode s = http.get("/api/pots/a1b2c3d4e5f6/settings").json();
        assertEquals(30, s.get("dry_below").asInt());
        String changed = s.toString().replace("\"dry_below\":30.0", "\"dry_below\":25.0");
        Http.Reply ok = http.put("/api/pots/a1b2c3d4e5f6/settings", changed);
        assertEquals(200, ok.status(), ok.body());
        assertEquals(25.0, engine.settings.get("a1b2c3d4e5f6").dryBelow());
        Http.Reply engineSaysNo = http.put("/api/pots/a1b2c3d4e5f6/settings", s.toString().replace("\"dry_below\":30.0", "\"dry_below\":95.0"));
        assertEquals(400, engineSaysNo.status());
        assertTrue(engineSaysNo.json().get("error").asText().contains("dry_below"));
        Http.Reply typo = http.put("/api/pots/a1b2c3d4e5f6/settings", "{\"dry_bellow\": 20}");
        assertEquals(400, typo.status());
        assertTrue(typo.json().get("error").asText().contains("dry_bellow"), typo.body());
        assertTrue(typo.json().get("fix").asText().contains("dry_below"), typo.body());
        Http.Reply partial = http.put("/api/pots/a1b2c3d4e5f6/settings", "{\"auto_water\": true}");
        assertEquals(200, partial.status(), partial.body());
        assertTrue(engine.settings.get("a1b2c3d4e5f6").autoWater());
        assertEquals(25.0, engine.settings.get("a1b2c3d4e5f6").dryBelow(), "the rest kept");
        assertEquals(400, http.put("/api/pots/a1b2c3d4e5f6/settings", "{\"water_ml\": \"lots\"}").status());
        assertEquals(400, http.put("/api/pots/a1b2c3d4e5f6/settings", "not json").status());
    }

    @Test
    void alertsListAndAcknowledge() {
        assertEquals("STALE", http.get("/api/alerts").json().get(0).get("kind").asText());
        Http.Reply ack = http.post("/api/alerts/7/ack", "");
        assertEquals(200, ack.status(), ack.body());
        assertEquals("local", ack.json().get("acknowledged_by").asText());
        assertEquals(404, http.post("/api/alerts/99/ack", "").status());
        assertEquals(400, http.post("/api/alerts/x/ack", "").status());
    }

    @Test
    void presetsMessagesAndTheAutoWateringSwitch() {
        assertEquals("herbs", http.get("/api/presets").json().get(0).get("id").asText());
        assertEquals(2, http.get("/api/messages").json().size());
        assertTrue(http.get("/api/auto-watering").json().get("enabled").asBoolean());
        assertFalse(http.put("/api/auto-watering", "{\"enabled\":false}").json().get("enabled").asBoolean());
        assertFalse(engine.autoWatering);
        assertEquals(400, http.put("/api/auto-watering", "{\"enabled\":\"no\"}").status());
    }

    @Test
    void healthIs200WhenOkAnd503WhenNot() {
        assertEquals(200, http.get("/health").status());
        engine.healthy = false;
        Http.Reply down = http.get("/health");
        assertEquals(503, down.status());
        assertFalse(down.json().get("ok").asBoolean());
    }

    @Test
    void writesWithoutTheProtectionHeaderOrFromAnotherSiteAreRefused() {
        Http.Reply bare = http.postBare("/api/pots/a1b2c3d4e5f6/commands", "water 100");
        assertEquals(403, bare.status());
        assertTrue(bare.json().get("fix").asText().contains("X-SmartPot-Request"));
        Http.Reply foreign = http.post("/api/pots/a1b2c3d4e5f6/commands", "water 100", "Origin", "http://evil.example");
        assertEquals(403, foreign.status());
        assertTrue(engine.commands.isEmpty(), "nothing was sent to the pot");
    }

    @Test
    void eventsStreamTheEnginesChanges() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "api/events"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !engine.listeners.isEmpty());
            engine.publish(new Event("pot", "a1b2c3d4e5f6", engine.pots.get("a1b2c3d4e5f6")));
            // First "ready" (the stream is subscribed: a page loads its snapshot now), then the pot's change.
            String ready = CompletableFuture.supplyAsync(() -> readUntil(in, "event:")).get(5, TimeUnit.SECONDS);
            assertTrue(ready.contains("ready"), ready);
            String readyData = CompletableFuture.supplyAsync(() -> readUntil(in, "data:")).get(5, TimeUnit.SECONDS);
            assertTrue(readyData.contains("{}"), readyData);
            String line = CompletableFuture.supplyAsync(() -> readUntil(in, "data:")).get(5, TimeUnit.SECONDS);
            assertTrue(line.contains("\"last_seen\""), line);
        }
    }

    private static String readUntil(BufferedReader in, String prefix) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            return "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aForeignHostNameOnLoopbackIsRefused() throws Exception {
        // What a DNS-rebinding page would send: its own name, resolved to 127.0.0.1.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /api/pots HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 421 Misdirected Request", status);
        }
    }
}
