package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.kit.GivenPot.givenPot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;
import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.TestCertificates;

/**
 * The pot checks who it talks to: one real Mosquitto with a TLS listener per kind of broker certificate, made
 * by openssl for this run. Each bad one is refused with a message that says which check failed.
 */
class TlsCertificateIT {

    private static Path certs;
    private static TestCertificates.Pair ca;
    private static TestCertificates.Pair client;
    private static TestCertificates.Pair strangerClient;
    private static final Map<String, Integer> ports = new LinkedHashMap<>();
    private static Mosquitto broker;

    @BeforeAll
    static void startOneListenerPerCertificate() throws Exception {
        certs = Files.createTempDirectory("tls-it");
        TestCertificates make = new TestCertificates(certs);
        ca = make.authority("pots-ca");
        TestCertificates.Pair otherCa = make.authority("other-ca");
        Map<String, TestCertificates.Pair> servers = new LinkedHashMap<>();
        servers.put("good", make.issue("good", ca, 30, "127.0.0.1", "localhost"));
        servers.put("wrong-host", make.issue("wrong-host", ca, 30, "elsewhere.example"));
        servers.put("expired", make.issue("expired", ca, -1, "127.0.0.1"));
        servers.put("self-signed", make.issue("self-signed", null, 30, "127.0.0.1"));
        servers.put("other-ca", make.issue("other-ca-server", otherCa, 30, "127.0.0.1"));
        servers.put("client-cert", servers.get("good"));
        client = make.issue("pot-client", ca, 30, "pot");
        strangerClient = make.issue("stranger-client", otherCa, 30, "pot");

        StringBuilder config = new StringBuilder("per_listener_settings false\nallow_anonymous true\n");
        for (Map.Entry<String, TestCertificates.Pair> e : servers.entrySet()) {
            int port = Loopback.freePort();
            ports.put(e.getKey(), port);
            config.append("listener ").append(port).append(" 127.0.0.1\n")
                    .append("cafile ").append(ca.certificate()).append('\n')
                    .append("certfile ").append(e.getValue().certificate()).append('\n')
                    .append("keyfile ").append(e.getValue().key()).append('\n')
                    .append("require_certificate ").append(e.getKey().equals("client-cert")).append('\n');
        }
        ports.put("plain", Loopback.freePort());
        config.append("listener ").append(ports.get("plain")).append(" 127.0.0.1\n");
        broker = Mosquitto.startWithConfig(ports.get("client-cert"), config.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        broker.close();
    }

    private static RunningPot pot(String listener, String extra) throws Exception {
        return givenPot().withConfig("mqtt.tls.ca = " + ca.certificate() + "\n" + extra).on("ssl://127.0.0.1:" + ports.get(listener));
    }

    private static void refusedWith(String listener, String message) throws Exception {
        try (RunningPot pot = pot(listener, "")) {
            pot.awaitLog("refused: TLS refused: " + message, Duration.ofSeconds(20));
            assertEquals(PotNode.REFUSED, pot.node().state());
            assertTrue(pot.console().contains("retrying every 1s (backoff.max) until that is fixed"), pot.console());
            assertFalse(pot.console().contains("published #"), pot.console());
        }
    }

    @Test
    void aCertificateFromTheConfiguredCaForThisHostIsAccepted() throws Exception {
        try (RunningPot pot = pot("good", "")) {
            pot.awaitPublished(3, Duration.ofSeconds(20));
            assertFalse(pot.console().contains("WARN"), pot.console());
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedAsTheWrongHost() throws Exception {
        refusedWith("wrong-host", "the broker's certificate is for elsewhere.example, not 127.0.0.1 (wrong host)."
                + " Fix: dial the broker by a name its certificate lists");
    }

    @Test
    void anExpiredCertificateIsRefusedAsExpired() throws Exception {
        refusedWith("expired", "the broker's certificate expired on ");
    }

    @Test
    void aSelfSignedCertificateIsRefusedAsSelfSigned() throws Exception {
        refusedWith("self-signed", "the broker's certificate is self-signed (CN=127.0.0.1), not issued by the CA in mqtt.tls.ca ("
                + ca.certificate() + ")");
    }

    @Test
    void aCertificateFromAnotherCaIsRefusedAsNotSignedByTheConfiguredCa() throws Exception {
        refusedWith("other-ca", "the broker's certificate (issued by CN=other-ca) is not signed by the CA in mqtt.tls.ca");
    }

    @Test
    void tlsToAPlainMqttPortAsksWhetherItIsTheTlsPort() throws Exception {
        try (RunningPot pot = pot("plain", "")) {
            pot.awaitLog("(the broker hung up during TLS setup: is ssl://127.0.0.1:" + ports.get("plain") + " its TLS port?",
                    Duration.ofSeconds(20));
        }
    }

    @Test
    void withHostnameVerificationOffTheWrongHostConnectsAndTheWarningComesEachConnect() throws Exception {
        try (RunningPot pot = pot("wrong-host", "mqtt.tls.verify_hostname = false\n")) {
            pot.awaitPublished(2, Duration.ofSeconds(20));
            broker.kill();
            broker.restart();
            String warning = "WARN  [" + pot.clientId() + "] TLS hostname verification is off (mqtt.tls.verify_hostname = false)";
            org.awaitility.Awaitility.await("second connect").atMost(Duration.ofSeconds(20))
                    .until(() -> SecureBrokerIT.count(pot.console(), "connected to ssl://") == 2);
            pot.awaitLog("published #", Duration.ofSeconds(5));
            assertEquals(2, SecureBrokerIT.count(pot.console(), warning), "once per connect:\n" + pot.console());
        }
    }

    @Test
    void aBrokerThatWantsAClientCertificateGetsOneOrRefusesThePot() throws Exception {
        try (RunningPot pot = pot("client-cert", "mqtt.tls.cert = " + client.certificate() + "\nmqtt.tls.key = " + client.key() + "\n")) {
            pot.awaitPublished(2, Duration.ofSeconds(20));
        }
        try (RunningPot pot = pot("client-cert", "")) {
            pot.awaitLog("refused: TLS refused by the broker", Duration.ofSeconds(20));
            assertTrue(pot.console().contains("it wants a client certificate it trusts. Fix: set mqtt.tls.cert and mqtt.tls.key"),
                    pot.console());
        }
        try (RunningPot pot = pot("client-cert", "mqtt.tls.cert = " + strangerClient.certificate() + "\nmqtt.tls.key = "
                + strangerClient.key() + "\n")) {
            pot.awaitLog("refused: TLS refused by the broker", Duration.ofSeconds(20));
        }
    }
}
