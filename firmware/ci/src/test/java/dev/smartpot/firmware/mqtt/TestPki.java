package dev.smartpot.firmware.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Throwaway certificates for the firmware's TLS tests, made with the openssl command line (EC P-256, PKCS#8 PEM
 * keys, as scripts/broker --secure makes them), and the JDK server contexts that present them.
 */
final class TestPki {

    private final Path dir;

    TestPki(Path dir) {
        this.dir = dir;
    }

    record Pair(Path certificate, Path key) {

        byte[] certificatePem() throws IOException {
            return Files.readAllBytes(certificate);
        }

        /** The key as scripts/flash embeds it: the PKCS#8 DER inside the PEM. */
        byte[] keyDer() throws IOException {
            return der(Files.readString(key));
        }
    }

    Pair authority(String name) throws IOException {
        Pair ca = new Pair(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30",
                "-subj", "/CN=" + name, "-keyout", ca.key().toString(), "-out", ca.certificate().toString());
        return ca;
    }

    /** A certificate for {@code name} signed by {@code issuer}. */
    Pair issue(String name, Pair issuer) throws IOException {
        Pair out = new Pair(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
        Path csr = dir.resolve(name + ".csr");
        Path ext = dir.resolve(name + ".ext");
        Files.writeString(ext, "subjectAltName=DNS:" + name + ",IP:127.0.0.1\nbasicConstraints=CA:FALSE\n");
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=" + name,
                "-keyout", out.key().toString(), "-out", csr.toString());
        openssl("x509", "-req", "-in", csr.toString(), "-CA", issuer.certificate().toString(), "-CAkey", issuer.key().toString(),
                "-CAcreateserial", "-days", "30", "-extfile", ext.toString(), "-out", out.certificate().toString());
        return out;
    }

    /** A JDK server context presenting {@code identity}, and asking for a client certificate signed by {@code clientCa} if set. */
    static SSLContext server(Pair identity, Pair clientCa) throws Exception {
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

    private void openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", args) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
