package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.mothership.testing.SecureBrokerScript;

/**
 * Issue 23, hole 1: a mothership logged in with --username was refused (NOT_AUTHORIZED) on every reconnect
 * after {@code scripts/broker --secure} restarted, because the automatic reconnect sent no login: the Pi stayed
 * blind. Here the locked broker restarts and a pot's readings sent afterwards must all be stored.
 */
class BrokerRestartLoginIT {

    private static final String POT = SecureBrokerScript.POT;

    @Test
    void afterTheLockedBrokerRestartsTheMothershipLogsInAgainAndStoresEveryReading() throws Exception {
        try (SecureBrokerScript broker = SecureBrokerScript.start()) {
            Path db = Files.createDirectories(Path.of("target", "it-data")).resolve("restart-login-" + System.nanoTime() + ".db");
            BrokerOptions login = new BrokerOptions(broker.mothershipUrl(), "mothership", broker.password("mothership"),
                    broker.caFile(), "mothership", null, false);
            try (MothershipEngine engine = new MothershipEngine(EngineOptions.sqlite(login, db))) {
                engine.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> engine.health().brokerConnected());
                broker.publishAsPot(POT, readings(0, 1));
                await().atMost(Duration.ofSeconds(10)).until(() -> stored(engine) == 1);

                broker.restart();
                broker.publishAsPot(POT, readings(1, 20));

                await("all 21 readings stored after the restart").atMost(Duration.ofSeconds(30)).until(() -> stored(engine) == 21);
                await().atMost(Duration.ofSeconds(10)).until(() -> engine.health().brokerConnected());
                assertEquals(21, engine.health().readingsStored());
            }
        }
    }

    /** Readings stored of the pot; 0 until its first batch commits (the broker acknowledges the pot before that). */
    private static int stored(MothershipEngine engine) {
        if (engine.pot(POT).isEmpty()) {
            return 0;
        }
        return engine.readings(POT, Instant.EPOCH, Instant.now().plusSeconds(60), 1000).size();
    }

    private static List<String> readings(int firstSeq, int count) {
        List<String> lines = new ArrayList<>();
        for (int seq = firstSeq; seq < firstSeq + count; seq++) {
            lines.add(ScriptedPot.reading(POT, seq, 40, 1000L * seq));
        }
        return lines;
    }
}
