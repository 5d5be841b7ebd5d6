package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.MessageView;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotView;
import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.api.Series;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/** Real Mosquitto, real SQLite file: what pots publish is stored exactly once and shows in the pot list. */
class IngestIT {

    private Mosquitto broker;
    private Path dir;
    private MothershipEngine engine;

    @BeforeEach
    void start() throws Exception {
        broker = QueueingBroker.start();
        dir = Files.createTempDirectory("mship-ingest");
        engine = new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(broker.uri()), dir.resolve("m.db")));
        engine.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().brokerConnected());
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        broker.close();
    }

    /** A reading as a pot writes it, boot included, through the protocol's encoder. */
    private static String reading(String id, int boot, long seq, int moistureTenths, long uptimeMs) {
        dev.smartpot.protocol.WireText out = new dev.smartpot.protocol.WireText();
        dev.smartpot.protocol.ReadingEncoder.json(out, id, seq, boot, 2000, null, moistureTenths, uptimeMs, 0,
                dev.smartpot.protocol.ReadingEncoder.NO_BATTERY, 0, 0);
        return out.toString();
    }

    @Test
    void aPotThatReusesItsReadingsIdentitiesIsSeenNotSilentlyIgnored() throws Exception {
        try (ScriptedPot pot = new ScriptedPot("reuse", broker.port())) {
            for (int seq = 0; seq < 3; seq++) {
                pot.publish("to_mothership/reuse", reading("reuse", 1, seq, 500, 5000L * seq), false);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> rows("all_readings") == 3);
            assertTrue(engine.health().ok());
            // The same readings again (a redelivery) are duplicates; the pot forgetting its boot counter is not.
            pot.publish("to_mothership/reuse", reading("reuse", 1, 0, 500, 0), false);
            pot.publish("to_mothership/reuse", reading("reuse", 1, 1, 420, 300), false);
            await().atMost(Duration.ofSeconds(20)).until(() -> engine.health().conflicts() == 1);
            assertEquals(1, engine.health().duplicatesIgnored());
            assertEquals(List.of("reuse"), engine.health().refusing());
            assertTrue(!engine.health().ok(), "not ok while a pot's readings are refused");
            PotView refused = engine.pot("reuse").orElseThrow();
            assertEquals(1, refused.conflicts());
            assertTrue(refused.reason().contains("its new readings are refused: boot 1, seq 1 is already stored"),
                    refused.reason());
            assertTrue(engine.messages(10).stream().anyMatch(m -> m.topic().equals("to_mothership/reuse")
                    && m.problem().contains("boot counter went back")), "the refused reading is kept for a person to see");
            // A pot that counts its boot on is stored again, and all is well.
            pot.publish("to_mothership/reuse", reading("reuse", 2, 0, 430, 0), false);
            await().atMost(Duration.ofSeconds(20)).until(() -> engine.health().ok());
            assertEquals(List.of(), engine.health().refusing());
            assertEquals(4, rows("all_readings"));
        }
    }

    @Test
    void readingsAreStoredExactlyOnceEvenWhenPublishedTwice() throws Exception {
        try (ScriptedPot a = new ScriptedPot("pot-a", broker.port()); ScriptedPot b = new ScriptedPot("pot-b", broker.port())) {
            for (int seq = 0; seq < 200; seq++) {
                a.publishReading(seq, 50, 5000L * seq);
                b.publishReading(seq, 20, 5000L * seq);
            }
            // The tutorial's topic: the id comes from the JSON.
            a.publish("to_mothership", ScriptedPot.reading("pot-c", 0, 40, 0), false);
            await().atMost(Duration.ofSeconds(20)).until(() -> rows("all_readings") == 401);
            // A redelivery (same seq, same uptime) is a duplicate, not a new boot.
            for (int seq = 150; seq < 200; seq++) {
                a.publishReading(seq, 50, 5000L * seq);
            }
            a.publishReading(200, 50, 5000L * 200);
            await().atMost(Duration.ofSeconds(20)).until(() -> rows("all_readings") == 402);
            await().atMost(Duration.ofSeconds(20)).until(() -> engine.health().duplicatesIgnored() == 50);
        }
        assertEquals(0, count("SELECT count(*) FROM all_readings WHERE boot <> 0"), "no reading started a new boot");
        List<PotView> pots = engine.pots();
        assertEquals(List.of("pot-a", "pot-b", "pot-c"), pots.stream().map(PotView::id).toList());
        PotView a = engine.pot("pot-a").orElseThrow();
        assertEquals(PlantState.OK, a.state());
        assertEquals(5000, a.intervalMs(), "the cadence comes from the pot's uptime");
        assertEquals(201, a.readings());
        assertEquals(PlantState.DRY, engine.pot("pot-b").orElseThrow().state());

        List<ReadingView> stored = engine.readings("pot-a", Instant.EPOCH, Instant.now().plusSeconds(60), 1000);
        assertEquals(201, stored.size());
        assertEquals(0, stored.get(0).seq());
        Series series = engine.series("pot-a", Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60), 600);
        assertEquals("raw", series.resolution());
        Series day = engine.series("pot-a", Instant.now().minus(Duration.ofDays(365)), Instant.now().plusSeconds(3600), 1000);
        assertEquals("1h", day.resolution());
        assertEquals(50.0, day.avg()[day.avg().length - 1], 0.01);
    }

    @Test
    void textAndJunkAreKeptAndCountedAndIngestGoesOn() throws Exception {
        try (ScriptedPot p = new ScriptedPot("pot-j", broker.port())) {
            p.publish("to_mothership", "Test to mothership #1", false);
            p.publish("to_mothership", "[1,2,3]", false);
            p.publish("to_mothership", "{\"seq\":", false);
            p.publish("to_mothership", "{\"seq\":3,\"moisture\":50}", false);
            p.publish("to_mothership", new byte[] {0, 1, 2, (byte) 0xff}, false);
            p.publish("to_mothership/pot-j", new byte[100_000], false);
            p.publishReading(0, 55, 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> rows("all_readings") == 1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().junkMessages() == 5);
        List<MessageView> messages = engine.messages(10);
        assertEquals(6, messages.size());
        MessageView text = messages.get(messages.size() - 1);
        assertEquals("Test to mothership #1", text.text());
        assertTrue(!text.junk());
        assertTrue(messages.stream().filter(MessageView::junk).allMatch(m -> m.problem() != null && m.text().length() <= 310));
        assertNull(engine.health().storeError());
    }

    @Test
    void retainedOfflineStatusMakesThePotOffline() throws Exception {
        try (ScriptedPot p = new ScriptedPot("pot-s", broker.port())) {
            p.publishReading(0, 55, 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.pot("pot-s").map(v -> v.state() == PlantState.OK).orElse(false));
            p.publish("to_mothership/pot-s/status", "offline", true);
            await().atMost(Duration.ofSeconds(10)).ignoreException(NoSuchElementException.class).until(() -> engine.pot("pot-s").orElseThrow().state() == PlantState.OFFLINE);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.alerts(false, 10).stream()
                .anyMatch(a -> a.kind().equals("OFFLINE") && a.potId().equals("pot-s")));
    }

    @Test
    void theTutorialsMosquittoPubAtQos0IsStoredToo() throws Exception {
        for (String payload : new String[] {ScriptedPot.reading("tut", 0, 48.6, 0), "Test to mothership #1"}) {
            Process p = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()),
                    "-t", "to_mothership", "-m", payload).redirectErrorStream(true).start();
            assertTrue(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, "mosquitto_pub ran");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.pot("tut").map(v -> v.state() == PlantState.OK).orElse(false));
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.messages(10).stream()
                .anyMatch(m -> m.text().equals("Test to mothership #1") && !m.junk()));
        try (ScriptedPot after = new ScriptedPot("tut2", broker.port())) {
            after.publishReading(0, 50, 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.pot("tut2").isPresent());
        }
    }

    @Test
    void ingestComesBackByItselfAfterTheBrokerWasKilled() throws Exception {
        try (ScriptedPot before = new ScriptedPot("bk", broker.port())) {
            for (int seq = 0; seq < 50; seq++) {
                before.publishReading(seq, 50, 5000L * seq);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> rows("all_readings") == 50);
        } catch (Exception linkGoneAtClose) {
            // Closing the pot is all that failed.
        }
        broker.kill();
        await().atMost(Duration.ofSeconds(10)).until(() -> !engine.health().brokerConnected());
        assertTrue(!engine.health().ok());
        broker.restart();
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.health().brokerConnected());
        try (ScriptedPot after = new ScriptedPot("bk", broker.port())) {
            for (int seq = 50; seq < 100; seq++) {
                after.publishReading(seq, 50, 5000L * seq);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("all_readings") == 100);
    }

    private long rows(String table) throws Exception {
        return count("SELECT count(*) FROM " + table);
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("m.db"));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

}
