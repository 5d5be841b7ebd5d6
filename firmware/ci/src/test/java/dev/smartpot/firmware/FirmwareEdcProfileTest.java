package dev.smartpot.firmware;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.edc.EdcAllowlist;
import dev.smartpot.device.edc.EdcProfileGuard;
import dev.smartpot.device.edc.Violation;

/**
 * The firmware's own classes (entry point and adapters, compiled from firmware/microej/src/main/java) obey the
 * same EDC profile as the core. MicroEJ library types (ej.*, MicroPaho) and the core (checked in the device
 * module) are not JDK types; the NET types the adapters need are in firmware-extra-allowlist.txt.
 */
class FirmwareEdcProfileTest {

    @Test
    void adaptersStayInsideTheEdcProfile() throws URISyntaxException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(classes.resolve("dev/smartpot/firmware")), "expected the firmware classes under " + classes);
        EdcAllowlist allow = EdcAllowlist.edc13().addResource("/edc/firmware-extra-allowlist.txt");
        List<Violation> v = new EdcProfileGuard(allow, "ej.", "org.eclipse.paho.", "dev.smartpot.device.").scan(classes);
        String report = EdcProfileGuard.report(v, classes.toString());
        if (report != null) {
            fail(report);
        }
    }
}
