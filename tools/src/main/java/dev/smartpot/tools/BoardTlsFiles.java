package dev.smartpot.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.TlsSettings;
import dev.smartpot.simulator.mqtt.PemFiles;

/**
 * The flash step's side of {@code mqtt.tls.*}: in the board file they name PEM files on this computer (relative paths
 * start from the folder scripts/flash runs in, as in the simulator); in the firmware they name embedded resources.
 * {@link #check} refuses unusable files before anything is built; {@link #embed} copies them into the firmware's
 * generated resources, lists them in {@code tls.resources.list}, and says which resource name each key gets.
 *
 * <p>Certificates are embedded as PEM (one per file, which is how MicroEJ's examples load them); the key as PKCS#8
 * DER (as MicroEJ's mutual-authentication example embeds it, and what the ESP32 VEE Port's mbedtls parses without
 * the NUL terminator PEM would need).
 */
public final class BoardTlsFiles {

    /** Where the files go inside the firmware: a resource folder of the application's package. */
    public static final String RESOURCE_FOLDER = "/dev/smartpot/firmware/tls/";
    /** The list that makes MicroEJ embed them; generated next to them, so a build without TLS lists nothing. */
    public static final String RESOURCE_LIST = "/dev/smartpot/firmware/tls.resources.list";

    /** One file to embed: the key that names it, where it is now, and the resource it becomes. */
    public record Embedded(String key, Path from, String resource) {
    }

    private BoardTlsFiles() {
    }

    /** Adds a problem to {@code reader} for each TLS setting the board cannot use. Never prints a key's content. */
    public static void check(ConfigReader reader, DeviceConfig device) {
        TlsSettings tls = device.tls;
        boolean anySsl = false;
        for (String broker : device.brokers) {
            anySsl |= broker.startsWith("ssl://");
        }
        if (!anySsl || tls == null) {
            return; // DeviceConfig already refuses mqtt.tls.* without an ssl:// broker
        }
        if (tls.caCertificate == null) {
            reader.problem("mqtt.tls.ca", "is required on the board when a broker uses ssl://: the board has no built-in"
                    + " list of trusted CAs", "add mqtt.tls.ca = the PEM certificate of the CA that signed the broker's"
                    + " certificate (scripts/broker --secure writes .broker-secure/ca.crt)");
        } else {
            oneCertificate(reader, "mqtt.tls.ca", tls.caCertificate, "point it at the PEM certificate of the CA that signed"
                    + " the broker's certificate (scripts/broker --secure writes .broker-secure/ca.crt)");
        }
        if (tls.clientCertificate != null && tls.clientKey != null) {
            X509Certificate own = oneCertificate(reader, "mqtt.tls.cert", tls.clientCertificate,
                    "point it at this pot's PEM client certificate, or remove mqtt.tls.cert and mqtt.tls.key");
            PrivateKey key;
            try {
                key = PemFiles.privateKey(Path.of(tls.clientKey));
            } catch (IOException | RuntimeException e) {
                reader.problem("mqtt.tls.key", "names a file that " + e.getMessage(),
                        "point it at the unencrypted PKCS#8 PEM private key of mqtt.tls.cert");
                return;
            }
            if (own != null && !PemFiles.belongTogether(key, own)) {
                reader.problem("mqtt.tls.key", "is not the private key of the certificate in mqtt.tls.cert ("
                        + own.getSubjectX500Principal().getName() + ")", "point it at the key that was made with that certificate");
            }
        }
    }

    /** The certificate in {@code file}, or null after adding a problem. The board reads one certificate per file. */
    private static X509Certificate oneCertificate(ConfigReader reader, String key, String file, String fix) {
        List<X509Certificate> found;
        try {
            found = PemFiles.certificates(Path.of(file));
        } catch (IOException | RuntimeException e) {
            reader.problem(key, "names a file that " + e.getMessage(), fix);
            return null;
        }
        if (found.size() > 1) {
            reader.problem(key, "names a file with " + found.size() + " certificates; the board reads only the first one"
                    + " of a file", "keep only the one certificate needed (for mqtt.tls.ca: the CA that signed the broker's"
                    + " certificate) in the file");
            return null;
        }
        return found.get(0);
    }

    /** What {@link #embed} will copy, in order; empty without TLS files. The settings must have passed {@link #check}. */
    public static List<Embedded> plan(DeviceConfig device) {
        List<Embedded> plan = new ArrayList<>();
        TlsSettings tls = device.tls;
        if (tls == null) {
            return plan;
        }
        if (tls.caCertificate != null) {
            plan.add(new Embedded("mqtt.tls.ca", Path.of(tls.caCertificate), RESOURCE_FOLDER + "ca.crt"));
        }
        if (tls.clientCertificate != null && tls.clientKey != null) {
            plan.add(new Embedded("mqtt.tls.cert", Path.of(tls.clientCertificate), RESOURCE_FOLDER + "client.crt"));
            plan.add(new Embedded("mqtt.tls.key", Path.of(tls.clientKey), RESOURCE_FOLDER + "client.key.der"));
        }
        return plan;
    }

    /**
     * Writes the planned files into {@code tls/} beside the board's configuration resource ({@code packageFolder} is
     * its folder, {@code .../dev/smartpot/firmware}) and the list that embeds them; removes what an earlier flash left
     * there, so a firmware without TLS carries no old key.
     */
    public static void embed(List<Embedded> plan, Path packageFolder) throws IOException {
        Path folder = packageFolder.resolve("tls");
        if (Files.isDirectory(folder)) {
            try (var old = Files.list(folder)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Path list = packageFolder.resolve(fileName(RESOURCE_LIST));
        Files.deleteIfExists(list);
        if (plan.isEmpty()) {
            return;
        }
        // The pot's private key lands here: owner-only, like the source key it came from.
        OwnerOnlyFiles.folder(packageFolder);
        OwnerOnlyFiles.folder(folder);
        StringBuilder listed = new StringBuilder("# Generated by scripts/flash: the TLS files named by mqtt.tls.* in the board file.\n");
        for (Embedded e : plan) {
            Path target = folder.resolve(fileName(e.resource()));
            OwnerOnlyFiles.write(target, e.key().equals("mqtt.tls.key") ? PemFiles.privateKey(e.from()).getEncoded() : pem(e.from()));
            listed.append(e.resource()).append('\n');
        }
        OwnerOnlyFiles.write(list, listed.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Where {@code resource} lands when the configuration resource is written to {@code packageFolder}. */
    public static Path target(Embedded e, Path packageFolder) {
        return packageFolder.resolve("tls").resolve(fileName(e.resource()));
    }

    private static String fileName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** The certificate re-encoded as plain PEM: whatever else the file held (openssl's text dump, say) is left out. */
    private static byte[] pem(Path file) throws IOException {
        try {
            byte[] der = PemFiles.certificates(file).get(0).getEncoded();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
            return ("-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
        } catch (CertificateEncodingException e) {
            throw new IOException(file + ": cannot encode the certificate: " + e.getMessage(), e);
        }
    }
}
