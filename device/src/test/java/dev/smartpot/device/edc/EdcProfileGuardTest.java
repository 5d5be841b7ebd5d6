package dev.smartpot.device.edc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;
import dev.smartpot.protocol.WireTopics;

/**
 * The portable core must build and run under MicroEJ (EDC 1.3, Java 7 language): scans the compiled core in
 * target/classes, and the wire protocol it uses (protocol/), and fails naming each offending class, member and caller. The allowed JDK types and members are
 * data: src/test/resources/edc/edc-1.3-allowlist.txt. {@link PlantedViolationsTest} shows the guard at work.
 */
class EdcProfileGuardTest {

    @Test
    void compiledCoreStaysInsideTheEdcProfile() throws URISyntaxException {
        Path classes = Path.of(PotNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(classes.resolve("dev/smartpot/device")), "expected the core's classes under " + classes);
        Path protocol = Path.of(WireTopics.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(protocol.resolve("dev/smartpot/protocol")) || Files.isRegularFile(protocol),
                "expected the protocol's classes under " + protocol);
        List<Violation> violations = new EdcProfileGuard(EdcAllowlist.edc13()).scan(classes, protocol);
        String report = EdcProfileGuard.report(violations, classes + " and " + protocol);
        if (report != null) {
            fail(report);
        }
    }
}
