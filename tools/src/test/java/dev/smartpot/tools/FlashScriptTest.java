package dev.smartpot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/flash end to end in --dry-run: a filled-in board file prints the whole plan and exits 0; the unedited
 * template or a bad board file exits 2 naming the key, before any build step. Nothing is built or flashed here,
 * and no SDK is needed.
 */
class FlashScriptTest {

    static final Path ROOT = Path.of(System.getProperty("basedir", "."), "..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void dryRunOnAFilledInCopyPrintsEveryStepAndExitsZero() throws Exception {
        Path file = new BoardConfigCheckTest().filledInAt(tmp, "esp-wrover-kit.properties", "");
        Result r = flash(file.toString(), "--dry-run", "--port", "/dev/ttyUSB7");
        assertEquals(0, r.exit, r.output);
        for (String expected : List.of("[1] validate", "is valid", "[2] write the firmware's configuration resource",
                "[3] check the MicroEJ SDK 6", "[4] build the firmware", "gradle buildExecutable",
                "[5] flash", "/dev/ttyUSB7", "[6] watch the console", "dry run: nothing was written, built or flashed")) {
            assertTrue(r.output.contains(expected), "missing \"" + expected + "\" in:\n" + r.output);
        }
        assertFalse(Files.exists(ROOT.resolve("firmware/microej/generated/resources/dev/smartpot/firmware/board.properties"))
                && r.output.contains("wrote"), "a dry run writes nothing");
    }

    @Test
    void theUneditedTemplateStopsBeforeAnyBuildWithExitTwo() throws Exception {
        Result r = flash(ROOT.resolve("board-config/esp32-s3-devkitc-1.properties").toString(), "--dry-run");
        assertEquals(2, r.exit, r.output);
        assertTrue(r.output.contains("wifi.ssid = \"YOUR_SSID\": still holds the template placeholder"), r.output);
        assertFalse(r.output.contains("[2]"), "no step after validation may run: " + r.output);
    }

    @Test
    void anAdc2PinStopsWithTheExplanation() throws Exception {
        Path file = new BoardConfigCheckTest().filledInAt(tmp, "esp-wrover-kit.properties", "sensor.adc.pin = 26\n");
        Result r = flash(file.toString(), "--dry-run");
        assertEquals(2, r.exit, r.output);
        assertTrue(r.output.contains("GPIO 26 is an ADC2 pin; ADC2 is shared with the WiFi driver"), r.output);
    }

    @Test
    void withoutTheSdkARealRunStopsWithWhatToInstall() throws Exception {
        Path file = new BoardConfigCheckTest().filledInAt(tmp, "esp-wrover-kit.properties", "");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path generated = ROOT.resolve("firmware/microej/generated");
        Path resource = generated.resolve("resources/dev/smartpot/firmware/board.properties");
        boolean generatedExisted = Files.exists(generated);
        boolean existed = Files.exists(resource);
        byte[] previous = existed ? Files.readAllBytes(resource) : null;
        try {
            Result r = flash(Map.of("HOME", home.toString(), "PATH", "/usr/bin:/bin:" + javaBin()), file.toString(),
                    "--port", tmp.resolve("no-such-port").toString());
            assertEquals(3, r.exit, r.output);
            assertTrue(r.output.contains("cannot build and flash yet; install or set:"), r.output);
            assertTrue(r.output.contains("VEE Port: build it from MicroEJ's VEEPort-Espressif repository with the MicroEJ SDK 5"), r.output);
            assertFalse(r.output.contains("[4] build"), r.output);
        } finally {
            if (existed) {
                Files.write(resource, previous);
            } else if (!generatedExisted) {
                try (java.util.stream.Stream<Path> walk = Files.walk(generated)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            } else {
                Files.deleteIfExists(resource);
            }
        }
    }

    @Test
    void dryRunOnATlsBoardFileShowsTheCertificatesBeingCopiedIntoTheFirmware() throws Exception {
        TlsFixtures tls = new TlsFixtures(tmp.resolve("certs"));
        Path file = new BoardConfigCheckTest().filledInAt(tmp, "esp-wrover-kit.properties", "mqtt.tls.ca = " + tls.ca
                + "\nmqtt.tls.cert = " + tls.potCert + "\nmqtt.tls.key = " + tls.potKey + "\n");
        Files.writeString(file, Files.readString(file).replace("mqtt.broker = 192.168.1.10", "mqtt.broker = ssl://pi4.local"));
        Result r = flash(file.toString(), "--dry-run");
        assertEquals(0, r.exit, r.output);
        String firmware = "firmware/microej/generated/resources/dev/smartpot/firmware/";
        for (String expected : List.of("[2] write the firmware's configuration resource and copy the TLS files it names",
                "      would copy " + tls.ca + " -> " + firmware + "tls/ca.crt; in the firmware mqtt.tls.ca = /dev/smartpot/firmware/tls/ca.crt",
                "      would copy " + tls.potCert + " -> " + firmware + "tls/client.crt; in the firmware mqtt.tls.cert = ",
                "      would copy " + tls.potKey + " -> " + firmware + "tls/client.key.der (as DER); in the firmware mqtt.tls.key = ",
                "      would list them in " + firmware + "tls.resources.list", "[4] build the firmware")) {
            assertTrue(r.output.contains(expected), "missing \"" + expected + "\" in:\n" + r.output);
        }
        assertFalse(Files.exists(ROOT.resolve(firmware).resolve("tls.resources.list")) && r.output.contains("copied"), "a dry run copies nothing");
    }

    @Test
    void aBrokenCaFileStopsBeforeAnyBuildWithExitTwoNamingMqttTlsCa() throws Exception {
        Path broken = tmp.resolve("ca.crt");
        Files.writeString(broken, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        Path file = new BoardConfigCheckTest().filledInAt(tmp, "esp-wrover-kit.properties", "mqtt.tls.ca = " + broken + "\n");
        Files.writeString(file, Files.readString(file).replace("mqtt.broker = 192.168.1.10", "mqtt.broker = ssl://pi4.local"));
        Result r = flash(file.toString(), "--dry-run");
        assertEquals(2, r.exit, r.output);
        assertTrue(r.output.contains("mqtt.tls.ca = \"" + broken + "\": names a file that is not a PEM certificate"), r.output);
        assertFalse(r.output.contains("[2]"), "no step after validation may run: " + r.output);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin").toString();
    }

    record Result(int exit, String output) {
    }

    private Result flash(String... args) throws IOException, InterruptedException {
        return flash(Map.of(), args);
    }

    private Result flash(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("scripts/flash").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(tmp.toFile());
        pb.environment().remove("SMARTPOT_VEE_PORT");
        pb.environment().remove("SMARTPOT_BSP_DIR");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scripts/flash timed out");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
