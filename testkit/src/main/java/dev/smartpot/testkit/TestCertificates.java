package dev.smartpot.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throwaway certificates for tests, made in-process with BouncyCastle's PKIX builder and written as the PEM files
 * Mosquitto and the pot read: a CA, and certificates it signs (or that sign themselves) for chosen names and
 * validity. EC P-256 keys in unencrypted PKCS#8 PEM, as {@code scripts/broker --secure} makes them with openssl.
 */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private final Path dir;

    /** A certificate and its private key, in memory and as files. */
    public record Pair(Path certificate, Path key, X509Certificate x509, PrivateKey privateKey) {

        public byte[] certificatePem() throws IOException {
            return Files.readAllBytes(certificate);
        }

        /** The key as {@code scripts/flash} embeds it: the PKCS#8 DER inside the PEM. */
        public byte[] keyDer() {
            return privateKey.getEncoded();
        }
    }

    public TestCertificates(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A self-signed certificate authority named {@code name} ({@code name.crt}, {@code name.key}), valid 30 days. */
    public Pair authority(String name) {
        KeyPair keys = newKeys();
        X500Name subject = new X500Name("CN=" + name);
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return write(name, sign(builder, keys.getPrivate()), keys);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not make the test CA " + name, e);
        }
    }

    /**
     * A certificate for {@code names} (host names or IP addresses; the first is its CN) signed by {@code issuer},
     * or self-signed when issuer is null, valid for {@code days} from now. Negative days: it has already expired.
     */
    public Pair issue(String file, Pair issuer, int days, String... names) {
        KeyPair keys = newKeys();
        X500Name subject = new X500Name("CN=" + names[0]);
        Instant now = Instant.now();
        Instant notAfter = now.plus(Duration.ofDays(days));
        Instant notBefore = days < 0 ? notAfter.minus(Duration.ofDays(30)) : now.minus(Duration.ofHours(1));
        try {
            List<GeneralName> san = new ArrayList<>();
            for (String name : names) {
                san.add(name.matches("[0-9.]+") || name.contains(":") ? new GeneralName(GeneralName.iPAddress, name)
                        : new GeneralName(GeneralName.dNSName, name));
            }
            X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.x509().getSubjectX500Principal().getEncoded());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial(), Date.from(notBefore),
                    Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san.toArray(new GeneralName[0])))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuer.x509()));
            }
            return write(file, sign(builder, issuer == null ? keys.getPrivate() : issuer.privateKey()), keys);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not make the test certificate " + file, e);
        }
    }

    /** A private key on its own ({@code file.key}), e.g. one that belongs to no certificate. */
    public Path key(String file) {
        Path out = dir.resolve(file + ".key");
        writeKey(out, newKeys().getPrivate());
        return out;
    }

    private Pair write(String file, X509Certificate certificate, KeyPair keys) {
        Path crt = dir.resolve(file + ".crt");
        Path key = dir.resolve(file + ".key");
        try {
            Files.writeString(crt, pem("CERTIFICATE", certificate.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not write " + crt, e);
        }
        writeKey(key, keys.getPrivate());
        return new Pair(crt, key, certificate, keys.getPrivate());
    }

    private static void writeKey(Path file, PrivateKey key) {
        try {
            Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PEM text as openssl writes it: base64 in lines of 64. */
    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
    }

    private static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make EC P-256 keys", e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }
}
