package dev.smartpot.host.broker;

import static dev.smartpot.testkit.MothershipAssert.assertThat;
import static dev.smartpot.testkit.MothershipAssert.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.smartpot.broker.EmbeddedBroker;
import dev.smartpot.host.LogTuning;
import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.MothershipStandIn;
import dev.smartpot.testkit.PotId;

/** The embedded Moquette: on loopback, on the port asked for or a free one, carrying QoS 1 readings. */
class EmbeddedBrokerTest {

    @BeforeAll
    static void quiet() {
        LogTuning.quietLibraries();
    }

    @Test
    void carriesReadingsBetweenClientsOnLoopback() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0); MothershipStandIn mothership = MothershipStandIn.on(broker.uri())) {
            assertEquals("tcp://127.0.0.1:" + broker.port(), broker.uri());
            MqttClient pot = new MqttClient(broker.uri(), "embedded-test-pot", new MemoryPersistence());
            pot.connect();
            for (int seq = 0; seq < 3; seq++) {
                MqttMessage m = new MqttMessage(("{\"id\":\"0123456789ab\",\"seq\":" + seq + ",\"moisture\":50.0}")
                        .getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                pot.publish(MothershipStandIn.READINGS, m);
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

    /** Re-running within a minute: the last run's connections still wait in TIME_WAIT on the port, which is free. */
    @Test
    void aPortTheLastRunLeftInTimeWaitIsUsedAgain() throws Exception {
        int port = Loopback.freePort();
        InetAddress loopback = InetAddress.getByName(Loopback.HOST);
        try (ServerSocket lastRun = new ServerSocket()) {
            lastRun.setReuseAddress(true);
            lastRun.bind(new InetSocketAddress(loopback, port));
            try (Socket client = new Socket(loopback, port); Socket accepted = lastRun.accept()) {
                accepted.close(); // the broker's side closes first, so its end waits in TIME_WAIT
                assertEquals(-1, client.getInputStream().read());
            }
        }
        try (ServerSocket strict = new ServerSocket()) {
            strict.setReuseAddress(false);
            assertThrows(BindException.class, () -> strict.bind(new InetSocketAddress(loopback, port)),
                    "the connection should be in TIME_WAIT, which only a bind without address reuse refuses");
        }
        try (EmbeddedBroker broker = EmbeddedBroker.start(port)) {
            assertEquals(port, broker.port());
            assertTrue(Loopback.accepting(port));
        }
    }
}
