package dev.smartpot.firmware.mqtt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.mqtt.TlsSettings;

/**
 * The board's side of {@code mqtt.tls.*}: the names are resources embedded in the firmware (scripts/flash copies
 * the files from the board file into it and rewrites the keys), read with MicroEJ's SSL API the way MicroEJ's own
 * examples do: {@code CertificateFactory("X509")}, an empty {@code KeyStore} of the default type,
 * {@code TrustManagerFactory("X509")}, {@code KeyStore.setKeyEntry(alias, keyBytes, chain)} for the client key
 * (DER, unencrypted) and {@code SSLContext("TLSv1.2")}. A resource that is missing or unreadable is a REFUSED
 * connect naming the key and the fix: retrying cannot help, flashing again can.
 *
 * <p>The unencrypted key suits the board (its TLS layer parses it with mbedTLS, no password) but not the MicroEJ
 * Simulator, whose key store is the JDK's and takes only encrypted PKCS#8 keys, as MicroEJ's ssl-mutual example
 * embeds them: on the Simulator a client certificate is refused with that explanation; a CA alone works.
 */
public final class EmbeddedTls {

    /** Where a resource name is looked up: the firmware's own resources, or a test's. */
    public interface Resources {
        /** The resource's bytes, or null when the firmware has no such resource. */
        InputStream open(String name);
    }

    /** The firmware's resources ({@code *.resources.list}), as {@link Class#getResourceAsStream} finds them. */
    public static final Resources FIRMWARE = new Resources() {
        public InputStream open(String name) {
            return EmbeddedTls.class.getResourceAsStream(name);
        }
    };

    static final String TLS_PROTOCOL = "TLSv1.2";
    static final String CERTIFICATE_TYPE = "X509";
    private static final String REFLASH = "scripts/flash copies the file the board file names into the firmware;"
            + " fix the board file and flash again";

    private EmbeddedTls() {
    }

    /**
     * The socket factory for {@code ssl://} brokers: trusts only the CA in {@code mqtt.tls.ca}, and presents the
     * client certificate when {@code mqtt.tls.cert} and {@code mqtt.tls.key} are set.
     */
    public static SSLSocketFactory socketFactory(TlsSettings tls, Resources resources) throws MqttTransportException {
        if (tls == null || tls.caCertificate == null) {
            throw refused("mqtt.tls.ca is not set: the board has no built-in list of trusted CAs, so an ssl:// broker"
                    + " cannot be checked. Fix: set mqtt.tls.ca in the board file to the PEM certificate of the CA that"
                    + " signed the broker's certificate (scripts/broker --secure writes .broker-secure/ca.crt) and flash again");
        }
        try {
            KeyStore anchors = emptyStore();
            anchors.setCertificateEntry("broker-ca", certificate("mqtt.tls.ca", tls.caCertificate, resources));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(CERTIFICATE_TYPE);
            trust.init(anchors);
            KeyManager[] identity = null;
            if (tls.clientCertificate != null && tls.clientKey != null) {
                identity = clientIdentity(tls, resources);
            }
            SSLContext context = SSLContext.getInstance(TLS_PROTOCOL);
            context.init(identity, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (MqttTransportException e) {
            throw e; // already says which key and how to fix it
        } catch (NoSuchAlgorithmException | KeyStoreException | KeyManagementException | UnrecoverableKeyException
                | CertificateException e) {
            throw refused("cannot set up TLS from mqtt.tls.* (" + describe(e) + "). Fix: check that the VEE Port"
                    + " includes the SSL library (ej.api:ssl) and that the certificates are X.509; " + REFLASH);
        } catch (IOException e) {
            throw refused("cannot set up TLS from mqtt.tls.* (" + describe(e) + "). Fix: " + REFLASH);
        }
    }

    private static KeyManager[] clientIdentity(TlsSettings tls, Resources resources) throws MqttTransportException,
            KeyStoreException, NoSuchAlgorithmException, UnrecoverableKeyException, CertificateException, IOException {
        Certificate own = certificate("mqtt.tls.cert", tls.clientCertificate, resources);
        byte[] key = bytes("mqtt.tls.key", tls.clientKey, resources);
        KeyStore identity = emptyStore();
        try {
            identity.setKeyEntry("pot", key, new Certificate[] {own});
        } catch (KeyStoreException e) {
            throw refused("mqtt.tls.key: the resource " + tls.clientKey + " is not a private key this board can use ("
                    + describe(e) + "). Fix: give scripts/flash the unencrypted PKCS#8 PEM key of mqtt.tls.cert"
                    + " (it embeds it as DER) and flash again. In the MicroEJ Simulator this is expected: its key store"
                    + " is the desktop JDK's, which takes only encrypted PKCS#8 keys; run the Simulator against a broker"
                    + " that does not ask for a client certificate");
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        // The key is stored unencrypted: no password to unlock it.
        keys.init(identity, new char[0]);
        return keys.getKeyManagers();
    }

    private static KeyStore emptyStore() throws KeyStoreException, NoSuchAlgorithmException, CertificateException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        return store;
    }

    private static Certificate certificate(String key, String resource, Resources resources) throws MqttTransportException {
        byte[] encoded = bytes(key, resource, resources);
        try {
            return CertificateFactory.getInstance(CERTIFICATE_TYPE).generateCertificate(new ByteArrayInputStream(encoded));
        } catch (CertificateException e) {
            throw refused(key + ": the resource " + resource + " is not a PEM or DER X.509 certificate (" + describe(e)
                    + "). Fix: " + REFLASH);
        }
    }

    /** The whole resource; the key's value is a resource name, never a secret, so it may be named. */
    private static byte[] bytes(String key, String resource, Resources resources) throws MqttTransportException {
        InputStream in = resources.open(resource);
        if (in == null) {
            throw refused(key + " names the resource " + resource + ", which is not in this firmware. Fix: " + REFLASH
                    + " (it also lists the file in tls.resources.list)");
        }
        try {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[512];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                }
                if (out.size() == 0) {
                    throw refused(key + ": the resource " + resource + " is empty. Fix: " + REFLASH);
                }
                return out.toByteArray();
            } finally {
                in.close();
            }
        } catch (MqttTransportException e) {
            throw e;
        } catch (IOException e) {
            throw refused(key + ": cannot read the resource " + resource + " (" + describe(e) + "). Fix: " + REFLASH);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    }

    private static MqttTransportException refused(String message) {
        return new MqttTransportException(MqttTransportException.REFUSED, message);
    }
}
