package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

import dev.smartpot.mothership.api.AlertView;
import dev.smartpot.mothership.api.CommandView;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.PotView;
import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.plant.SleepStatus;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ShiftedClock;
import dev.smartpot.mothership.web.WebServer;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.protocol.StatusEncoder;
import dev.smartpot.protocol.WakePhases;
import dev.smartpot.protocol.WireText;

/**
 * A pot in deep sleep against a real Mosquitto and a real SQLite file: it wakes every 15 min, publishes four readings
 * in a burst every hour from a persistent session, says {"state":"asleep","wake_at":...} with the wake's phases
 * (retained) and disconnects. The
 * mothership's clock is moved forward instead of waiting an hour.
 */
class SleepingPotIT {

    private static final long QUARTER = 15 * 60_000;

    private final ShiftedClock clock = new ShiftedClock();
    private final List<JsonNode> alertsOnMqtt = new CopyOnWriteArrayList<>();
    private final List<String> commandsTaken = new CopyOnWriteArrayList<>();
    private Mosquitto broker;
    private Path file;
    @TempDir
    Path webData;
    private MothershipEngine engine;
    private Mqtt3AsyncClient watcher;
    private long seq;

    @BeforeEach
    void start() throws Exception {
        broker = QueueingBroker.start();
        file = Files.createTempDirectory("mship-sleep").resolve("m.db");
        startEngine();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().brokerConnected());
        watcher = MqttClient.builder().useMqttVersion3().identifier("watcher").serverHost("127.0.0.1")
                .serverPort(broker.port()).buildAsync();
        watcher.connect().get(10, TimeUnit.SECONDS);
        ObjectMapper json = new ObjectMapper();
        watcher.subscribeWith().topicFilter(EngineOptions.ALERT_TOPIC).qos(MqttQos.AT_LEAST_ONCE).callback(p -> {
            try {
                alertsOnMqtt.add(json.readTree(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).send().get(10, TimeUnit.SECONDS);
    }

    private void startEngine() throws Exception {
        engine = new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(broker.uri()), file)
                .withCommandTimeout(Duration.ofSeconds(1)).withClock(clock));
        engine.start();
    }

    @AfterEach
    void stop() throws Exception {
        watcher.disconnect().get(10, TimeUnit.SECONDS);
        engine.close();
        broker.close();
    }

    /**
     * One publishing wake as the board does it: connect its persistent session (the broker hands over commands kept
     * while it slept, which it answers), publish the four queued readings (uptime from this wake, so negative for
     * the earlier ones; ts on its wall clock), say when it wakes next, disconnect.
     */
    private Instant wake(String id, int batteryMv, double moisture) throws Exception {
        Mqtt3AsyncClient pot = MqttClient.builder().useMqttVersion3().identifier("pot-" + id).serverHost("127.0.0.1")
                .serverPort(broker.port()).buildAsync();
        pot.publishes(MqttGlobalPublishFilter.ALL, p -> {
            String command = new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
            commandsTaken.add(command);
            pot.publishWith().topic("to_mothership/" + id + "/reply")
                    .payload(("{\"ok\":true,\"command\":\"" + command + "\",\"result\":\"acknowledged\"}")
                            .getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE).send();
        });
        pot.connectWith().cleanSession(false).send().get(10, TimeUnit.SECONDS);
        pot.subscribeWith().topicFilter("from_mothership/" + id).qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
        long now = clock.millis();
        for (int i = 3; i >= 0; i--) {
            String reading = String.format(Locale.ROOT, "{\"id\":\"%s\",\"seq\":%d,\"boot\":1,\"raw\":2100,\"moisture\":%.1f,"
                    + "\"uptime_ms\":%d,\"ts\":%d,\"battery_mv\":%d}", id, seq++, moisture, 300 - i * QUARTER,
                    now - i * QUARTER, batteryMv);
            publish(pot, "to_mothership/" + id, reading, false);
        }
        Instant wake = Instant.ofEpochMilli(now).plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        WakePhases phases = new WakePhases();
        phases.boot = 1;
        phases.seq = seq - 1;
        phases.reset = WakePhases.RESET_DEEP_SLEEP;
        phases.bootMillis = 300;
        phases.bootModelled = true;
        phases.wifiMillis = 270;
        phases.mqttMillis = 9;
        phases.publishMillis = 5;
        phases.readings = 4;
        phases.awakeMillis = 641;
        WireText status = new WireText();
        StatusEncoder.asleep(status, wake.toEpochMilli(), wake.toEpochMilli() - now, phases);
        publish(pot, "to_mothership/" + id + "/status", status.toString(), true);
        pot.disconnect().get(10, TimeUnit.SECONDS);
        return wake;
    }

    private static void publish(Mqtt3AsyncClient c, String topic, String payload, boolean retained) throws Exception {
        c.publishWith().topic(topic).payload(payload.getBytes(StandardCharsets.UTF_8)).qos(MqttQos.AT_LEAST_ONCE)
                .retain(retained).send().get(10, TimeUnit.SECONDS);
    }

    private JsonNode get(String path) throws Exception {
        try (WebServer web = WebServer.start(engine, new WebServer.Options("127.0.0.1", 0, webData, false, null))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    web.url().replaceAll("/$", "") + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return new ObjectMapper().readTree(r.body());
        }
    }

    private PotView view(String id) {
        return engine.pot(id).orElseThrow();
    }

    /**
     * When the pot says it wakes, or null while the engine has not seen the pot yet: its first batch may commit after
     * the wait begins, and an exception in a condition would end an Awaitility wait at once.
     */
    private Instant asleepUntil(String id) {
        return engine.pot(id).map(PotView::asleepUntil).orElse(null);
    }

    private long alerts(String id, String kind) {
        return engine.alerts(true, 100).stream().filter(a -> a.potId().equals(id) && a.kind().equals(kind)).count();
    }

    @Test
    void asleepIsNoAlarmUntilItsWakePassesAndBatteryIsWatched() throws Exception {
        Instant wake = wake("z1", 2870, 50);
        await().atMost(Duration.ofSeconds(10)).until(() -> wake.equals(asleepUntil("z1")));
        PotView asleep = view("z1");
        assertEquals(PlantState.OK, asleep.state());
        assertEquals(QUARTER, asleep.intervalMs(), "the reading interval, not the hourly burst");
        assertEquals(2870, asleep.batteryMv());
        assertTrue(asleep.reason().contains("asleep until " + SleepStatus.clock(wake)), asleep.reason());
        JsonNode onApi = get("/api/pots/z1");
        assertEquals(wake.toString(), onApi.path("asleep_until").asText());
        assertEquals("OK", onApi.path("state").asText());
        assertEquals(2870, onApi.path("battery_mv").asInt());
        JsonNode readings = get("/api/pots/z1/readings?from=" + clock.instant().minus(Duration.ofHours(2)) + "&to="
                + clock.instant().plusSeconds(60));
        assertEquals(4, readings.size());
        assertEquals(2870, readings.get(0).path("battery_mv").asInt());
        JsonNode wakes = get("/api/pots/z1/wakes?from=" + clock.instant().minus(Duration.ofHours(2)) + "&to="
                + clock.instant().plusSeconds(60));
        assertEquals(1, wakes.size(), wakes.toString());
        assertEquals(3, wakes.get(0).path("seq").asLong(), "the wake's own reading, the burst's last");
        assertEquals("deep-sleep", wakes.get(0).path("reset").asText());
        assertEquals(270, wakes.get(0).path("wifi_ms").asLong());
        assertEquals(641, wakes.get(0).path("awake_ms").asLong());
        assertTrue(wakes.get(0).path("boot_modelled").asBoolean());
        assertTrue(wakes.get(0).path("listen_ms").isNull(), "a phase it did not report: " + wakes);

        // 50 min of silence: 3 intervals would be STALE for an awake pot; this one said it sleeps.
        clock.advance(Duration.ofMinutes(50));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> view("z1").state() == PlantState.OK && wake.equals(asleepUntil("z1")));
        assertEquals(0, alerts("z1", "STALE") + alerts("z1", "OFFLINE"));

        // A command while it sleeps waits for the wake instead of timing out after the 1 s timeout.
        CompletableFuture<CommandView> read = engine.sendCommand("z1", "read", "tester");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> engine.commandLog("z1", 1).get(0).status().equals("pending"));
        assertEquals("waits for the pot's next wake at " + SleepStatus.clock(wake), engine.commandLog("z1", 1).get(0).error());
        try (WebServer web = WebServer.start(engine, new WebServer.Options("127.0.0.1", 0, webData, false, null))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    web.url().replaceAll("/$", "") + "/api/pots/z1/commands")).header("X-SmartPot-Request", "1")
                    .POST(HttpRequest.BodyPublishers.ofString("status")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, r.statusCode(), r.body());
            JsonNode pending = new ObjectMapper().readTree(r.body());
            assertEquals("pending", pending.path("status").asText());
            assertEquals("waits for the pot's next wake at " + SleepStatus.clock(wake), pending.path("error").asText());
        }

        // Its wake and the grace pass with nothing: STALE, once, saying what it promised.
        clock.advance(Duration.ofMinutes(17));
        await().atMost(Duration.ofSeconds(10)).until(() -> view("z1").state() == PlantState.STALE);
        assertEquals("it said it would wake at " + SleepStatus.clock(wake) + "; nothing since; last reading "
                + SleepStatus.clock(asleep.lastSeen().truncatedTo(ChronoUnit.MINUTES)), view("z1").reason());
        assertNull(view("z1").asleepUntil());
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsOnMqtt.stream()
                .anyMatch(j -> j.path("kind").asText().equals("STALE") && j.path("event").asText().equals("raised")));

        // It wakes late after all, on a weak battery: takes the kept command, publishes, sleeps again.
        Instant next = wake("z1", 2150, 48);
        CommandView answered = read.get(10, TimeUnit.SECONDS);
        assertEquals("ok", answered.status());
        assertEquals(List.of("read", "status"), commandsTaken, "the broker kept the commands for the sleeping pot");
        await().atMost(Duration.ofSeconds(10)).until(() -> next.equals(asleepUntil("z1")));
        assertEquals(PlantState.OK, view("z1").state());
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts("z1", "LOW_BATTERY") == 1);
        assertEquals(1, alerts("z1", "STALE"), "STALE was raised once");
        assertTrue(engine.alerts(false, 100).stream().noneMatch(a -> a.kind().equals("STALE")), "and closed by the burst");
        AlertView low = engine.alerts(false, 100).stream().filter(a -> a.kind().equals("LOW_BATTERY")).findFirst().orElseThrow();
        assertTrue(low.message().contains("2150 mV, below 2200 mV"), low.message());

        // Still low an hour later: not raised again. A fresh battery closes it.
        clock.advance(Duration.ofMinutes(61));
        wake("z1", 2190, 47);
        await().atMost(Duration.ofSeconds(10)).until(() -> view("z1").readings() == 12);
        clock.advance(Duration.ofMinutes(60));
        wake("z1", 3010, 47);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.alerts(false, 100).stream()
                .noneMatch(a -> a.kind().equals("LOW_BATTERY")));
        assertEquals(1, alerts("z1", "LOW_BATTERY"));
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsOnMqtt.stream()
                .filter(j -> j.path("kind").asText().equals("LOW_BATTERY")).map(j -> j.path("event").asText()).toList()
                .equals(List.of("raised", "closed")));

        // Stored: every reading's voltage, in the API and in the SQLite file itself.
        List<ReadingView> stored = engine.readings("z1", Instant.EPOCH, clock.instant().plusSeconds(60), 100);
        assertEquals(16, stored.size());
        assertTrue(stored.stream().allMatch(r -> r.batteryMv() != null));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT min(battery_mv), max(battery_mv), count(battery_mv) FROM all_readings")) {
            assertTrue(r.next());
            assertEquals(2150, r.getInt(1));
            assertEquals(3010, r.getInt(2));
            assertEquals(16, r.getInt(3));
        }
        assertNotNull(view("z1").batteryAt());
    }

    @Test
    void automaticWateringOfASleepingPotIsSentOnceAndTakenAtItsWake() throws Exception {
        Instant wake = wake("z2", 3000, 20);
        await().atMost(Duration.ofSeconds(10)).until(() -> wake.equals(asleepUntil("z2")));
        assertEquals(PlantState.DRY, view("z2").state(), "a sleeping pot keeps its plant's state");
        engine.updateSettings("z2", new PotSettings("Fern", "Hall", "fern", 45, 90, 3, true, 80, 1000, 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.commandLog("z2", 10).size() == 1);
        CommandView waiting = engine.commandLog("z2", 10).get(0);
        assertEquals("water 80", waiting.command());
        assertEquals("pending", waiting.status());
        assertEquals("waits for the pot's next wake at " + SleepStatus.clock(wake), waiting.error());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> engine.commandLog("z2", 10).size() == 1
                && engine.commandLog("z2", 10).get(0).status().equals("pending"));

        clock.advance(Duration.ofMinutes(60));
        Instant woke = clock.instant();
        Instant next = wake("z2", 3000, 20);
        assertEquals(List.of("water 80"), commandsTaken);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.wateringLog("z2", 10).stream()
                .anyMatch(w -> w.outcome().equals("done")));
        await().atMost(Duration.ofSeconds(10)).until(() -> view("z2").lastWatered() != null);
        assertFalse(view("z2").lastWatered().isBefore(woke), "watered when it woke and took the command, an hour after"
                + " it was sent: " + view("z2").lastWatered());
        await().atMost(Duration.ofSeconds(10)).until(() -> next.equals(asleepUntil("z2")));
        // Still DRY (the readings were taken before it watered): no second watering while its effect is unknown.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> engine.wateringLog("z2", 10).size() == 1
                && engine.commandLog("z2", 10).size() == 1);
        assertTrue(engine.alerts(false, 100).stream().noneMatch(a -> a.kind().equals("NO_EFFECT")));
    }

    @Test
    void theLiveStreamSaysWhenASleepingPotWakes() throws Exception {
        // A page that loaded its list before the status arrived learns of the sleep only from a live event.
        List<PotView> events = new CopyOnWriteArrayList<>();
        try (AutoCloseable sub = engine.subscribe(e -> {
            if (e.type().equals("pot") && "z5".equals(e.potId())) {
                events.add((PotView) e.data());
            }
        })) {
            Instant wake = wake("z5", 2900, 50);
            await().atMost(Duration.ofSeconds(10)).until(() -> wake.equals(asleepUntil("z5")));
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(v -> wake.equals(v.asleepUntil())));
        }
    }

    @Test
    void aRestartedMothershipStillKnowsThePotSleeps() throws Exception {
        Instant wake = wake("z3", 2900, 50);
        await().atMost(Duration.ofSeconds(10)).until(() -> wake.equals(asleepUntil("z3")));
        engine.close();
        clock.advance(Duration.ofMinutes(30));
        startEngine();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().brokerConnected());
        // The status from the store, then the broker's retained copy again: the same sleep, not a new one.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> wake.equals(asleepUntil("z3")) && view("z3").state() == PlantState.OK);
        assertEquals(QUARTER, view("z3").intervalMs(), "the cadence rebuilt from the stored readings' own times");
        assertEquals(2900, view("z3").batteryMv(), "the voltage rebuilt from the store");
        clock.advance(Duration.ofMinutes(37));
        await().atMost(Duration.ofSeconds(10)).until(() -> view("z3").state() == PlantState.STALE);
        assertTrue(view("z3").reason().startsWith("it said it would wake at " + SleepStatus.clock(wake)), view("z3").reason());
    }

    @Test
    void aDeadPotStaysStaleAcrossRestartsThoughTheBrokerResendsItsStatus() throws Exception {
        Instant wake = wake("z4", 2900, 50);
        await().atMost(Duration.ofSeconds(10)).until(() -> wake.equals(asleepUntil("z4")));
        engine.close();
        // It never wakes. Six hours on the mothership restarts and the broker re-sends the retained status.
        clock.advance(Duration.ofHours(6));
        List<PotView> events = new CopyOnWriteArrayList<>();
        engine = new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(broker.uri()), file)
                .withCommandTimeout(Duration.ofSeconds(1)).withClock(clock));
        engine.subscribe(e -> {
            if (e.type().equals("pot") && "z4".equals(e.potId())) {
                events.add((PotView) e.data());
            }
        });
        engine.start();
        // Two events: the start's evaluation (UNKNOWN to STALE: its wake passed), then the re-sent status committed.
        await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 2);
        assertEquals(PlantState.STALE, events.get(0).state());
        assertEquals("asleep", events.get(1).status());
        assertEquals(PlantState.STALE, view("z4").state());
        assertEquals(1, engine.alerts(false, 100).stream().filter(a -> a.potId().equals("z4") && a.kind().equals("STALE")).count());
        engine.close();
        // The next restart reads the stored status against when the pot said it, not against the redelivery.
        clock.advance(Duration.ofHours(1));
        startEngine();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().brokerConnected());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> view("z4").state() == PlantState.STALE && view("z4").asleepUntil() == null);
        assertEquals(1, engine.alerts(false, 100).stream().filter(a -> a.potId().equals("z4") && a.kind().equals("STALE")).count(),
                "its STALE alert stays open");
    }
}
