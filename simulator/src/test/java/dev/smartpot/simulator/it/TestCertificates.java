package dev.smartpot.simulator.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway certificates for tests, made with the openssl command line in a folder of the test's own: a CA,
 * and certificates it signs (or that sign themselves) for chosen names and validity. EC P-256 keys: quick
 * to make, and what the broker script uses.
 */
public final class TestCertificates {

    private final Path dir;

    public TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A certificate file and its private key file (PKCS#8 PEM). */
    public record Pair(Path certificate, Path key) {
    }

    /** A self-signed certificate authority named {@code name}. */
    public Pair authority(String name) throws IOException {
        Pair ca = new Pair(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30",
                "-subj", "/CN=" + name, "-keyout", ca.key().toString(), "-out", ca.certificate().toString());
        return ca;
    }

    /**
     * A certificate for {@code names} (host names, or IP addresses) signed by {@code issuer}, or self-signed when
     * issuer is null. {@code days} may be negative: openssl then makes one that has already expired.
     */
    public Pair issue(String file, Pair issuer, int days, String... names) throws IOException {
        Pair out = new Pair(dir.resolve(file + ".crt"), dir.resolve(file + ".key"));
        List<String> san = new ArrayList<>();
        for (String name : names) {
            san.add((name.matches("[0-9.]+") ? "IP:" : "DNS:") + name);
        }
        Path ext = dir.resolve(file + ".ext");
        Files.writeString(ext, "subjectAltName=" + String.join(",", san) + "\nbasicConstraints=CA:FALSE\n");
        Path csr = dir.resolve(file + ".csr");
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=" + names[0],
                "-keyout", out.key().toString(), "-out", csr.toString());
        if (issuer == null) {
            openssl("x509", "-req", "-in", csr.toString(), "-signkey", out.key().toString(), "-days", Integer.toString(days),
                    "-extfile", ext.toString(), "-out", out.certificate().toString());
        } else {
            openssl("x509", "-req", "-in", csr.toString(), "-CA", issuer.certificate().toString(), "-CAkey", issuer.key().toString(),
                    "-CAcreateserial", "-days", Integer.toString(days), "-extfile", ext.toString(), "-out", out.certificate().toString());
        }
        return out;
    }

    private void openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", args) + " failed:\n"
                        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
