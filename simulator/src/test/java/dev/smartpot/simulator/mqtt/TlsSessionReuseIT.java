package dev.smartpot.simulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.TlsSettings;
import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.TestCertificates;

/**
 * Within one boot the pot's TLS link resumes its session when it reconnects (one SSLContext for the transport's life):
 * the second handshake with a real Mosquitto TLS listener is a resumption. A new transport, as after a deep sleep or a
 * reboot (RAM lost), starts with a full handshake.
 */
class TlsSessionReuseIT {

    private static Mosquitto broker;
    private static TestCertificates.Pair ca;
    private static int port;

    @BeforeAll
    static void startTlsBroker() throws Exception {
        Path certs = Files.createTempDirectory("tls-reuse");
        TestCertificates make = new TestCertificates(certs);
        ca = make.authority("pots-ca");
        TestCertificates.Pair server = make.issue("broker", ca, 30, "127.0.0.1", "localhost");
        port = Loopback.freePort();
        broker = Mosquitto.startWithConfig(port, "listener " + port + " 127.0.0.1\nallow_anonymous true\ncafile " + ca.certificate()
                + "\ncertfile " + server.certificate() + "\nkeyfile " + server.key() + "\n");
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static final MqttListener QUIET = new MqttListener() {
        @Override
        public boolean messageArrived(String topic, byte[] payload, int ack) {
            return false;
        }

        @Override
        public boolean retainedMessageArrived(String topic, byte[] payload, int ack) {
            return false;
        }

        @Override
        public void connectionLost(String cause) {
        }
    };

    @Test
    void aReconnectWithinOneBootResumesTheTlsSessionAndANewBootDoesNot() throws Exception {
        TlsSettings tls = new TlsSettings(ca.certificate().toString(), null, null, true);
        ConnectSettings settings = new ConnectSettings(10, 5, null, null, null, null, tls);
        String uri = "ssl://127.0.0.1:" + port;

        PahoMqttTransport boot = new PahoMqttTransport();
        boot.setListener(QUIET);
        for (int i = 0; i < 3; i++) {
            boot.connect(uri, "tls-reuse-" + i, settings);
            assertTrue(boot.isConnected());
            boot.disconnect();
        }
        assertArrayEquals(new int[] {3, 2}, boot.tlsHandshakesAndResumptions(), "one full handshake, then two resumptions");

        PahoMqttTransport afterDeepSleep = new PahoMqttTransport();
        afterDeepSleep.setListener(QUIET);
        afterDeepSleep.connect(uri, "tls-reuse-next-boot", settings);
        afterDeepSleep.disconnect();
        assertEquals(0, afterDeepSleep.tlsHandshakesAndResumptions()[1], "RAM lost: a full handshake again");
    }
}
