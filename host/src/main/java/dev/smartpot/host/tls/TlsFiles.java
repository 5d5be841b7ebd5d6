package dev.smartpot.host.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.mqtt.TlsSettings;

/**
 * The simulator's side of {@code mqtt.tls.*}: the names are file paths (relative to the working directory),
 * read as PEM with the JDK alone. {@link #check} reports unusable files as configuration problems before
 * anything starts; {@link #socketFactory} builds what Paho dials {@code ssl://} brokers with.
 */
public final class TlsFiles {

    private TlsFiles() {
    }

    /** A file named by one {@code mqtt.tls.*} key that cannot be used, and why. */
    public static final class Unusable extends IOException {
        private static final long serialVersionUID = 1L;
        public final String key;

        Unusable(String key, String message) {
            super(message);
            this.key = key;
        }
    }

    /** Adds a problem to {@code reader} for each TLS file that is missing, unreadable, of the wrong kind, or mismatched. */
    public static void check(ConfigReader reader, TlsSettings tls) {
        try {
            socketFactory(tls);
        } catch (Unusable e) {
            reader.problem(e.key, e.getMessage(), fixFor(e.key));
        }
    }

    /** The socket factory for {@code ssl://} brokers: trusts only {@code mqtt.tls.ca} if set, presents the client certificate if set. */
    public static SSLSocketFactory socketFactory(TlsSettings tls) throws Unusable {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            String trusted;
            if (tls.caCertificate != null) {
                List<X509Certificate> cas = certificates("mqtt.tls.ca", tls.caCertificate);
                KeyStore anchors = KeyStore.getInstance("PKCS12");
                anchors.load(null, null);
                for (int i = 0; i < cas.size(); i++) {
                    anchors.setCertificateEntry("ca-" + i, cas.get(i));
                }
                trust.init(anchors);
                trusted = "the CA in mqtt.tls.ca (" + tls.caCertificate + ")";
            } else {
                trust.init((KeyStore) null);
                trusted = "a CA this computer trusts";
            }
            X509ExtendedTrustManager pkix = null;
            for (TrustManager tm : trust.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    pkix = x;
                }
            }
            KeyManager[] identity = null;
            if (tls.clientCertificate != null && tls.clientKey != null) {
                identity = clientIdentity(tls);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(identity, new TrustManager[] {new BrokerTrustManager(pkix, trusted, tls.verifyHostname)}, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            if (e instanceof Unusable u) {
                throw u;
            }
            throw new Unusable("mqtt.tls.ca", "cannot set up TLS: " + e.getMessage());
        }
    }

    private static KeyManager[] clientIdentity(TlsSettings tls) throws GeneralSecurityException, IOException {
        List<X509Certificate> chain = certificates("mqtt.tls.cert", tls.clientCertificate);
        PrivateKey key;
        try {
            key = PemFiles.privateKey(Path.of(tls.clientKey));
        } catch (IOException | RuntimeException e) {
            throw new Unusable("mqtt.tls.key", "names a file that " + e.getMessage());
        }
        if (!PemFiles.belongTogether(key, chain.get(0))) {
            throw new Unusable("mqtt.tls.key", "is not the private key of the certificate in mqtt.tls.cert ("
                    + chain.get(0).getSubjectX500Principal().getName() + ")");
        }
        char[] unused = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("pot", key, unused, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, unused);
        return keys.getKeyManagers();
    }

    private static List<X509Certificate> certificates(String key, String file) throws Unusable {
        try {
            return PemFiles.certificates(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw new Unusable(key, "names a file that " + e.getMessage());
        }
    }

    private static String fixFor(String key) {
        return switch (key) {
            case "mqtt.tls.ca" -> "point it at the PEM certificate of the CA that signed the broker's certificate"
                    + " (scripts/broker --secure writes .broker-secure/ca.crt)";
            case "mqtt.tls.cert" -> "point it at this pot's PEM client certificate, or remove mqtt.tls.cert and mqtt.tls.key";
            default -> "point it at the unencrypted PEM private key of mqtt.tls.cert";
        };
    }
}
