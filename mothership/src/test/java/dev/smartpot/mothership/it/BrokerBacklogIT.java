package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.mothership.testing.SecureBrokerScript;

/**
 * Issue 23, hole 2: the locked broker kept at most 1,000 messages for the mothership while it was away; of
 * 5,000 readings from 5 pots, acknowledged to the pots, 1,040 were stored. With the backlog sized in bytes,
 * every one arrives when the mothership comes back.
 */
class BrokerBacklogIT {

    private static final String[] POTS = {"aa0000000001", "aa0000000002", "aa0000000003", "aa0000000004", "aa0000000005"};
    private static final int PER_POT = 1000;

    @Test
    void fiveThousandReadingsSentWhileTheMothershipWasAwayAreAllStored() throws Exception {
        try (SecureBrokerScript broker = SecureBrokerScript.start("--pots", String.join(",", POTS))) {
            Path db = Files.createDirectories(Path.of("target", "it-data")).resolve("backlog-" + System.nanoTime() + ".db");
            EngineOptions options = EngineOptions.sqlite(new BrokerOptions(broker.mothershipUrl(), "mothership",
                    broker.password("mothership"), broker.caFile(), "mothership", null, false), db);
            try (MothershipEngine first = new MothershipEngine(options)) {
                first.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> first.health().brokerConnected());
            }
            // The mothership is away (its session stays on the broker); the pots keep sending.
            for (String pot : POTS) {
                List<String> lines = new ArrayList<>();
                for (int seq = 0; seq < PER_POT; seq++) {
                    lines.add(ScriptedPot.reading(pot, seq, 40, 1000L * seq));
                }
                broker.publishAsPot(pot, lines);
            }
            try (MothershipEngine back = new MothershipEngine(options)) {
                back.start();
                await("every reading stored").atMost(Duration.ofSeconds(60)).until(() -> back.health().readingsStored() >= POTS.length * PER_POT);
                assertEquals(POTS.length * PER_POT, back.health().readingsStored());
            }
            String log = Files.readString(broker.dir().getParent().resolve("script-1.log"));
            assertFalse(log.contains("Outgoing messages are being dropped"), log);
        }
    }
}
