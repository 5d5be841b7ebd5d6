package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

import dev.smartpot.mothership.api.AlertView;
import dev.smartpot.mothership.api.CommandView;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.WateringView;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/** Commands and watering through a real Mosquitto to test pots that answer as real pots do. */
class CommandsAndWateringIT {

    private Mosquitto broker;
    private MothershipEngine engine;
    private Mqtt3AsyncClient homeAssistant;
    private final List<JsonNode> alertsOnMqtt = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = QueueingBroker.start();
        engine = new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(broker.uri()),
                        Files.createTempDirectory("mship-cmd").resolve("m.db"))
                .withCommandTimeout(Duration.ofSeconds(2))
                .withEffectCheck(Duration.ofSeconds(3), 2.0));
        engine.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().brokerConnected());
        homeAssistant = MqttClient.builder().useMqttVersion3().identifier("ha").serverHost("127.0.0.1")
                .serverPort(broker.port()).buildAsync();
        homeAssistant.connect().get(10, TimeUnit.SECONDS);
        ObjectMapper json = new ObjectMapper();
        homeAssistant.subscribeWith().topicFilter(EngineOptions.ALERT_TOPIC).qos(MqttQos.AT_LEAST_ONCE).callback(p -> {
            try {
                alertsOnMqtt.add(json.readTree(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).send().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        homeAssistant.disconnect().get(10, TimeUnit.SECONDS);
        engine.close();
        broker.close();
    }

    private void seen(ScriptedPot pot, String id, double moisture) throws Exception {
        pot.publishReading(0, moisture, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.pot(id).map(v -> v.state() != PlantState.UNKNOWN).orElse(false));
    }

    @Test
    void repliesAreMatchedToTheirCommandsAndSilenceIsNoReply() throws Exception {
        try (ScriptedPot pot = new ScriptedPot("c1", broker.port())) {
            seen(pot, "c1", 50);
            pot.answer(cmd -> cmd.equals("interval 0")
                    ? "{\"ok\":false,\"command\":\"interval 0\",\"error\":\"out of range\"}"
                    : cmd.equals("hush") ? null : ScriptedPot.ok(cmd, "\"acknowledged\""));
            CommandView ok = engine.sendCommand("c1", "received", "tester").get(10, TimeUnit.SECONDS);
            assertEquals("ok", ok.status());
            assertTrue(ok.reply().contains("\"acknowledged\""), ok.reply());
            assertNotNull(ok.repliedAt());
            CommandView refused = engine.sendCommand("c1", "interval 0", "tester").get(10, TimeUnit.SECONDS);
            assertEquals("error", refused.status());
            assertEquals("out of range", refused.error());
            CommandView silent = engine.sendCommand("c1", "hush", "tester").get(10, TimeUnit.SECONDS);
            assertEquals("no-reply", silent.status());
            assertTrue(silent.error().contains("no reply"), silent.error());
        }
        List<CommandView> log = engine.commandLog("c1", 10);
        assertEquals(List.of("no-reply", "error", "ok"), log.stream().map(CommandView::status).toList());
    }

    @Test
    void repliesInAnotherOrderStillFindTheirCommand() throws Exception {
        try (ScriptedPot pot = new ScriptedPot("c2", broker.port())) {
            seen(pot, "c2", 50);
            CompletableFuture<CommandView> first = engine.sendCommand("c2", "status", "tester");
            CompletableFuture<CommandView> second = engine.sendCommand("c2", "read", "tester");
            await().atMost(Duration.ofSeconds(5)).until(() -> engine.commandLog("c2", 10).size() == 2);
            pot.publish("to_mothership/c2/reply", ScriptedPot.ok("read", "{\"seq\":4}"), false);
            pot.publish("to_mothership/c2/reply", ScriptedPot.ok("status", "{\"state\":\"running\"}"), false);
            assertTrue(first.get(10, TimeUnit.SECONDS).reply().contains("running"));
            assertTrue(second.get(10, TimeUnit.SECONDS).reply().contains("\"seq\":4"));
        }
    }

    @Test
    void wateringPassesTheInterlocksAndANoEffectLocksOutUntilAcknowledged() throws Exception {
        AtomicLong seq = new AtomicLong(1);
        try (ScriptedPot pot = new ScriptedPot("w1", broker.port())) {
            seen(pot, "w1", 20);
            assertEquals(PlantState.DRY, engine.pot("w1").orElseThrow().state());
            engine.updateSettings("w1", new PotSettings("Basil", "Kitchen", "herbs", 25, 85, 3, false, 100, 250, 0));
            // The pump runs, but the moisture does not rise (an empty tank).
            pot.answer(cmd -> ScriptedPot.ok(cmd, "{\"watered_ml\":100}"));
            CommandView done = engine.sendCommand("w1", "water", "alice").get(10, TimeUnit.SECONDS);
            assertEquals("ok", done.status());
            assertEquals("water 100", done.command(), "the pot's amount from its settings");
            // The Pi's limit is the pot's: more than MAX_WATER_ML is refused before anything is sent, naming it.
            IllegalArgumentException over = assertThrows(IllegalArgumentException.class, () -> engine.water("w1", 2001, "alice"));
            assertTrue(over.getMessage().contains("1 to 2000 ml"), over.getMessage());
            IllegalArgumentException saved = assertThrows(IllegalArgumentException.class, () -> engine.updateSettings("w1",
                    new PotSettings("Basil", "Kitchen", "herbs", 25, 85, 3, false, 3000, 250, 0)));
            assertTrue(saved.getMessage().contains("expected 1 to 2000 ml"), saved.getMessage());
            assertThrows(IllegalArgumentException.class, () -> engine.sendCommand("w1", "water 2001", "alice"));
            assertNotNull(engine.pot("w1").orElseThrow().lastWatered());
            for (int i = 0; i < 3; i++) {
                pot.publishReading(seq.getAndIncrement(), 20, 5000L * seq.get());
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> engine.alerts(false, 10).stream()
                    .anyMatch(a -> a.kind().equals("WATERING_LOCKED_OUT")));
            assertTrue(engine.alerts(false, 10).stream().anyMatch(a -> a.kind().equals("NO_EFFECT")));
            CommandView locked = engine.sendCommand("w1", "water 100", "alice").get(10, TimeUnit.SECONDS);
            assertEquals("refused", locked.status());
            assertTrue(locked.error().contains("locked out"), locked.error());

            AlertView lockOut = engine.alerts(false, 10).stream().filter(a -> a.kind().equals("WATERING_LOCKED_OUT"))
                    .findFirst().orElseThrow();
            engine.acknowledgeAlert(lockOut.id(), "alice");
            CommandView again = engine.sendCommand("w1", "water 100", "alice").get(10, TimeUnit.SECONDS);
            assertEquals("ok", again.status(), "acknowledging the lock-out allows watering again");
            CommandView tooMuch = engine.sendCommand("w1", "water 100", "alice").get(10, TimeUnit.SECONDS);
            assertEquals("refused", tooMuch.status());
            assertTrue(tooMuch.error().contains("daily maximum"), tooMuch.error());
            assertTrue(tooMuch.error().contains("next allowed at"), tooMuch.error());
        }
        List<WateringView> log = engine.wateringLog("w1", 10);
        assertEquals(List.of("refused", "done", "refused", "done"), log.stream().map(WateringView::outcome).toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsOnMqtt.stream()
                .anyMatch(j -> j.path("kind").asText().equals("WATERING_LOCKED_OUT") && j.path("event").asText().equals("acknowledged")));
        JsonNode raised = alertsOnMqtt.stream().filter(j -> j.path("event").asText().equals("raised")
                && j.path("kind").asText().equals("DRY")).findFirst().orElseThrow();
        assertEquals("w1", raised.path("pot").asText());
        assertTrue(raised.path("message").asText().contains("needs water"));
    }

    @Test
    void automaticWateringWhenDryStopsAtTheSwitchAndNeverWatersAStalePot() throws Exception {
        try (ScriptedPot pot = new ScriptedPot("a1", broker.port())) {
            pot.answer(cmd -> ScriptedPot.ok(cmd, "{\"watered_ml\":80}"));
            seen(pot, "a1", 50);
            engine.setAutoWateringEnabled(false, "tester");
            engine.updateSettings("a1", new PotSettings("Fern", "Hall", "fern", 45, 90, 3, true, 80, 1000, 0));
            pot.publishReading(1, 30, 5000);
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.wateringLog("a1", 10).stream()
                    .anyMatch(w -> w.outcome().equals("refused") && w.reason().contains("switched off")));
            engine.setAutoWateringEnabled(true, "tester");
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.wateringLog("a1", 10).stream()
                    .anyMatch(w -> w.trigger().equals("auto") && w.outcome().equals("done")));
            assertEquals(1, engine.wateringLog("a1", 10).stream().filter(w -> w.outcome().equals("refused")).count(),
                    "a refusal is logged once, not every second");
        }
        try (ScriptedPot stale = new ScriptedPot("s1", broker.port())) {
            seen(stale, "s1", 50);
            stale.publish("to_mothership/s1/status", "offline", true);
            await().atMost(Duration.ofSeconds(10)).ignoreException(NoSuchElementException.class).until(() -> engine.pot("s1").orElseThrow().state() == PlantState.OFFLINE);
            CommandView refused = engine.sendCommand("s1", "water 50", "bob").get(10, TimeUnit.SECONDS);
            assertEquals("refused", refused.status());
            assertTrue(refused.error().contains("OFFLINE"), refused.error());
        }
    }

    @Test
    void aPotsRefusalWithItsNextAllowedTimeIsHonouredWithOneAlertAndNoRetryStorm() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        try (ScriptedPot pot = new ScriptedPot("b1", broker.port())) {
            // The pot's own cooldown (10 min) is stricter than the Pi's (none): it refuses, saying when it may.
            pot.answer(cmd -> {
                asked.add(cmd);
                return "{\"ok\":false,\"command\":\"" + cmd + "\",\"error\":\"watering refused: the pot watered 1 s ago;"
                        + " expected at least 10m between waterings (water.cooldown)\",\"next_allowed_in_s\":599}";
            });
            seen(pot, "b1", 50);
            engine.updateSettings("b1", new PotSettings("Basil", "Kitchen", "herbs", 35, 85, 3, true, 60, 600, 0));
            pot.publishReading(1, 20, 5000);
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.wateringLog("b1", 10).stream()
                    .anyMatch(w -> w.outcome().equals("refused") && w.reason().contains("the pot's own limits")));
            for (long seq = 2; seq < 6; seq++) {
                pot.publishReading(seq, 20, 5000 * seq);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.readings("b1", Instant.EPOCH, Instant.now().plusSeconds(60),
                    100).size() >= 6);
            assertEquals(List.of("water 60"), asked, "asked once, then it waits until the pot allows it");
            assertEquals(1, engine.alerts(false, 20).stream().filter(a -> a.kind().equals("POT_LIMITS")).count());
            assertEquals(1, engine.wateringLog("b1", 10).stream().filter(w -> w.outcome().equals("refused")).count(),
                    "the wait is logged once");
        }
    }

    @Test
    void aPotsAboutDecidesWhatIsOffered() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        try (ScriptedPot dry = new ScriptedPot("np1", broker.port()); ScriptedPot small = new ScriptedPot("sm1", broker.port())) {
            dry.answer(cmd -> {
                asked.add(cmd);
                return ScriptedPot.ok(cmd, "{}");
            });
            seen(dry, "np1", 20);
            seen(small, "sm1", 20);
            dry.publish("to_mothership/np1/about", about(false, 300), true);
            small.publish("to_mothership/sm1/about", about(true, 150), true);
            await().atMost(Duration.ofSeconds(10)).ignoreException(NoSuchElementException.class).until(() -> Boolean.FALSE.equals(engine.pot("np1").orElseThrow().hasPump())
                    && Long.valueOf(150).equals(engine.pot("sm1").orElseThrow().waterMaxMl()));
            CommandView refused = engine.water("np1", 100, "alice").get(10, TimeUnit.SECONDS);
            assertEquals("refused", refused.status(), "409 on the API");
            assertTrue(refused.error().startsWith("this pot has no pump"), refused.error());
            assertEquals("refused", engine.sendCommand("np1", "water", "alice").get(10, TimeUnit.SECONDS).status());
            assertEquals("ok", engine.sendCommand("np1", "read", "alice").get(10, TimeUnit.SECONDS).status());
            assertEquals(List.of("read"), asked, "nothing about water was sent to a pot without a pump");

            IllegalArgumentException over = assertThrows(IllegalArgumentException.class, () -> engine.water("sm1", 200, "alice"));
            assertTrue(over.getMessage().contains("this pot pours at most 150 ml"), over.getMessage());
            IllegalArgumentException saved = assertThrows(IllegalArgumentException.class, () -> engine.updateSettings("sm1",
                    new PotSettings("Mint", "Kitchen", "herbs", 25, 85, 3, false, 200, 600, 10)));
            assertTrue(saved.getMessage().contains("more than this pot pours per command (150 ml"), saved.getMessage());
        }
    }

    private static byte[] about(boolean pump, int maxMl) {
        dev.smartpot.protocol.WireText out = new dev.smartpot.protocol.WireText();
        dev.smartpot.protocol.AboutEncoder.json(out, "0.1.0", null, pump, maxMl, 1000, 600, 80, 5000, false, false);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
