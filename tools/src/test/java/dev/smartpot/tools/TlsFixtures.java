package dev.smartpot.tools;

import java.nio.file.Path;

import dev.smartpot.testkit.TestCertificates;

/** A CA, a pot certificate signed by it, and a key of neither (EC P-256, PKCS#8 PEM, as scripts/broker --secure). */
final class TlsFixtures {

    final Path ca;
    final Path caKey;
    final Path potCert;
    final Path potKey;
    final Path otherKey;

    TlsFixtures(Path dir) {
        TestCertificates make = new TestCertificates(dir);
        TestCertificates.Pair authority = make.authority("ca");
        TestCertificates.Pair pot = make.issue("pot", authority, 30, "pot-1");
        ca = authority.certificate();
        caKey = authority.key();
        potCert = pot.certificate();
        potKey = pot.key();
        otherKey = make.key("other");
    }
}
