package dev.smartpot.testkit;

import static dev.smartpot.testkit.MothershipAssert.assertThat;
import static dev.smartpot.testkit.MothershipAssert.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit's own parts against a real Mosquitto: what each promises is what the suites rely on. */
class TestKitIT {

    private static String reading(String id, long seq) {
        return "{\"id\":\"" + id + "\",\"seq\":" + seq + ",\"raw\":2000,\"moisture\":50.0}";
    }

    @Test
    void theMothershipKeepsItsSessionThroughASigkillAndTheAssertionsReadPotsAndSeqs() {
        try (Mosquitto broker = Mosquitto.start(); MothershipStandIn mothership = MothershipStandIn.on(broker.uri())) {
            MosquittoClients clients = new MosquittoClients(broker);
            PotId pot = PotId.of("0123456789ab");
            for (int seq = 0; seq < 5; seq++) {
                clients.pubQos1(MothershipStandIn.READINGS, reading(pot.clientId(), seq));
            }
            assertThat(mothership).received(pot, seqs(0, 4)).receivedInOrderWithoutGaps();

            broker.kill();
            assertFalse(broker.accepting());
            broker.restart();
            Awaitility.await("mothership back").atMost(Duration.ofSeconds(10)).until(mothership::isConnected);
            clients.pubQos1(MothershipStandIn.READINGS, reading(pot.clientId(), 5));
            assertThat(mothership).received(pot, seqs(0, 5)).receivedExactly(pot, 6).receivedNothingFrom(PotId.of("ffffffffffff"));
            AssertionError missing = assertThrows(AssertionError.class,
                    () -> assertThat(mothership).within(Duration.ofMillis(300)).received(pot, seqs(0, 7)));
            assertTrue(missing.getMessage().contains("missing readings of 0123456789ab: [6, 7]"), missing.getMessage());
            // What a killed broker may have lost is allowed to be missing; nothing else is.
            assertEquals(new java.util.TreeSet<>(List.of(6L)),
                    assertThat(mothership).receivedExactlyExcept(pot, 7, java.util.Set.of(6L)));
            AssertionError notTheBrokers = assertThrows(AssertionError.class,
                    () -> assertThat(mothership).within(Duration.ofMillis(300)).receivedExactlyExcept(pot, 8, java.util.Set.of(6L)));
            assertTrue(notTheBrokers.getMessage().contains("missing readings of 0123456789ab: [7]"), notTheBrokers.getMessage());
        }
    }

    @Test
    void theProxyCutsAndBlackholesALink() {
        try (Mosquitto broker = Mosquitto.start(); TcpProxy proxy = new TcpProxy(broker.port())) {
            try (MothershipStandIn through = MothershipStandIn.on(proxy.uri())) {
                assertTrue(through.isConnected());
                proxy.cut();
                Awaitility.await("link cut").atMost(Duration.ofSeconds(10)).until(() -> !through.isConnected());
                proxy.restore();
                Awaitility.await("link back").atMost(Duration.ofSeconds(10)).until(through::isConnected);
            }
        }
    }

    @Test
    void certificatesAreWhatTheyClaim(@TempDir Path dir) throws Exception {
        TestCertificates make = new TestCertificates(dir);
        TestCertificates.Pair ca = make.authority("ca");
        TestCertificates.Pair leaf = make.issue("leaf", ca, 30, "127.0.0.1", "localhost");
        TestCertificates.Pair expired = make.issue("old", ca, -1, "127.0.0.1");
        leaf.x509().verify(ca.x509().getPublicKey());
        leaf.x509().checkValidity();
        assertEquals("CN=ca", leaf.x509().getIssuerX500Principal().getName());
        assertEquals(List.of(List.of(7, "127.0.0.1"), List.of(2, "localhost")),
                leaf.x509().getSubjectAlternativeNames().stream().toList());
        assertThrows(java.security.cert.CertificateExpiredException.class, () -> expired.x509().checkValidity());
        assertTrue(java.nio.file.Files.readString(leaf.key()).startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void aMissingToolSaysHowToInstallIt() {
        assertTrue(RequiredTool.MOSQUITTO.missingMessage().contains("apt-get install mosquitto"));
        assertTrue(RequiredTool.GCC.missingMessage().contains("apt-get install gcc"));
    }
}
