package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.concurrent.CountDownLatch;
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
import dev.smartpot.mothership.testing.PostgresServer;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/**
 * Two mothership instances (child JVMs) share the ingest through an MQTT 5 shared subscription on a real
 * Mosquitto and write to one real PostgreSQL. One is SIGKILLed while pots publish and comes back (as
 * systemd would restart it): every reading is stored exactly once, and each pot's alerts (DRY, then WET
 * after the restart, and OFFLINE from a retained status both see) are raised and closed once, in the
 * database and on {@code mothership/alerts}, although both instances judge every pot.
 *
 * <p>Mosquitto 2.0 keeps sending a dead member its share of the group's messages into its persistent
 * session; they wait there until that instance returns, so a killed instance must be restarted.
 */
class SharedIngestIT {

    /** Odd, so the group's round robin alternates each pot's readings between the instances. */
    private static final int POTS = 5;
    private static final int PER_POT = 1600;
    /** Moisture 60 % for the first readings, then 10 %: every pot turns DRY (the default preset: below 25 %). */
    private static final int DRY_FROM_SEQ = 100;
    /** Then 90 %: every pot turns WET (above 85 %), once the killed instance is back. */
    private static final int WET_FROM_SEQ = 1400;
    private static final long ROUND_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void twoInstancesOneKilledEveryReadingOnceAndEachAlertOnce() throws Exception {
        Path dir = Files.createTempDirectory("mship-shared");
        try (PostgresServer pg = PostgresServer.start(); Mosquitto broker = QueueingBroker.start()) {
            String url = pg.createDatabase("mothership");
            List<JsonNode> alertsOnWire = new CopyOnWriteArrayList<>();
            Mqtt3AsyncClient watcher = alertWatcher(broker.port(), alertsOnWire);
            try (EngineProcess a = EngineProcess.sharing(broker.uri(), "mship-a", "motherships", url, dir.resolve("a.log"));
                 EngineProcess b = EngineProcess.sharing(broker.uri(), "mship-b", "motherships", url, dir.resolve("b.log"))) {
                a.start();
                b.start();
                AtomicInteger published = new AtomicInteger();
                CountDownLatch bothBack = new CountDownLatch(1);
                Thread publisher = new Thread(() -> publish(broker.port(), published, bothBack), "test-pots");
                publisher.start();

                // Both instances judge every pot DRY (each sees every other reading of it): one alert each.
                await("DRY raised on the wire").atMost(Duration.ofSeconds(30)).until(() -> raised(alertsOnWire, "DRY"), n -> n >= POTS);
                await().atMost(Duration.ofSeconds(60)).until(() -> count(url, "SELECT count(*) FROM all_readings") > 1500);
                a.kill();
                long atKill = count(url, "SELECT count(*) FROM all_readings");
                // The other instance goes on storing its share while the first is down.
                await().atMost(Duration.ofSeconds(30)).until(() -> count(url, "SELECT count(*) FROM all_readings") > atKill + 500);
                a.start();
                bothBack.countDown();
                publisher.join(120_000);
                assertEquals(POTS * PER_POT, published.get(), "the publisher finished");

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> count(url, "SELECT count(*) FROM all_readings") == POTS * PER_POT);
                assertEquals(POTS * PER_POT, count(url, "SELECT count(*) FROM (SELECT DISTINCT pot_id, seq FROM all_readings) s"),
                        "every (pot, seq) stored, once");
                assertEquals(0, count(url, "SELECT count(*) FROM all_readings WHERE boot <> 0"), "no redelivery taken for a reboot");
                assertEquals(POTS * PER_POT, count(url, "SELECT (SELECT sum(readings) FROM rollup_1h)"
                    + " + (SELECT count(*) FROM inbox)"), "rollups counted each reading once (those in the inbox when they move)");

                // DRY -> WET with both running (one of them restored from the store): each closed and raised once.
                await("WET raised on the wire").atMost(Duration.ofSeconds(20)).until(() -> raised(alertsOnWire, "WET"), n -> n >= POTS);
                await("no alert announced twice").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                        .until(() -> wire(alertsOnWire), w -> raised(w, "DRY") == POTS && raised(w, "WET") == POTS
                                && events(w, "closed", "DRY") == POTS);
                assertEquals(POTS, count(url, "SELECT count(*) FROM alerts WHERE kind = 'DRY' AND closed_at IS NOT NULL"),
                        "one DRY alert per pot, closed");
                // (A WET alert may be closed by now: a pot silent for three intervals turns STALE.)
                assertEquals(POTS, count(url, "SELECT count(*) FROM alerts WHERE kind = 'WET'"), "one WET alert per pot");

                // A retained status is not shared: both instances see it, one OFFLINE alert results.
                try (ScriptedPot pot = new ScriptedPot("s0", broker.port())) {
                    pot.publish("to_mothership/s0/status", "offline", true);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> raised(alertsOnWire, "OFFLINE") >= 1);
                await("one OFFLINE alert").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                        .until(() -> raised(alertsOnWire, "OFFLINE"), n -> n == 1);
                assertEquals(1, count(url, "SELECT count(*) FROM alerts WHERE kind = 'OFFLINE' AND pot_id = 's0'"));
                System.out.println("SharedIngestIT: " + atKill + " readings stored when mship-a was killed, "
                        + (POTS * PER_POT) + " after it returned");
            } finally {
                watcher.disconnect().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Pots s0..s4, one reading each every 2 ms of real time (2,500 readings/s in all), QoS 1, no boot counter. */
    private static void publish(int port, AtomicInteger published, CountDownLatch bothBack) {
        ScriptedPot[] pots = new ScriptedPot[POTS];
        try {
            for (int i = 0; i < POTS; i++) {
                pots[i] = new ScriptedPot("s" + i, port);
            }
            long next = System.nanoTime();
            long firstTs = System.currentTimeMillis() - 5000L * PER_POT;
            for (int seq = 0; seq < PER_POT; seq++) {
                if (seq == WET_FROM_SEQ && !bothBack.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the killed instance did not come back within 60 s");
                }
                if (seq == WET_FROM_SEQ) {
                    next = System.nanoTime();
                }
                for (int i = 0; i < POTS; i++) {
                    double moisture = seq < DRY_FROM_SEQ ? 60 : seq < WET_FROM_SEQ ? 10 : 90;
                    // The pot's own clock, 5 s a reading as a real pot's: the publisher's pace (and its pause
                    // while the killed instance restarts) must not read as a pot gone silent (STALE).
                    String json = ScriptedPot.reading("s" + i, seq, moisture, 5000L * seq)
                            .replace("}", ",\"ts\":" + (firstTs + 5000L * seq) + "}");
                    pots[i].publish("to_mothership/s" + i, json, false);
                    published.incrementAndGet();
                }
                next += ROUND_NANOS;
                LockSupport.parkNanos(next - System.nanoTime());
            }
            for (ScriptedPot p : pots) {
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
        return events(alerts, "raised", kind);
    }

    private static long events(List<JsonNode> alerts, String event, String kind) {
        return alerts.stream().filter(a -> event.equals(a.path("event").asText()) && kind.equals(a.path("kind").asText()))
                .count();
    }

    /** A copy of what arrived on mothership/alerts (a failed wait shows it). */
    private static List<JsonNode> wire(List<JsonNode> alerts) {
        return List.copyOf(alerts);
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
