package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;

import dev.smartpot.mothership.testing.EngineProcess;
import dev.smartpot.mothership.testing.MosquittoBroker;
import dev.smartpot.mothership.testing.PostgresServer;
import dev.smartpot.mothership.testing.TestPot;

/**
 * Two mothership instances (child JVMs) share the ingest through an MQTT 5 shared subscription on a real
 * Mosquitto and write to one real PostgreSQL. One is SIGKILLed while pots publish and comes back (as
 * systemd would restart it): every reading is stored exactly once, and each pot's alerts are raised once,
 * in the database and on {@code mothership/alerts}, although both instances judge every pot.
 *
 * <p>Mosquitto 2.0 keeps sending a dead member its share of the group's messages into its persistent
 * session; they wait there until that instance returns, so a killed instance must be restarted.
 */
class SharedIngestIT {

    private static final int POTS = 4;
    private static final int PER_POT = 2000;
    /** Moisture 60 % for the first readings, then 10 %: every pot turns DRY (the default preset: below 25 %). */
    private static final int DRY_FROM_SEQ = 300;
    private static final long ROUND_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void twoInstancesOneKilledEveryReadingOnceAndEachAlertOnce() throws Exception {
        Path dir = Files.createTempDirectory("mship-shared");
        try (PostgresServer pg = PostgresServer.start(); MosquittoBroker broker = MosquittoBroker.start()) {
            String url = pg.createDatabase("mothership");
            List<JsonNode> alertsOnWire = new CopyOnWriteArrayList<>();
            Mqtt3AsyncClient watcher = alertWatcher(broker.port(), alertsOnWire);
            try (EngineProcess a = EngineProcess.sharing(broker.url(), "mship-a", "motherships", url, dir.resolve("a.log"));
                 EngineProcess b = EngineProcess.sharing(broker.url(), "mship-b", "motherships", url, dir.resolve("b.log"))) {
                a.start();
                b.start();
                AtomicInteger published = new AtomicInteger();
                Thread publisher = new Thread(() -> publish(broker.port(), published), "test-pots");
                publisher.start();

                await().atMost(Duration.ofSeconds(60)).until(() -> count(url, "SELECT count(*) FROM readings") > 1500);
                a.kill();
                long atKill = count(url, "SELECT count(*) FROM readings");
                // The other instance goes on storing its share while the first is down.
                await().atMost(Duration.ofSeconds(30)).until(() -> count(url, "SELECT count(*) FROM readings") > atKill + 500);
                a.start();
                publisher.join(120_000);
                assertEquals(POTS * PER_POT, published.get(), "the publisher finished");

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> count(url, "SELECT count(*) FROM readings") == POTS * PER_POT);
                assertEquals(POTS * PER_POT, count(url, "SELECT count(*) FROM (SELECT DISTINCT pot_id, seq FROM readings) s"),
                        "every (pot, seq) stored, once");
                assertEquals(0, count(url, "SELECT count(*) FROM readings WHERE boot <> 0"), "no redelivery taken for a reboot");
                assertEquals(POTS * PER_POT, count(url, "SELECT sum(readings) FROM rollup_1h"), "rollups counted each reading once");

                // Both instances judged every pot DRY; the pot has one DRY alert, announced once.
                await().atMost(Duration.ofSeconds(20)).until(() -> raised(alertsOnWire, "DRY") == POTS);
                assertEquals(POTS, count(url, "SELECT count(*) FROM alerts WHERE kind = 'DRY'"), "one DRY alert per pot");

                // A retained status is not shared: both instances see it, one OFFLINE alert results.
                try (TestPot pot = new TestPot("s0", broker.port())) {
                    pot.publish("to_mothership/s0/status", "offline", true);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> raised(alertsOnWire, "OFFLINE") >= 1);
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                        .until(() -> raised(alertsOnWire, "OFFLINE") == 1);
                assertEquals(1, count(url, "SELECT count(*) FROM alerts WHERE kind = 'OFFLINE' AND pot_id = 's0'"));
                assertEquals(POTS, raised(alertsOnWire, "DRY"), "no DRY alert announced twice");
                System.out.println("SharedIngestIT: " + atKill + " readings stored when mship-a was killed, "
                        + (POTS * PER_POT) + " after it returned");
            } finally {
                watcher.disconnect().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Pots s0..s3, one reading each every 2 ms (2,000 readings/s in all), QoS 1, no boot counter. */
    private static void publish(int port, AtomicInteger published) {
        TestPot[] pots = new TestPot[POTS];
        try {
            for (int i = 0; i < POTS; i++) {
                pots[i] = new TestPot("s" + i, port);
            }
            long next = System.nanoTime();
            for (int seq = 0; seq < PER_POT; seq++) {
                for (TestPot p : pots) {
                    p.publishReading(seq, seq < DRY_FROM_SEQ ? 60 : 10, 5000L * seq);
                    published.incrementAndGet();
                }
                next += ROUND_NANOS;
                LockSupport.parkNanos(next - System.nanoTime());
            }
            for (TestPot p : pots) {
                p.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Mqtt3AsyncClient alertWatcher(int port, List<JsonNode> into) throws Exception {
        Mqtt3AsyncClient c = MqttClient.builder().useMqttVersion3().identifier("alert-watcher").serverHost("127.0.0.1")
                .serverPort(port).buildAsync();
        c.connectWith().cleanSession(true).send().get(10, TimeUnit.SECONDS);
        c.subscribeWith().topicFilter("mothership/alerts").qos(MqttQos.AT_LEAST_ONCE).callback(p -> {
            try {
                into.add(json.readTree(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException("an alert that is not JSON: " + e.getMessage(), e);
            }
        }).send().get(10, TimeUnit.SECONDS);
        return c;
    }

    private static long raised(List<JsonNode> alerts, String kind) {
        return alerts.stream().filter(a -> "raised".equals(a.path("event").asText()) && kind.equals(a.path("kind").asText()))
                .count();
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
