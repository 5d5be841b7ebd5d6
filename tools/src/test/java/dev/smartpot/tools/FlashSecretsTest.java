package dev.smartpot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/flash --prepare-only writes the firmware's copy of the board file (WiFi and MQTT passwords) and the pot's
 * TLS key: both owner-only in owner-only folders, and a board file other users can read is named with its fix.
 */
class FlashSecretsTest {

    private static final Path FIRMWARE = FlashScriptTest.ROOT.resolve("firmware/microej/generated/resources/dev/smartpot/firmware");

    @TempDir
    Path tmp;

    @Test
    void theFirmwaresSecretsAreWrittenOwnerOnlyAndAReadableBoardFileIsNamed() throws Exception {
        TlsFixtures tls = new TlsFixtures(tmp.resolve("tls"));
        Path board = boardFile(tls);
        Files.setPosixFilePermissions(board, PosixFilePermissions.fromString("rw-r--r--"));
        String out = prepare(board);
        assertTrue(out.contains("flash: warning: " + board + " holds wifi.password and mqtt.password and can be read by every user"
                + " of this computer (rw-r--r--). Fix: chmod 600 " + board), out);
        for (Path secret : List.of(FIRMWARE.resolve("board.properties"), FIRMWARE.resolve("tls/client.key.der"),
                FIRMWARE.resolve("tls/client.crt"), FIRMWARE.resolve("tls/ca.crt"), FIRMWARE.resolve("tls.resources.list"))) {
            assertEquals("rw-------", mode(secret), secret + " is the owner's alone");
        }
        for (Path folder : List.of(FIRMWARE, FIRMWARE.resolve("tls"))) {
            assertEquals("rwx------", mode(folder), folder + " is the owner's alone");
        }
        assertTrue(Files.readString(FIRMWARE.resolve("board.properties")).contains("wifi.password = correct horse battery"));
    }

    @Test
    void aPrivateBoardFileGetsNoWarningAndAnEarlierLooseFileIsTightened() throws Exception {
        TlsFixtures tls = new TlsFixtures(tmp.resolve("tls"));
        Path board = boardFile(tls);
        Files.setPosixFilePermissions(board, PosixFilePermissions.fromString("rw-------"));
        // What an earlier version of scripts/flash left behind: readable by everyone.
        Files.createDirectories(FIRMWARE);
        Files.writeString(FIRMWARE.resolve("board.properties"), "old\n");
        Files.setPosixFilePermissions(FIRMWARE.resolve("board.properties"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(FIRMWARE, PosixFilePermissions.fromString("rwxr-xr-x"));
        String out = prepare(board);
        assertFalse(out.contains("warning"), out);
        assertEquals("rw-------", mode(FIRMWARE.resolve("board.properties")));
        assertEquals("rwx------", mode(FIRMWARE));
    }

    private Path boardFile(TlsFixtures tls) throws IOException {
        Path file = new BoardConfigCheckTest().filledInAt(tmp, "esp-wrover-kit.properties", "mqtt.username = {id}\n"
                + "mqtt.password = pot-secret-1\nmqtt.tls.ca = " + tls.ca + "\nmqtt.tls.cert = " + tls.potCert + "\nmqtt.tls.key = "
                + tls.potKey + "\n");
        Files.writeString(file, Files.readString(file).replace("mqtt.broker = 192.168.1.10", "mqtt.broker = ssl://pi4.local:8883"));
        return file;
    }

    private String prepare(Path board) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", FlashScriptTest.ROOT.resolve("scripts/flash").toString(), board.toString(),
                "--prepare-only").redirectErrorStream(true).directory(tmp.toFile());
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scripts/flash timed out");
        }
        String out = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
