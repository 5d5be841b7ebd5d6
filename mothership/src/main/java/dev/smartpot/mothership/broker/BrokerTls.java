package dev.smartpot.mothership.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.hivemq.client.mqtt.MqttClientSslConfig;

/**
 * TLS to the broker as the pots do it (for the HiveMQ client and for the 3.1.1 link): trust only the CA file given (the one {@code scripts/broker
 * --secure} writes), or the JVM's trusted CAs when none is given. The broker's host name is checked.
 */
final class BrokerTls {

    private BrokerTls() {
    }

    static MqttClientSslConfig config(Path caFile) {
        return caFile == null ? MqttClientSslConfig.builder().build()
                : MqttClientSslConfig.builder().trustManagerFactory(trustOnly(caFile)).build();
    }

    /** The same trust for the 3.1.1 link, as a TLS context. */
    static SSLContext context(Path caFile) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, caFile == null ? null : trustOnly(caFile).getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory trustOnly(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (cas.isEmpty()) {
                throw new IllegalArgumentException("the CA file " + caFile + " holds no certificate; expected the PEM"
                        + " certificate of the CA that signed the broker's (scripts/broker --secure writes .broker-secure/ca.crt)");
            }
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int i = 0;
            for (Certificate c : cas) {
                anchors.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(anchors);
            return tmf;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the CA file " + caFile + ": " + e.getMessage()
                    + "; expected a readable PEM certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the CA file " + caFile + " is not a PEM certificate (" + e.getMessage()
                    + "); expected the CA's certificate, -----BEGIN CERTIFICATE-----", e);
        }
    }
}
