package dev.smartpot.host.broker;

import static dev.smartpot.testkit.MothershipAssert.assertThat;
import static dev.smartpot.testkit.MothershipAssert.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.smartpot.host.LogTuning;
import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Mothership;
import dev.smartpot.testkit.PotId;

/** The embedded Moquette: on loopback, on the port asked for or a free one, carrying QoS 1 readings. */
class EmbeddedBrokerTest {

    @BeforeAll
    static void quiet() {
        LogTuning.quietLibraries();
    }

    @Test
    void carriesReadingsBetweenClientsOnLoopback() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0); Mothership mothership = Mothership.on(broker.uri())) {
            assertEquals("tcp://127.0.0.1:" + broker.port(), broker.uri());
            MqttClient pot = new MqttClient(broker.uri(), "embedded-test-pot", new MemoryPersistence());
            pot.connect();
            for (int seq = 0; seq < 3; seq++) {
                MqttMessage m = new MqttMessage(("{\"id\":\"0123456789ab\",\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                pot.publish(Mothership.READINGS, m);
            }
            pot.disconnect();
            pot.close();
            assertThat(mothership).received(PotId.of("0123456789ab"), seqs(0, 2));
        }
    }

    @Test
    void aTakenPortMovesItToAFreeOne() throws Exception {
        int taken = Loopback.freePort();
        try (ServerSocket squatter = new ServerSocket(taken, 1, InetAddress.getByName(Loopback.HOST));
                EmbeddedBroker broker = EmbeddedBroker.start(taken)) {
            assertNotEquals(taken, broker.port());
            assertEquals(true, Loopback.accepting(broker.port()));
        }
    }
}
