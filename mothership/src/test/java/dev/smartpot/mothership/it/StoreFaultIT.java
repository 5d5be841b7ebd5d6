package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.Health;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/**
 * The store failing under ingest: a full disk (SQLite's own SQLITE_FULL, reached with a size cap, which
 * works as root where chmod and small file systems do not) and a database locked by another program.
 * Each gives a clear /health error naming the file and the fix; nothing is acknowledged meanwhile, so
 * the broker keeps the backlog, and ingest resumes by itself once the cause is gone.
 */
class StoreFaultIT {

    private Mosquitto broker;
    private Path db;
    private MothershipEngine engine;

    @BeforeEach
    void start() throws Exception {
        broker = QueueingBroker.start();
        db = Files.createTempDirectory("mship-fault").resolve("m.db");
        engine = new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(broker.uri()), db));
        engine.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().brokerConnected());
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        broker.close();
    }

    @Test
    void aFullDiskPausesIngestWithAClearErrorAndItResumesWhenThereIsRoom() throws Exception {
        engine.limitDatabaseSize(Files.size(db) + 48 * 1024);
        int total = 3000;
        try (ScriptedPot pot = new ScriptedPot("full", broker.port())) {
            for (int seq = 0; seq < total; seq++) {
                pot.publishReading(seq, 50, 5000L * seq);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.health().storeError() != null);
        Health sick = engine.health();
        assertFalse(sick.ok());
        assertTrue(sick.storeError().contains(db.toString()), sick.storeError());
        assertTrue(sick.storeError().contains("disk is full"), sick.storeError());
        assertTrue(sick.storeError().contains("free space"), sick.storeError());
        long stuck = stored();
        assertTrue(stuck < total, "the cap stopped ingest at " + stuck);

        engine.limitDatabaseSize(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> stored() == total);
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().ok());
    }

    @Test
    void aDatabaseLockedByAnotherProgramPausesIngestUntilItLetsGo() throws Exception {
        try (ScriptedPot pot = new ScriptedPot("lock", broker.port());
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            pot.publishReading(0, 50, 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> stored() == 1);
            try (Statement s = other.createStatement()) {
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("BEGIN EXCLUSIVE");
            }
            for (int seq = 1; seq < 50; seq++) {
                pot.publishReading(seq, 50, 5000L * seq);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.health().storeError() != null);
            assertTrue(engine.health().storeError().contains("locked by another program"), engine.health().storeError());
            try (Statement s = other.createStatement()) {
                s.execute("ROLLBACK");
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.health().storeError() == null);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored() == 50);
    }

    /** Readings stored for the test's one pot, 0 before it is known. */
    private long stored() {
        return engine.pots().stream().findFirst()
                .map(p -> engine.readings(p.id(), Instant.EPOCH, Instant.now().plusSeconds(3600), 100_000).size())
                .orElse(0);
    }

}
