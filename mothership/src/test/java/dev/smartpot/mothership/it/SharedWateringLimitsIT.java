package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import dev.smartpot.mothership.api.CommandView;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.WateringView;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.PostgresServer;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/**
 * Two instances on one PostgreSQL and one broker, one pot, a person pressing Water on each: the cooldown
 * and the daily maximum hold across both, whether the two presses come together or one after the other.
 */
class SharedWateringLimitsIT {

    private static PostgresServer pg;
    private static Mosquitto broker;

    private MothershipEngine a;
    private MothershipEngine b;
    private ScriptedPot pot;
    private final AtomicInteger waterCommands = new AtomicInteger();

    @BeforeAll
    static void servers() throws Exception {
        pg = PostgresServer.start();
        broker = QueueingBroker.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        broker.close();
        pg.close();
    }

    @BeforeEach
    void twoInstancesAndAPot(TestInfo test) throws Exception {
        String url = pg.createDatabase("limits_" + test.getTestMethod().orElseThrow().getName().toLowerCase());
        a = engine(url, "limits-a");
        b = engine(url, "limits-b");
        a.start();
        b.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> a.health().brokerConnected() && b.health().brokerConnected());
        pot = new ScriptedPot("lim", broker.port());
        pot.answer(cmd -> {
            if (cmd.startsWith("water")) {
                waterCommands.incrementAndGet();
            }
            return ScriptedPot.ok(cmd, "{\"watered_ml\":80}");
        });
        for (int seq = 0; seq < 4; seq++) {
            pot.publishReading(seq, 60, 5000L * seq);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> a.pot("lim").map(p -> p.state() == PlantState.OK).orElse(false)
                && b.pot("lim").map(p -> p.state() == PlantState.OK).orElse(false));
    }

    @AfterEach
    void stop() throws Exception {
        pot.close();
        b.close();
        a.close();
    }

    @Test
    void waterPressedOnBothInstancesAtOncePoursOnce() throws Exception {
        settings(1000, 60);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<CommandView> onA = CompletableFuture.supplyAsync(() -> pressWater(a, go));
        CompletableFuture<CommandView> onB = CompletableFuture.supplyAsync(() -> pressWater(b, go));
        go.countDown();
        List<String> statuses = List.of(onA.get(20, TimeUnit.SECONDS).status(), onB.get(20, TimeUnit.SECONDS).status());
        assertPouredOnce();
        assertTrue(statuses.contains("ok") && statuses.contains("refused"), "one poured, one refused: " + statuses);
        CommandView refused = "refused".equals(onA.get().status()) ? onA.get() : onB.get();
        assertTrue(refused.error().startsWith("cooldown"), refused.error());
    }

    @Test
    void waterOnTheSecondInstanceWithinTheCooldownIsRefused() throws Exception {
        settings(1000, 60);
        assertEquals("ok", a.water("lim", 80, "alice").get(20, TimeUnit.SECONDS).status());
        CommandView second = b.water("lim", 80, "bob").get(20, TimeUnit.SECONDS);
        assertPouredOnce();
        assertEquals("refused", second.status(), "bob's Water a minute after alice's: " + second);
        assertTrue(second.error().startsWith("cooldown"), second.error());
    }

    @Test
    void theDailyMaximumCountsTheWateringsOfBothInstances() throws Exception {
        settings(100, 0);
        assertEquals("ok", a.water("lim", 80, "alice").get(20, TimeUnit.SECONDS).status());
        CommandView second = b.water("lim", 80, "bob").get(20, TimeUnit.SECONDS);
        assertPouredOnce();
        assertEquals("refused", second.status(), "80 ml on top of 80 ml, with 100 ml a day: " + second);
        assertTrue(second.error().startsWith("daily maximum: 80 ml given"), second.error());
    }

    private void settings(int dailyMaxMl, int cooldownMinutes) {
        PotSettings s = new PotSettings("Fern", "Hall", "fern", 30, 90, 3, false, 80, dailyMaxMl, cooldownMinutes);
        a.updateSettings("lim", s);
        b.updateSettings("lim", s);
    }

    private static CommandView pressWater(MothershipEngine engine, CountDownLatch go) {
        try {
            go.await(10, TimeUnit.SECONDS);
            return engine.water("lim", 80, "person").get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pot got one water command, and the shared log holds one watering done and one refused. */
    private void assertPouredOnce() {
        await("the pot told to water once").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(waterCommands::get, n -> n == 1);
        await("one watering done and one refused in the shared log").atMost(Duration.ofSeconds(5))
                .until(() -> a.wateringLog("lim", 10), log -> outcomes(log, "done") == 1 && outcomes(log, "refused") == 1);
    }

    private static long outcomes(List<WateringView> log, String outcome) {
        return log.stream().filter(w -> outcome.equals(w.outcome())).count();
    }

    private static MothershipEngine engine(String url, String clientId) {
        return new MothershipEngine(EngineOptions.postgres(
                new BrokerOptions(broker.uri(), null, null, null, clientId, "motherships", true), url, null, null));
    }
}
