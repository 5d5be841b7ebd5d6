package dev.smartpot.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A CA and a pot certificate signed by it, made with openssl (EC P-256, PKCS#8 PEM keys, as scripts/broker --secure). */
final class TlsFixtures {

    final Path ca;
    final Path caKey;
    final Path potCert;
    final Path potKey;
    final Path otherKey;

    TlsFixtures(Path dir) throws IOException {
        Files.createDirectories(dir);
        ca = dir.resolve("ca.crt");
        caKey = dir.resolve("ca.key");
        potCert = dir.resolve("pot.crt");
        potKey = dir.resolve("pot.key");
        otherKey = dir.resolve("other.key");
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30",
                "-subj", "/CN=pot-ca", "-keyout", caKey.toString(), "-out", ca.toString());
        Path csr = dir.resolve("pot.csr");
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=pot-1",
                "-keyout", potKey.toString(), "-out", csr.toString());
        openssl(dir, "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(), "-CAcreateserial",
                "-days", "30", "-out", potCert.toString());
        openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-out", otherKey.toString());
    }

    private static void openssl(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
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
