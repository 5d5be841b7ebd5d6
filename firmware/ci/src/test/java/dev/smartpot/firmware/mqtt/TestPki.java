package dev.smartpot.firmware.mqtt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.smartpot.testkit.TestCertificates;

/**
 * The firmware's TLS test certificates (from the test kit: EC P-256, PKCS#8 PEM keys, as scripts/broker --secure
 * makes them) and the JDK server contexts that present them.
 */
final class TestPki {

    private final TestCertificates certificates;

    TestPki(Path dir) {
        this.certificates = new TestCertificates(dir);
    }

    TestCertificates.Pair authority(String name) {
        return certificates.authority(name);
    }

    /** A certificate for {@code name} (and 127.0.0.1) signed by {@code issuer}. */
    TestCertificates.Pair issue(String name, TestCertificates.Pair issuer) {
        return certificates.issue(name, issuer, 30, name, "127.0.0.1");
    }

    /** A JDK server context presenting {@code identity}, and asking for a client certificate signed by {@code clientCa} if set. */
    static SSLContext server(TestCertificates.Pair identity, TestCertificates.Pair clientCa) throws Exception {
        Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(Files.newInputStream(identity.certificate()));
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(identity.keyDer()));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, new char[0], new Certificate[] {certificate});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
        TrustManagerFactory trust = null;
        if (clientCa != null) {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(Files.newInputStream(clientCa.certificate())));
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
        }
        SSLContext context = SSLContext.getInstance("TLSv1.2");
        context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
        return context;
    }

    static byte[] der(String pem) {
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        return Base64.getMimeDecoder().decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end));
    }
}
