package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.testing.ConsoleCopy;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/**
 * Issue 20: while the store is paused (here: over its size cap) the link stops reading, so TCP holds the broker back;
 * the broker's answers to the keep-alive pings wait unread behind the readings. Paho took that for a dead broker and
 * dropped the link about once a minute (its keep-alive is 30 s). Here the keep-alive is 3 s and the store stays paused
 * for 12 s: four intervals, well over the broker's own limit of 1.5 intervals without a packet from the client and
 * Paho's two. The link must stay up, and every reading must be stored once the store resumes.
 */
class LongStorePauseIT {

    private static final int READINGS = 3_000;
    private static final int KEEP_ALIVE_S = 3;

    @Test
    void aStorePausedForFourKeepAliveIntervalsKeepsTheLinkUp() throws Exception {
        try (ConsoleCopy said = new ConsoleCopy();
             Mosquitto broker = Mosquitto.configure().quietLog().line("max_queued_messages 100000")
                     .line("max_inflight_messages 0").start()) {
            Path db = Files.createDirectories(Path.of("target", "it-data")).resolve("long-pause-" + System.nanoTime() + ".db");
            EngineOptions options = EngineOptions.sqlite(BrokerOptions.plain(broker.uri()).withKeepAlive(KEEP_ALIVE_S), db).withWriteQueue(100);
            try (MothershipEngine engine = new MothershipEngine(options)) {
                engine.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> engine.health().brokerConnected());
                engine.limitDatabaseSize(Files.size(db) + 48 * 1024);
                publish(broker.port());

                await("the link up for four keep-alive intervals while the store is paused")
                        .during(Duration.ofSeconds(4 * KEEP_ALIVE_S)).atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> engine.health().brokerConnected() && !said.said().contains("broker link down"));
                long storedWhilePaused = readings(db);

                engine.limitDatabaseSize(0);
                await("every reading stored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> readings(db) == READINGS);
                assertFalse(said.said().contains("broker link down"), said.said());
                assertEquals(READINGS, readings(db), "stored while paused: " + storedWhilePaused);
            }
        }
    }

    private static long readings(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM all_readings")) {
            return r.getLong(1);
        }
    }

    /** The readings, QoS 1 as the pots send them; returns when the broker has them all. */
    private static void publish(int port) throws Exception {
        Mqtt3AsyncClient pots = MqttClient.builder().useMqttVersion3().identifier("pause-flood").serverHost("127.0.0.1")
                .serverPort(port).buildAsync();
        pots.connectWith().cleanSession(true).send().get(10, TimeUnit.SECONDS);
        try {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int seq = 0; seq < READINGS; seq++) {
                String id = String.format("cc00000000%02d", seq % 10);
                sent.add(pots.publishWith().topic("to_mothership/" + id)
                        .payload(ScriptedPot.reading(id, seq / 10, 40, 1000L * seq).getBytes(StandardCharsets.UTF_8))
                        .qos(MqttQos.AT_LEAST_ONCE).send());
            }
            CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
        } finally {
            pots.disconnect().get(10, TimeUnit.SECONDS);
        }
    }
}
