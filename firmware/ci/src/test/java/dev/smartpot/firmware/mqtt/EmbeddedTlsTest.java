package dev.smartpot.firmware.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.mqtt.TlsSettings;

/**
 * The board's TLS set-up, run on the desktop JVM: the same javax.net.ssl/java.security calls the firmware makes
 * on MicroEJ, with certificates as embedded resources, and real TLS handshakes against a loopback server.
 */
class EmbeddedTlsTest {

    static final String CA = "/dev/smartpot/firmware/tls/ca.crt";
    static final String CERT = "/dev/smartpot/firmware/tls/client.crt";
    static final String KEY = "/dev/smartpot/firmware/tls/client.key.der";

    @TempDir
    static Path dir;
    static TestPki.Pair ca;
    static TestPki.Pair broker;
    static TestPki.Pair imposter;
    static TestPki.Pair pot;
    static ExecutorService server = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void makeCertificates() throws Exception {
        TestPki pki = new TestPki(dir);
        ca = pki.authority("pot-ca");
        broker = pki.issue("broker", ca);
        pot = pki.issue("pot-1", ca);
        imposter = pki.issue("imposter", pki.authority("other-ca"));
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    /** Resources as a firmware built by scripts/flash would hold them. */
    static final class Embedded implements EmbeddedTls.Resources {
        final Map<String, byte[]> files = new HashMap<>();

        Embedded with(String name, byte[] bytes) {
            files.put(name, bytes);
            return this;
        }

        public InputStream open(String name) {
            byte[] b = files.get(name);
            return b == null ? null : new ByteArrayInputStream(b);
        }
    }

    /** Handshakes with a loopback server using {@code serverContext}; returns the client certificate the server saw, or "none". */
    static String handshake(SSLSocketFactory client, SSLContext serverContext, boolean wantClientCertificate) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(wantClientCertificate);
            Future<String> seen = server.submit(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(10_000);
                    s.startHandshake();
                    s.getOutputStream().write(1); // completes the handshake for TLS 1.3 clients too
                    return wantClientCertificate ? s.getSession().getPeerPrincipal().getName() : "none";
                }
            });
            try (SSLSocket s = (SSLSocket) client.createSocket("127.0.0.1", listener.getLocalPort())) {
                s.setSoTimeout(10_000);
                s.startHandshake();
                assertEquals(1, s.getInputStream().read());
            }
            return seen.get(10, TimeUnit.SECONDS);
        }
    }

    private static MqttTransportException refused(TlsSettings tls, EmbeddedTls.Resources resources) {
        MqttTransportException e = assertThrows(MqttTransportException.class, () -> EmbeddedTls.socketFactory(tls, resources));
        assertEquals(MqttTransportException.REFUSED, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void theEmbeddedCaIsTrustedForTheBrokerItSigned() throws Exception {
        SSLSocketFactory f = EmbeddedTls.socketFactory(new TlsSettings(CA, null, null, true),
                new Embedded().with(CA, ca.certificatePem()));
        assertEquals("none", handshake(f, TestPki.server(broker, null), false));
    }

    @Test
    void aBrokerCertificateFromAnotherCaFailsTheHandshake() throws Exception {
        SSLSocketFactory f = EmbeddedTls.socketFactory(new TlsSettings(CA, null, null, true),
                new Embedded().with(CA, ca.certificatePem()));
        Exception e = assertThrows(Exception.class, () -> handshake(f, TestPki.server(imposter, null), false));
        assertTrue(e instanceof SSLException, e.toString());
    }

    @Test
    void aMissingCaResourceNamesTheKeyTheResourceAndTheFix() {
        MqttTransportException e = refused(new TlsSettings(CA, null, null, true), new Embedded());
        assertEquals("mqtt.tls.ca names the resource " + CA + ", which is not in this firmware. Fix: scripts/flash copies"
                + " the file the board file names into the firmware; fix the board file and flash again (it also lists"
                + " the file in tls.resources.list)", e.getMessage());
    }

    @Test
    void aCaResourceThatIsNoCertificateIsNamed() {
        MqttTransportException e = refused(new TlsSettings(CA, null, null, true),
                new Embedded().with(CA, "not a certificate\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().startsWith("mqtt.tls.ca: the resource " + CA + " is not a PEM or DER X.509 certificate ("),
                e.getMessage());
        assertTrue(refused(new TlsSettings(CA, null, null, true), new Embedded().with(CA, new byte[0]))
                .getMessage().startsWith("mqtt.tls.ca: the resource " + CA + " is empty. Fix: "));
    }

    @Test
    void withoutACaTheBoardRefusesBecauseItTrustsNothingBuiltIn() {
        MqttTransportException e = refused(new TlsSettings(null, null, null, true), new Embedded());
        assertTrue(e.getMessage().startsWith("mqtt.tls.ca is not set: the board has no built-in list of trusted CAs"), e.getMessage());
        assertTrue(refused(null, new Embedded()).getMessage().startsWith("mqtt.tls.ca is not set"));
    }

    @Test
    void theClientCertificateAndItsDerKeyAreShownToABrokerThatAsksForThem() throws Exception {
        withBoardKeyStore(() -> {
            Embedded firmware = new Embedded().with(CA, ca.certificatePem()).with(CERT, pot.certificatePem()).with(KEY, pot.keyDer());
            SSLSocketFactory f = EmbeddedTls.socketFactory(new TlsSettings(CA, CERT, KEY, true), firmware);
            assertEquals("CN=pot-1", handshake(f, TestPki.server(broker, ca), true));
            // Without the identity the same broker hangs up: the certificate above is what let the pot in.
            SSLSocketFactory anonymous = EmbeddedTls.socketFactory(new TlsSettings(CA, null, null, true), firmware);
            assertThrows(Exception.class, () -> handshake(anonymous, TestPki.server(broker, ca), true));
        });
    }

    @Test
    void aMissingOrUnusableKeyResourceNamesMqttTlsKeyWithoutItsContent() throws Exception {
        withBoardKeyStore(() -> {
            Embedded firmware = new Embedded().with(CA, ca.certificatePem()).with(CERT, pot.certificatePem());
            MqttTransportException missing = refused(new TlsSettings(CA, CERT, KEY, true), firmware);
            assertTrue(missing.getMessage().startsWith("mqtt.tls.key names the resource " + KEY + ", which is not in this firmware"),
                    missing.getMessage());
            byte[] notAKey = "SECRET-LOOKING BYTES".getBytes(StandardCharsets.US_ASCII);
            MqttTransportException unusable = refused(new TlsSettings(CA, CERT, KEY, true), firmware.with(KEY, notAKey));
            assertTrue(unusable.getMessage().startsWith("mqtt.tls.key: the resource " + KEY + " is not a private key this board can use"),
                    unusable.getMessage());
            assertFalse(unusable.getMessage().contains("SECRET"), unusable.getMessage());
        });
    }

    @Test
    void onTheJdksKeyStoreAsInTheMicroEjSimulatorTheUnencryptedKeyIsRefusedSayingWhy() throws Exception {
        Embedded firmware = new Embedded().with(CA, ca.certificatePem()).with(CERT, pot.certificatePem()).with(KEY, pot.keyDer());
        MqttTransportException e = refused(new TlsSettings(CA, CERT, KEY, true), firmware);
        assertEquals(MqttTransportException.REFUSED, e.kind());
        assertTrue(e.getMessage().startsWith("mqtt.tls.key: the resource " + KEY + " is not a private key this board can use"), e.getMessage());
        assertTrue(e.getMessage().contains("In the MicroEJ Simulator this is expected: its key store is the desktop JDK's,"
                + " which takes only encrypted PKCS#8 keys; run the Simulator against a broker that does not ask for a client"
                + " certificate"), e.getMessage());
        // A CA alone needs no key (theEmbeddedCaIsTrustedForTheBrokerItSigned): such brokers work in the Simulator.
    }

    @Test
    void aMissingClientCertificateResourceNamesMqttTlsCert() throws Exception {
        MqttTransportException e = refused(new TlsSettings(CA, CERT, KEY, true),
                new Embedded().with(CA, ca.certificatePem()).with(KEY, pot.keyDer()));
        assertTrue(e.getMessage().startsWith("mqtt.tls.cert names the resource " + CERT), e.getMessage());
    }

    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} with {@link BoardKeyStore} as the default key store type, as the board's is. */
    static synchronized void withBoardKeyStore(Body body) throws Exception {
        String before = Security.getProperty("keystore.type");
        Security.insertProviderAt(BoardKeyStore.provider(), 1);
        Security.setProperty("keystore.type", BoardKeyStore.TYPE);
        try {
            assertEquals(BoardKeyStore.TYPE, KeyStore.getDefaultType());
            body.run();
        } finally {
            Security.setProperty("keystore.type", before);
            Security.removeProvider("SmartpotBoardLike");
        }
    }
}
