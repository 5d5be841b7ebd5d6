package dev.smartpot.mothership.web.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/**
 * The dashboard's HTTPS certificate and key from PEM files (e.g. a certificate signed by the broker's CA, made
 * as scripts/broker --secure makes its own), as an in-memory key store for Jetty.
 */
public final class HttpsKeys {

    /** The password of the in-memory store; it never leaves this process. */
    public static final String STORE_PASSWORD = "smartpot";

    private HttpsKeys() {
    }

    /** @throws IllegalArgumentException naming the file, the problem and the fix */
    public static KeyStore load(Path certFile, Path keyFile) {
        try {
            Collection<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(certFile)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("--tls-cert " + certFile + " holds no certificate; expected a PEM file"
                        + " starting -----BEGIN CERTIFICATE-----");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("dashboard", privateKey(keyFile), STORE_PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
            return store;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + e.getMessage() + "; check --tls-cert and --tls-key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--tls-cert " + certFile + " is not a PEM certificate (" + e.getMessage()
                    + "); expected -----BEGIN CERTIFICATE-----", e);
        }
    }

    private static PrivateKey privateKey(Path keyFile) throws IOException {
        String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("--tls-key " + keyFile + " is not an unencrypted PKCS#8 PEM key. Fix: openssl pkcs8"
                    + " -topk8 -nocrypt -in " + keyFile + " -out key.pem (it must start -----BEGIN PRIVATE KEY-----)");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // Try the next kind of key.
            }
        }
        throw new IllegalArgumentException("--tls-key " + keyFile + " is neither an EC, RSA nor Ed25519 key; expected the key"
                + " of the certificate in --tls-cert");
    }
}
