package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.CommandView;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.Series;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.testing.PostgresServer;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.RedeliveredStatus;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/** The same engine on a real PostgreSQL: the same schema, exactly-once readings, rollups, commands, a restart. */
class PostgresIT {

    @Test
    void readingsAndCommandsOnPostgres() throws Exception {
        try (PostgresServer pg = PostgresServer.start(); Mosquitto broker = QueueingBroker.start()) {
            String url = pg.createDatabase("mothership");
            EngineOptions options = EngineOptions.postgres(BrokerOptions.plain(broker.uri()), url, null, null);
            try (MothershipEngine engine = new MothershipEngine(options); ScriptedPot pot = new ScriptedPot("pg1", broker.port())) {
                engine.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().brokerConnected());
                for (int seq = 0; seq < 300; seq++) {
                    pot.publishReading(seq, 60, 5000L * seq);
                }
                for (int seq = 250; seq < 300; seq++) {
                    pot.publishReading(seq, 60, 5000L * seq);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> count(url, "SELECT count(*) FROM all_readings") == 300);
                await().atMost(Duration.ofSeconds(20)).until(() -> engine.health().duplicatesIgnored() == 50);
                assertEquals(PlantState.OK, engine.pot("pg1").orElseThrow().state());
                pot.answer(cmd -> ScriptedPot.ok(cmd, "\"acknowledged\""));
                CommandView reply = engine.sendCommand("pg1", "received", "tester").get(10, TimeUnit.SECONDS);
                assertEquals("ok", reply.status());
                assertEquals("ok", engine.sendCommand("pg1", "water 50", "tester").get(10, TimeUnit.SECONDS).status());
                assertTrue(engine.health().store().startsWith("PostgreSQL"));
            }
            // A restart rebuilds the pot from the store and keeps counting the same boot.
            try (MothershipEngine engine = new MothershipEngine(options); ScriptedPot pot = new ScriptedPot("pg1", broker.port())) {
                engine.start();
                assertEquals(300, engine.pot("pg1").orElseThrow().readings());
                assertTrue(engine.pot("pg1").orElseThrow().lastWatered() != null, "last watered survives a restart");
                await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().brokerConnected());
                pot.publishReading(300, 61, 5000L * 300);
                await().atMost(Duration.ofSeconds(20)).until(() -> count(url, "SELECT count(*) FROM all_readings") == 301);
                assertEquals(0, count(url, "SELECT count(*) FROM all_readings WHERE boot <> 0"));
                Series year = engine.series("pg1", Instant.now().minus(Duration.ofDays(365)), Instant.now().plusSeconds(3600), 1000);
                assertEquals("1h", year.resolution());
                assertEquals(2, engine.commandLog("pg1", 10).size());
                assertEquals(8, count(url, "SELECT count(*) FROM schema_versions"), "through V008, the inbox's ring");
                // A battery pot's voltage goes to the column migration 3 added, and back out.
                pot.publish("to_mothership/pg1", "{\"id\":\"pg1\",\"seq\":301,\"raw\":2100,\"moisture\":61.0,"
                        + "\"uptime_ms\":1505000,\"battery_mv\":2870}", false);
                await().atMost(Duration.ofSeconds(20)).ignoreException(NoSuchElementException.class).until(() -> engine.pot("pg1").orElseThrow().batteryMv() != null);
                assertEquals(2870, count(url, "SELECT battery_mv FROM all_readings WHERE seq = 301"));
                assertEquals(1, count(url, "SELECT count(battery_mv) FROM all_readings"));
                assertEquals(2870, engine.readings("pg1", Instant.EPOCH, Instant.now().plusSeconds(3600), 1000).stream()
                        .filter(r -> r.seq() == 301).findFirst().orElseThrow().batteryMv());
                // An always-on pot's connect record goes to the connects table (migration 6) once, though sent again.
                String record = dev.smartpot.protocol.GoldenMessages.CONNECT.payload();
                pot.publish(dev.smartpot.protocol.WireTopics.connect("pg1"), record, true);
                pot.publish(dev.smartpot.protocol.WireTopics.connect("pg1"), record, true);
                pot.publishReading(302, 61, 5000L * 302);
                await().atMost(Duration.ofSeconds(20)).until(() -> count(url, "SELECT count(*) FROM all_readings") == 303);
                assertEquals(1, count(url, "SELECT count(*) FROM connects WHERE pot_id = 'pg1'"));
                assertEquals(1753, engine.connects("pg1", Instant.EPOCH, Instant.now().plusSeconds(3600), 10).get(0)
                        .firstPublishMs());
            }
        }
    }

    @Test
    void aRedeliveredStatusKeepsItsFirstTimeOnPostgres() throws Exception {
        try (PostgresServer pg = PostgresServer.start();
             Database db = Database.open(pg.createDatabase("statuses"), null, null)) {
            RedeliveredStatus.check(db);
        }
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
