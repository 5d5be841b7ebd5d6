package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.testing.PostgresServer;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/**
 * Two instances sharing the ingest and one PostgreSQL both judge a pot DRY with automatic watering on:
 * the pot is watered once, by the instance holding the rules lock, not once by each.
 */
class SharedWateringIT {

    @Test
    void aDryPotIsWateredOnceNotOncePerInstance() throws Exception {
        try (PostgresServer pg = PostgresServer.start(); Mosquitto broker = QueueingBroker.start()) {
            String url = pg.createDatabase("mothership");
            try (MothershipEngine a = engine(broker, url, "mship-a"); MothershipEngine b = engine(broker, url, "mship-b");
                 ScriptedPot pot = new ScriptedPot("w0", broker.port())) {
                a.start();
                b.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> a.health().brokerConnected() && b.health().brokerConnected());
                AtomicInteger waterCommands = new AtomicInteger();
                pot.answer(cmd -> {
                    if (cmd.startsWith("water")) {
                        waterCommands.incrementAndGet();
                    }
                    return ScriptedPot.ok(cmd, "{\"watered_ml\":80}");
                });
                // Both instances learn the pot from its first readings; its settings are then set on each.
                for (int seq = 0; seq < 4; seq++) {
                    pot.publishReading(seq, 60, 5000L * seq);
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> a.pot("w0").isPresent() && b.pot("w0").isPresent());
                PotSettings auto = new PotSettings("Fern", "Hall", "fern", 45, 90, 3, true, 80, 1000, 60);
                a.updateSettings("w0", auto);
                b.updateSettings("w0", auto);
                for (int seq = 4; seq < 10; seq++) {
                    pot.publishReading(seq, 20, 5000L * seq);
                }
                await().atMost(Duration.ofSeconds(10)).ignoreException(NoSuchElementException.class).until(() -> a.pot("w0").orElseThrow().state() == PlantState.DRY
                        && b.pot("w0").orElseThrow().state() == PlantState.DRY);
                await().atMost(Duration.ofSeconds(10)).until(() -> waterCommands.get() >= 1);
                await("one watering, not one per instance").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                        .until(waterCommands::get, n -> n == 1);
                assertEquals(1, a.wateringLog("w0", 10).stream()
                        .filter(w -> "auto".equals(w.trigger()) && "done".equals(w.outcome())).count(),
                        "one automatic watering in the shared log");
            }
        }
    }

    private static MothershipEngine engine(Mosquitto broker, String url, String clientId) {
        return new MothershipEngine(EngineOptions.postgres(
                new BrokerOptions(broker.uri(), null, null, null, clientId, "motherships", true), url, null, null));
    }
}
