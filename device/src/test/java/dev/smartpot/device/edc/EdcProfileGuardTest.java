package dev.smartpot.device.edc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;

/**
 * The portable core must build and run under MicroEJ (EDC 1.3, Java 7 language): scans the compiled core in
 * target/classes and fails naming each offending class, member and caller. The allowed JDK types and members are
 * data: src/test/resources/edc/edc-1.3-allowlist.txt. {@link PlantedViolationsTest} shows the guard at work.
 */
class EdcProfileGuardTest {

    @Test
    void compiledCoreStaysInsideTheEdcProfile() throws URISyntaxException {
        Path classes = Path.of(PotNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(classes.resolve("dev/smartpot/device")), "expected the core's classes under " + classes);
        List<Violation> violations = new EdcProfileGuard(EdcAllowlist.edc13()).scan(classes);
        String report = EdcProfileGuard.report(violations, classes.toString());
        if (report != null) {
            fail(report);
        }
    }
}
