package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
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
 * Issue 20, the wedged link: Mosquitto hands out its 65,535 packet identifiers in turn, and before 2.0.13 it does not
 * keep its in-flight limit while it holds a backlog (eclipse/mosquitto#2306), so it sends the whole backlog and an
 * identifier still unacknowledged comes round again. The HiveMQ client dropped the link over that ("DUP flag must be
 * set") and refused every resend. Here the broker has no in-flight limit (what 2.0.11 does under a backlog), the
 * store is paused while 70,000 readings arrive, and the writer's queue holds only 1,000, so the link must stop
 * reading (back-pressure) and, once the store resumes, take every reading past the identifiers' wrap without
 * dropping the link: all 70,000 stored.
 */
class BacklogPastPacketIdsIT {

    private static final int POTS = 7;
    private static final int PER_POT = 10_000;

    @Test
    void aBacklogPastThePacketIdentifiersIsStoredWholeWithoutDroppingTheLink() throws Exception {
        try (ConsoleCopy said = new ConsoleCopy();
             Mosquitto broker = Mosquitto.configure().quietLog().line("max_queued_messages 1000000")
                .line("max_inflight_messages 0").start()) {
            Path db = Files.createDirectories(Path.of("target", "it-data")).resolve("past-ids-" + System.nanoTime() + ".db");
            EngineOptions options = EngineOptions.sqlite(BrokerOptions.plain(broker.uri()), db).withWriteQueue(1_000);
            try (MothershipEngine engine = new MothershipEngine(options)) {
                engine.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> engine.health().brokerConnected());
                engine.limitDatabaseSize(Files.size(db) + 48 * 1024);
                publish(broker.port());
                engine.limitDatabaseSize(0);
                await("every reading stored").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> distinctReadings(db) == POTS * PER_POT);
                String log = said.said();
                assertFalse(log.contains("broker link down"), log);
            }
        }
    }

    private static long distinctReadings(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM all_readings")) {
            return r.getLong(1);
        }
    }

    /** All readings from one fast client, QoS 1 as the pots send them; returns when the broker has them all. */
    private static void publish(int port) throws Exception {
        Mqtt3AsyncClient pots = MqttClient.builder().useMqttVersion3().identifier("flood").serverHost("127.0.0.1")
                .serverPort(port).buildAsync();
        pots.connectWith().cleanSession(true).send().get(10, TimeUnit.SECONDS);
        try {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int p = 0; p < POTS; p++) {
                String id = String.format("bb00000000%02d", p);
                for (int seq = 0; seq < PER_POT; seq++) {
                    sent.add(pots.publishWith().topic("to_mothership/" + id)
                            .payload(ScriptedPot.reading(id, seq, 40, 1000L * seq).getBytes(StandardCharsets.UTF_8))
                            .qos(MqttQos.AT_LEAST_ONCE).send());
                }
            }
            CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
        } finally {
            pots.disconnect().get(10, TimeUnit.SECONDS);
        }
    }
}
