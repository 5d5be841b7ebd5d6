package dev.smartpot.host.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Certificates and keys in the PEM files Mosquitto and openssl use, read with the JDK alone. Every failure is
 * an {@link IOException} whose message says what the file holds instead and how to convert it.
 */
public final class PemFiles {

    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";
    private static final String CONVERT = "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem";

    private PemFiles() {
    }

    /** Every certificate in the file, in order; at least one. */
    public static List<X509Certificate> certificates(Path file) throws IOException {
        byte[] bytes = read(file);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (text.contains("PRIVATE KEY-----") && !text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IOException("holds a private key, not a certificate (did you swap the certificate and key files?)");
        }
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException("holds no certificate: expected PEM text starting with -----BEGIN CERTIFICATE-----");
            }
            return out;
        } catch (CertificateException e) {
            throw new IOException("is not a PEM certificate (" + e.getMessage() + "): expected text starting with -----BEGIN CERTIFICATE-----");
        }
    }

    /** The unencrypted PKCS#8 private key in the file ({@code -----BEGIN PRIVATE KEY-----}): RSA, EC or EdDSA. */
    public static PrivateKey privateKey(Path file) throws IOException {
        String text = new String(read(file), StandardCharsets.US_ASCII);
        int begin = text.indexOf(PKCS8_BEGIN);
        if (begin < 0) {
            if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
                throw new IOException("is encrypted with a passphrase, which a pot cannot type; " + CONVERT);
            }
            if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----")) {
                throw new IOException("is in the older PKCS#1/SEC1 form; " + CONVERT);
            }
            if (text.contains("-----BEGIN CERTIFICATE-----")) {
                throw new IOException("holds a certificate, not a private key (did you swap the certificate and key files?)");
            }
            throw new IOException("holds no private key: expected PEM text starting with " + PKCS8_BEGIN);
        }
        int end = text.indexOf(PKCS8_END, begin);
        if (end < 0) {
            throw new IOException("has no " + PKCS8_END + " line: the key is cut short");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + PKCS8_BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IOException("has a damaged key: " + e.getMessage());
        }
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisKind) {
                // Try the next algorithm.
            }
        }
        throw new IOException("holds a private key this runtime cannot read (RSA, EC and EdDSA are supported)");
    }

    /** True if {@code key} is the private half of {@code certificate}'s public key: a signature it makes verifies. */
    public static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] data = "smartpot key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(data);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("does not exist (relative paths start from " + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException("is not a readable file");
        }
        return Files.readAllBytes(file);
    }
}
