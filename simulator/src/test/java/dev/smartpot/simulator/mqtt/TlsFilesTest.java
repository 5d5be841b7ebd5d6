package dev.smartpot.simulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.device.config.ConfigProblem;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.SimulatorMain;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.testkit.RequiredTool;
import dev.smartpot.testkit.TestCertificates;

/** TLS files named in the configuration are checked before anything starts, each problem with its fix. */
class TlsFilesTest {

    @TempDir
    static Path dir;
    private static TestCertificates.Pair ca;
    private static TestCertificates.Pair pot;
    private static TestCertificates.Pair other;

    @BeforeAll
    static void makeCertificates() throws Exception {
        TestCertificates make = new TestCertificates(dir);
        ca = make.authority("ca");
        pot = make.issue("pot", ca, 30, "pot");
        other = make.issue("other", ca, 30, "other");
    }

    private static List<String> problems(String tls) {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(
                "wifi.ssid = Net\nmqtt.broker = ssl://pi.local\n" + tls, "pot.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig.read(reader, device);
        return reader.problems().stream().map(ConfigProblem::message).toList();
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(args));
        command.set(0, RequiredTool.OPENSSL.path());
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    }

    @Test
    void goodFilesPass() {
        assertEquals(List.of(), problems("mqtt.tls.ca = " + ca.certificate() + "\nmqtt.tls.cert = " + pot.certificate()
                + "\nmqtt.tls.key = " + pot.key() + "\n"));
    }

    @Test
    void aMissingCaFileSaysWhereRelativePathsStart() {
        List<String> p = problems("mqtt.tls.ca = certs/nope.crt\n");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("pot.properties:3: mqtt.tls.ca = \"certs/nope.crt\": names a file that does not exist"
                + " (relative paths start from " + Path.of("").toAbsolutePath() + "). Fix: point it at the PEM certificate of the CA"
                + " that signed the broker's certificate"), p.get(0));
    }

    @Test
    void swappedCertificateAndKeyAreNamed() {
        List<String> p = problems("mqtt.tls.ca = " + ca.key() + "\n");
        assertTrue(p.get(0).contains("holds a private key, not a certificate (did you swap the certificate and key files?)"), p.toString());
        List<String> q = problems("mqtt.tls.ca = " + ca.certificate() + "\nmqtt.tls.cert = " + pot.certificate()
                + "\nmqtt.tls.key = " + pot.certificate() + "\n");
        assertTrue(q.get(0).startsWith("pot.properties:5: mqtt.tls.key = \"<hidden>\": names a file that holds a certificate,"
                + " not a private key"), q.toString());
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        List<String> p = problems("mqtt.tls.ca = " + ca.certificate() + "\nmqtt.tls.cert = " + pot.certificate()
                + "\nmqtt.tls.key = " + other.key() + "\n");
        assertEquals(List.of("pot.properties:5: mqtt.tls.key = \"<hidden>\": is not the private key of the certificate in"
                + " mqtt.tls.cert (CN=pot). Fix: point it at the unencrypted PEM private key of mqtt.tls.cert"), p);
    }

    @Test
    void olderAndEncryptedKeyFormatsSayHowToConvert() throws Exception {
        openssl("openssl", "ec", "-in", pot.key().toString(), "-out", "sec1.key");
        openssl("openssl", "pkcs8", "-topk8", "-in", pot.key().toString(), "-out", "encrypted.key", "-passout", "pass:secret");
        for (String file : List.of("sec1.key", "encrypted.key")) {
            List<String> p = problems("mqtt.tls.ca = " + ca.certificate() + "\nmqtt.tls.cert = " + pot.certificate()
                    + "\nmqtt.tls.key = " + dir.resolve(file) + "\n");
            assertEquals(1, p.size(), p.toString());
            assertTrue(p.get(0).contains("convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem"), p.get(0));
        }
    }

    @Test
    void aTlsSettingsFileForcedOntoTheEmbeddedBrokerSaysToDropTheFlag(@TempDir Path temp) throws Exception {
        Path config = temp.resolve("pot.properties");
        Files.writeString(config, "wifi.ssid = Net\nmqtt.broker = ssl://pi.local\nmqtt.tls.ca = " + ca.certificate() + "\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, SimulatorMain.run(new String[] {"--config", config.toString(), "--broker", "embedded"}, errors, errors, new ByteArrayInputStream(new byte[0])));
        assertEquals("simulate: " + config + ":2: mqtt.broker is a TLS broker (ssl://pi.local), but --broker is embedded,"
                + " which has no TLS. Fix: drop --broker embedded to use the file's broker, or pass --broker ssl://HOST:PORT\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSimulatorStartsNothingWithAnUnusableCa(@TempDir Path temp) throws Exception {
        Path config = temp.resolve("pot.properties");
        Files.writeString(config, "wifi.ssid = Net\nmqtt.broker = ssl://127.0.0.1:1\nmqtt.tls.ca = " + temp.resolve("missing.crt") + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SimulatorMain.run(new String[] {"--config", config.toString(), "--broker", "config"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("1 problem in the configuration; nothing was started"), err.toString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("mqtt.tls.ca = \"" + temp.resolve("missing.crt") + "\": names a file"
                + " that does not exist"), err.toString());
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("smartpot simulator"), out.toString());
    }
}
