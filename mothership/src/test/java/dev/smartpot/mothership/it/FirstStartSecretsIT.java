package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.web.security.LoginStore;
import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Processes;

/**
 * Issue 23, hole 9: the first start printed the dashboard password and API token (under systemd: into the
 * journal), and outside systemd the database was 0644 in a 0755 folder. A real mothership process, started as a
 * person would with the usual umask 022, on a fresh data folder.
 */
class FirstStartSecretsIT {

    @Test
    void theSecretsGoToAnOwnerOnlyFileAndTheDataFolderIsPrivate() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data").toAbsolutePath()), "first-")
                .resolve("mothership");
        Path output = data.getParent().resolve("output.log");
        Process mothership = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.smartpot.mothership.MothershipMain",
                "--broker-port", "0", "--http", "0.0.0.0:" + Loopback.freePort(), "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(output).contains("Ctrl-C to stop")
                    || !mothership.isAlive());
            String said = Files.readString(output);
            Path secrets = data.resolve(LoginStore.SECRETS_FILE);
            assertTrue(said.contains(secrets.toString()), "the path is printed: " + said);
            List<String> lines = Files.readAllLines(secrets);
            String password = value(lines, "password ");
            String token = value(lines, "api_token ");
            assertFalse(said.contains(password), "the password is not printed: " + said);
            assertFalse(said.contains(token), "the token is not printed: " + said);

            assertEquals("rw-------", mode(secrets));
            assertEquals("rwx------", mode(data));
            try (Stream<Path> files = Files.list(data)) {
                for (Path f : files.toList()) {
                    assertEquals("rw-------", mode(f), f.toString());
                }
            }
        } finally {
            Processes.stop(mothership);
        }
    }

    private static String value(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
