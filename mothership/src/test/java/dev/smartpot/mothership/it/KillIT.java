package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.testing.EngineProcess;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/**
 * The mothership SIGKILLed while pots publish, then restarted: every reading is stored once. What was
 * committed but not acknowledged comes again and is recognised; what was not committed comes again and
 * is stored; what was published while it was down waits in the broker's persistent session.
 */
class KillIT {

    private static final int POTS = 3;
    private static final int PER_POT = 1000;

    @Test
    void nothingLostOrDoubledAcrossASigkill() throws Exception {
        Path dir = Files.createTempDirectory("mship-kill");
        Path db = dir.resolve("m.db");
        try (Mosquitto broker = QueueingBroker.start();
             EngineProcess mothership = new EngineProcess(broker.uri(), db, dir.resolve("child.log"))) {
            mothership.start();
            AtomicInteger published = new AtomicInteger();
            CountDownLatch killed = new CountDownLatch(1);
            Thread publisher = new Thread(() -> {
                try (ScriptedPot a = new ScriptedPot("k0", broker.port());
                     ScriptedPot b = new ScriptedPot("k1", broker.port()); ScriptedPot c = new ScriptedPot("k2", broker.port())) {
                    ScriptedPot[] all = {a, b, c};
                    for (int seq = 0; seq < PER_POT; seq++) {
                        if (seq == PER_POT / 2 && !killed.await(60, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the mothership was not killed within 60 s");
                        }
                        for (ScriptedPot p : all) {
                            p.publishReading(seq, 40 + seq % 20, 5000L * seq);
                            published.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            publisher.start();
            // Killed mid-ingest: the first half is still being stored (and maybe still published).
            await().atMost(Duration.ofSeconds(60)).until(() -> mothership.stored() > 400);
            mothership.kill();
            // The store is readable from here once its process is gone.
            long atKill = count(db, "SELECT count(*) FROM all_readings");
            // The second half is published while the mothership is down: the broker queues it for its session.
            killed.countDown();
            await().atMost(Duration.ofSeconds(60)).until(() -> published.get() > POTS * PER_POT / 2 + 300);
            mothership.start();
            publisher.join(120_000);
            assertEquals(POTS * PER_POT, published.get(), "the publisher finished");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> atKill + mothership.stored() >= POTS * PER_POT);
            mothership.kill();
            assertEquals(POTS * PER_POT, count(db, "SELECT count(*) FROM all_readings"), "every reading stored");
            assertEquals(POTS * PER_POT, count(db, "SELECT count(DISTINCT pot_id || '/' || seq) FROM all_readings"),
                    "every (pot, seq) once");
            assertEquals(0, count(db, "SELECT count(*) FROM all_readings WHERE boot <> 0"), "no redelivery taken for a reboot");
            assertEquals(POTS * PER_POT, count(db, "SELECT (SELECT sum(readings) FROM rollup_1h)"
                    + " + (SELECT count(*) FROM inbox)"), "rollups counted each reading once (those in the inbox when they move)");
            System.out.println("KillIT: " + atKill + " readings stored at the SIGKILL, " + (POTS * PER_POT) + " after the restart");
        }
    }

    private static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
