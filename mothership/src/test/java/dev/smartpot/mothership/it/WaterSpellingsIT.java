package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.CommandView;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/**
 * Issue 23, hole 3: only "water" with up to 6 digits was recognised, so "water 0000100" (which the pot reads as
 * 100 ml) went out as a plain command around the daily maximum and the cooldown. Any text whose first word is
 * water now takes the interlocks, and an amount that cannot be read is refused before anything is sent.
 */
class WaterSpellingsIT {

    @Test
    void everySpellingOfWaterTakesTheInterlocksAndUnreadableAmountsAreRefused() throws Exception {
        Path db = Files.createDirectories(Path.of("target", "it-data")).resolve("water-" + System.nanoTime() + ".db");
        List<String> received = new CopyOnWriteArrayList<>();
        try (Mosquitto broker = QueueingBroker.start();
             MothershipEngine engine = new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(broker.uri()), db)
                     .withCommandTimeout(Duration.ofSeconds(2)))) {
            engine.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().brokerConnected());
            try (ScriptedPot pot = new ScriptedPot("sp1", broker.port())) {
                pot.answer(cmd -> {
                    received.add(cmd);
                    return ScriptedPot.ok(cmd, "{\"watered_ml\":100}");
                });
                pot.publishReading(0, 20, 0);
                await().atMost(Duration.ofSeconds(10)).until(() -> engine.pot("sp1").map(v -> v.state() == PlantState.DRY).orElse(false));
                // A daily maximum of 100 ml: one watering of 100 ml, then every other must be refused.
                engine.updateSettings("sp1", new PotSettings("Basil", "Kitchen", "herbs", 25, 85, 3, false, 100, 100, 0));
                assertEquals("ok", engine.sendCommand("sp1", "water 100", "alice").get(10, TimeUnit.SECONDS).status());

                for (String sneaky : new String[] {"water 0000100", "WATER 100", "Water\t100", "  water   100  ", "water", "water 0000001"}) {
                    CommandView v = engine.sendCommand("sp1", sneaky, "mallory").get(10, TimeUnit.SECONDS);
                    assertEquals("refused", v.status(), sneaky + " -> " + v);
                    assertTrue(v.error().contains("daily maximum"), v.error());
                }
                for (String unreadable : new String[] {"water 100ml", "water 1e3", "water -5", "water 100 200", "water lots",
                        "water 99999999999", "water 0"}) {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> engine.sendCommand("sp1", unreadable, "mallory"), unreadable);
                    // The pot's own grammar (the protocol's) names what it expected.
                    assertTrue(e.getMessage().contains("expected") && e.getMessage().contains("e.g. \"water 200\""), e.getMessage());
                }
                // Not a watering: sent as a command.
                assertEquals("ok", engine.sendCommand("sp1", "waterproof", "alice").get(10, TimeUnit.SECONDS).status());
            }
            assertEquals(List.of("water 100", "waterproof"), received, "the pot got only the allowed watering and the plain command");
            assertEquals(7, engine.wateringLog("sp1", 20).size(), "one done and six refused waterings, each logged as one");
        }
    }
}
