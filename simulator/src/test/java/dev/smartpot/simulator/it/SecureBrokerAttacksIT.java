package dev.smartpot.simulator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secure broker's holes from issue 12, replayed as an attacker holding one pot's login would, against the
 * Mosquitto that {@code scripts/broker --secure} runs: each attack must fail with nothing lost.
 */
class SecureBrokerAttacksIT {

    private static final String POT_A = "02578bded277";
    private static final String POT_B = "b0b0b0b0b0b0";

    private static SecureBroker broker;
    private static String firstRun;

    @BeforeAll
    static void setUpTheMothership() throws Exception {
        Path dir = SecureBroker.freshDir();
        int port = MosquittoBroker.freePort();
        firstRun = SecureBroker.setUp(dir, port, "--pots", POT_A + "," + POT_B);
        broker = SecureBroker.start(dir, port);
    }

    @AfterAll
    static void stopTheMothership() throws Exception {
        broker.close();
    }

    /** Pot B, a real simulated pot on the file the script wrote for it. */
    private static PotUnderTest potB() throws Exception {
        return new PotUnderTest(broker.uri(), Files.readString(broker.potSettings(POT_B)));
    }

    /** mosquitto_sub/_pub logged in as {@code account}, its password in an options file as the mothership's is. */
    private static ProcessBuilder as(String account, Path temp, String tool, String... args) throws IOException {
        Path options = Files.createDirectories(temp.resolve("options-" + account));
        Files.writeString(options.resolve(tool), "-h 127.0.0.1\n-p " + broker.port + "\n--cafile " + broker.caFile()
                + "\n-u " + account + "\n-P " + broker.password(account) + "\n");
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("XDG_CONFIG_HOME", options.toString());
        return builder;
    }

    @Test
    void oneLoginCannotKnockAnotherPotOffline(@TempDir Path temp) throws Exception {
        Path statuses = temp.resolve("statuses.txt");
        Process watch = broker.mothership("mosquitto_sub", "-t", "to_mothership/" + POT_B + "/status", "-v")
                .redirectOutput(statuses.toFile()).start();
        try (PotUnderTest b = potB()) {
            b.awaitLog("status to_mothership/" + POT_B + "/status = online", Duration.ofSeconds(20));
            // The attack: pot A's login claiming pot B's client id, five times over.
            for (int i = 0; i < 5; i++) {
                Result attacker = run(as(POT_A, temp, "mosquitto_sub", "-i", POT_B, "-t", "from_mothership", "-W", "1"));
                assertEquals(27, attacker.exit, "the attacker's login itself works (it waits, then times out): " + attacker.out);
            }
            String published = lastPublished(b);
            Awaitility.await("pot B keeps publishing").atMost(Duration.ofSeconds(10)).until(() -> !lastPublished(b).equals(published));
            assertEquals(0, SecureBrokerIT.count(broker.output(), "already connected, closing old connection"), broker.output());
            assertTrue(broker.output().contains("as " + POT_A + " (p2, c1, k60, u'" + POT_A + "')"),
                    "the broker gave the attacker its own login's id, not pot B's:\n" + broker.output());
        } finally {
            watch.destroy();
            watch.waitFor(10, TimeUnit.SECONDS);
        }
        List<String> all = Files.readAllLines(statuses);
        int online = all.indexOf("to_mothership/" + POT_B + "/status online");
        assertTrue(online >= 0, "B was online: " + all);
        List<String> seen = all.subList(online, all.size());
        assertEquals(1, seen.stream().filter(l -> l.endsWith(" offline")).count(),
                "B went offline once, at its own clean stop, never during the attack: " + seen);
        assertTrue(seen.get(seen.size() - 1).endsWith(" offline"), seen.toString());
    }

    @Test
    void aPotCannotMakeTheBrokerKeepLargeOrStrayRetainedMessages(@TempDir Path temp) throws Exception {
        String status = "to_mothership/" + POT_A + "/status";
        assertEquals(0, run(as(POT_A, temp, "mosquitto_pub", "-r", "-t", status, "-m", "online")).exit);
        Path big = temp.resolve("big.bin");
        Files.write(big, new byte[1024 * 1024]);
        // The broker cuts the sender off (at QoS 0 mosquitto_pub may not notice): what counts is what is kept, below.
        run(as(POT_A, temp, "mosquitto_pub", "-r", "-t", status, "-f", big.toString()));
        // Stray topics under its own branch and someone else's discovery: the ACL lets a pot write none of them.
        for (String stray : List.of("to_mothership/" + POT_A + "/junk", "homeassistant/sensor/" + POT_A + "/extra/config",
                "homeassistant/sensor/" + POT_B + "/moisture/config")) {
            assertEquals(0, run(as(POT_A, temp, "mosquitto_pub", "-r", "-t", stray, "-m", "{\"name\":\"stray\"}")).exit);
        }
        try (PotUnderTest b = potB()) {
            b.awaitLog("announced to Home Assistant", Duration.ofSeconds(20));
            Result retained = run(broker.mothership("mosquitto_sub", "-t", "to_mothership/#", "-t", "homeassistant/#", "-v",
                    "--retained-only", "-W", "3"));
            assertTrue(retained.out.contains(status + " online\n"), "the small status stayed: " + retained.out);
            assertFalse(retained.out.contains("stray"), "no stray retained message was kept: " + retained.out);
            for (String config : List.of("homeassistant/sensor/" + POT_B + "/moisture/config", "homeassistant/sensor/" + POT_B
                    + "/raw/config", "homeassistant/binary_sensor/" + POT_B + "/sensor_fault/config")) {
                assertTrue(retained.out.contains(config + " {"), "a pot's largest legitimate messages, its discovery configs,"
                        + " fit the limit and the ACL: " + config + " in\n" + retained.out);
            }
        }
    }

    @Test
    void tls12AcceptsOnlyAeadSuitesAndTheCaMaySignOnlyServerCertificates() throws Exception {
        for (String cbc : List.of("ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA384", "ECDHE-ECDSA-AES128-SHA256")) {
            String out = handshake(cbc);
            assertTrue(out.contains("handshake failure") && !out.contains("Cipher is " + cbc), cbc + " must be refused:\n" + out);
        }
        for (String aead : List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305")) {
            assertTrue(handshake(aead).contains("Cipher is " + aead), aead + " is accepted");
        }
        X509Certificate ca;
        try (var in = Files.newInputStream(broker.caFile())) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertEquals(0, ca.getBasicConstraints(), "a CA with pathlen:0: it signs no other CA");
        boolean[] usage = ca.getKeyUsage();
        assertTrue(usage != null && usage[5] && usage[6], "keyUsage keyCertSign and cRLSign");
        assertTrue(ca.getCriticalExtensionOIDs().contains("2.5.29.15"), "keyUsage is critical");
        assertFalse(broker.output().contains("does not contain '%c' or '%u'"), "no ACL warning at start:\n" + broker.output());
    }

    @Test
    void noPasswordAppearsInAnyProcesssArguments(@TempDir Path temp) throws Exception {
        // The setup script, adding a pot: every command it runs is logged with its arguments by a wrapper.
        Path argv = temp.resolve("argv.log");
        Path shims = ArgvShims.create(temp.resolve("bin"), argv);
        String added = "c0c0c0c0c0c0";
        ProcessBuilder setup = new ProcessBuilder(SecureBroker.SCRIPT.toString(), "--secure", "--dir", broker.dir.toString(),
                "--bind", "127.0.0.1", "--port", Integer.toString(broker.port), "--mothership-port",
                Integer.toString(broker.mothershipPort), "--pots", added, "--setup-only").redirectErrorStream(true);
        setup.environment().put("PATH", shims + File.pathSeparator + System.getenv("PATH"));
        setup.environment().put("ARGV_LOG", argv.toString());
        Result done = run(setup);
        assertEquals(0, done.exit, done.out);
        String commands = Files.readString(argv);
        assertTrue(commands.contains("openssl") && commands.contains("mosquitto_passwd"), "the wrappers saw the commands:\n" + commands);
        for (String account : List.of("mothership", POT_A, POT_B, added)) {
            assertFalse(commands.contains(broker.password(account)), account + "'s password was an argument of a command:\n" + commands);
        }
        assertTrue(Files.readString(broker.potSettings(added)).contains("mqtt.password = " + broker.password(added)));

        // The documented mothership commands, running: no process on this computer shows a password.
        Process watch = broker.mothership("mosquitto_sub", "-t", "to_mothership/#", "-v").start();
        try (PotUnderTest b = potB()) {
            b.awaitLog("published #1", Duration.ofSeconds(20));
            assertEquals(0, run(broker.mothership("mosquitto_pub", "-t", "from_mothership", "-m", "status")).exit);
            String everyCommandLine = ArgvShims.allCommandLines();
            assertTrue(everyCommandLine.contains("mosquitto_sub -t to_mothership/# -v"), "the watch is running");
            for (String account : List.of("mothership", POT_A, POT_B, added)) {
                assertFalse(everyCommandLine.contains(broker.password(account)), account + "'s password is in a process's arguments");
            }
        } finally {
            watch.destroy();
            watch.waitFor(10, TimeUnit.SECONDS);
        }
        String others = PosixFilePermissions.toString(Files.getPosixFilePermissions(broker.dir.resolve("mothership/mosquitto_sub")));
        assertEquals("rw-------", others, "the options file holding the password is the owner's alone");
    }

    @Test
    void aPotAddedToTheRunningBrokerLogsInAtOnceAndTheMessageSaysWhereItsFileDials() throws Exception {
        String added = "d0d0d0d0d0d0";
        String out = broker.setUpAgain("--pots", added, "--host", "pi4.local");
        assertTrue(out.contains("broker: reloaded the running mosquitto (pid "), out);
        assertTrue(out.contains("new accounts and ACL work now"), out);
        assertTrue(out.contains("it keeps serving the old server certificate until you restart it"), "a new name needs a restart: " + out);
        assertTrue(out.contains("pot settings pots/" + added + ".properties (dials ssl://pi4.local:" + broker.port
                + ": for the pot on your network; on this computer add --broker ssl://127.0.0.1:" + broker.port + ")"), out);
        assertTrue(out.contains("./scripts/simulate --config " + broker.potSettings(added) + " --broker ssl://127.0.0.1:" + broker.port), out);
        Awaitility.await("no ACL warning after the reload").atMost(Duration.ofSeconds(5))
                .until(() -> broker.output().contains("Reloading config."));
        assertFalse(broker.output().contains("does not contain '%c' or '%u'"), broker.output());
        // The pot, run here as the message says, is let in without restarting the broker.
        try (PotUnderTest pot = new PotUnderTest("ssl://127.0.0.1:" + broker.port, Files.readString(broker.potSettings(added))
                .replace("mqtt.broker = ", "# was: mqtt.broker = "))) {
            pot.awaitLog("status to_mothership/" + added + "/status = online", Duration.ofSeconds(20));
            pot.awaitLog("published #1 to to_mothership/" + added, Duration.ofSeconds(10));
        }
        // The printed mothership command works exactly as printed.
        String command = line(out, "  command a pot:      ");
        Result sent = run(new ProcessBuilder("bash", "-c", command).redirectErrorStream(true));
        assertEquals(0, sent.exit, command + "\n" + sent.out);
    }

    private static String line(String text, String prefix) {
        for (String l : text.split("\n")) {
            if (l.startsWith(prefix)) {
                return l.substring(prefix.length());
            }
        }
        throw new AssertionError("no line starting with \"" + prefix + "\" in:\n" + text);
    }

    private static String lastPublished(PotUnderTest pot) {
        String console = pot.console();
        int at = console.lastIndexOf("published #");
        return at < 0 ? "" : console.substring(at, console.indexOf(' ', at + 11));
    }

    private static String handshake(String cipher) throws Exception {
        ProcessBuilder p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + broker.port, "-tls1_2",
                "-cipher", cipher, "-CAfile", broker.caFile().toString()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return run(p).out;
    }

    record Result(int exit, String out) {
    }

    static Result run(ProcessBuilder command) throws Exception {
        Process p = command.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in 30 s: " + command.command());
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
