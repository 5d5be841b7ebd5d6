package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.EngineOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/** Two instances sharing the readings with MQTT 5 shared subscriptions; a broker that wants a login. */
class SharedAndLoginIT {

    @Test
    void twoInstancesInASharedGroupStoreEachReadingOnceBetweenThem() throws Exception {
        try (Mosquitto broker = QueueingBroker.start()) {
            Path dir = Files.createTempDirectory("mship-shared");
            MothershipEngine one = engine(broker, dir.resolve("one.db"), "m1");
            MothershipEngine two = engine(broker, dir.resolve("two.db"), "m2");
            try (one; two; ScriptedPot pot = new ScriptedPot("sh", broker.port())) {
                pot.publish("to_mothership/sh/status", "online", true);
                for (int seq = 0; seq < 200; seq++) {
                    pot.publishReading(seq, 50, 5000L * seq);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> stored(one) + stored(two) == 200);
                assertTrue(stored(one) > 0 && stored(two) > 0, "both instances took a share: " + stored(one) + "/" + stored(two));
                // Statuses are not shared: both instances know the pot is online.
                assertEquals("online", one.pot("sh").orElseThrow().status());
                assertEquals("online", two.pot("sh").orElseThrow().status());
            }
        }
    }

    private static MothershipEngine engine(Mosquitto broker, Path db, String clientId) throws Exception {
        MothershipEngine e = new MothershipEngine(EngineOptions.sqlite(
                new BrokerOptions(broker.uri(), null, null, null, clientId, "motherships", true), db));
        e.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> e.health().brokerConnected());
        return e;
    }

    private static long stored(MothershipEngine e) {
        return e.pot("sh").map(p -> e.readings("sh", Instant.EPOCH, Instant.now().plusSeconds(60), 1000).size()).orElse(0);
    }

    @Test
    void logsInAsThePotsDoAndSaysWhyWhenRefused() throws Exception {
        Path dir = Files.createTempDirectory("mship-login");
        Path passwords = dir.resolve("passwd");
        Process p = new ProcessBuilder("mosquitto_passwd", "-c", "-b", passwords.toString(), "mothership", "s3cret")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "mosquitto_passwd made the password file");
        Process pot = new ProcessBuilder("mosquitto_passwd", "-b", passwords.toString(), "pot1", "potpass")
                .redirectErrorStream(true).start();
        assertTrue(pot.waitFor(20, TimeUnit.SECONDS) && pot.exitValue() == 0);
        try (Mosquitto broker = QueueingBroker.start("password_file " + passwords + "\nallow_anonymous false")) {
            // QueueingBroker's first lines allow anonymous clients; the last word wins in Mosquitto's config.
            try (MothershipEngine wrong = new MothershipEngine(EngineOptions.sqlite(
                    new BrokerOptions(broker.uri(), "mothership", "nope", null, "mship", null, false), dir.resolve("w.db")))) {
                wrong.start();
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !wrong.health().brokerConnected());
            }
            try (MothershipEngine right = new MothershipEngine(EngineOptions.sqlite(
                    new BrokerOptions(broker.uri(), "mothership", "s3cret", null, "mship", null, false), dir.resolve("r.db")))) {
                right.start();
                await().atMost(Duration.ofSeconds(10)).until(() -> right.health().brokerConnected());
                Mqtt3BlockingClient c = MqttClient.builder().useMqttVersion3().identifier("pot1").serverHost("127.0.0.1")
                        .serverPort(broker.port()).buildBlocking();
                c.connectWith().simpleAuth().username("pot1").password("potpass".getBytes()).applySimpleAuth().send();
                c.publishWith().topic("to_mothership/pot1").payload(ScriptedPot.reading("pot1", 0, 50, 0).getBytes())
                        .qos(MqttQos.AT_LEAST_ONCE).send();
                c.disconnect();
                await().atMost(Duration.ofSeconds(10)).until(() -> right.pot("pot1").map(v -> v.state() == PlantState.OK).orElse(false));
            }
        }
    }
}
