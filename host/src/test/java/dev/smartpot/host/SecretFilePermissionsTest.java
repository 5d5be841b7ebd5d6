package dev.smartpot.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

/** The warning a user sees for a secret in a file others can read, and none for a private one. */
class SecretFilePermissionsTest {

    @Test
    void warnsWhenOthersOrTheGroupCanReadAndSaysHowToFixIt() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "secret-files")), "t");
        Path file = Files.writeString(dir.resolve("pot.properties"), "mqtt.password = x\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertNull(SecretFilePermissions.warning(file, "mqtt.password"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals("warning: " + file + " holds mqtt.password and can be read by its group (rw-r-----). Fix: chmod 600 " + file,
                SecretFilePermissions.warning(file, "mqtt.password"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("warning: " + file + " holds mqtt.password and can be read by every user of this computer (rw-r--r--)."
                + " Fix: chmod 600 " + file, SecretFilePermissions.warning(file, "mqtt.password"));
    }
}
