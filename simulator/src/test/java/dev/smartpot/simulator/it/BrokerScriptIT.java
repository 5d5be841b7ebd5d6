package dev.smartpot.simulator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.simulator.it.SecureBrokerAttacksIT.Result;

/**
 * scripts/broker as a newcomer meets it (issue 14): its help, what happens when its terminal closes, the open
 * broker's size limit, and the Raspberry Pi route that drops a snippet into Debian's own Mosquitto.
 */
class BrokerScriptIT {

    private static final Path ROOT = SecureBroker.SCRIPT.getParent().getParent();
    private static final boolean ROOT_USER = "root".equals(System.getProperty("user.name"));

    @Test
    void helpExplainsTheOptionsAndTheExitCodesItReallyUses() throws Exception {
        Result help = SecureBrokerAttacksIT.run(new ProcessBuilder(SecureBroker.SCRIPT.toString(), "--help").redirectErrorStream(true));
        assertEquals(0, help.exit(), help.out());
        for (String expected : List.of("usage: scripts/broker [--port N] [--bind ADDRESS]", "--mothership-port", "--setup-only",
                "129  the terminal was closed (SIGHUP): Mosquitto was stopped", "130  Ctrl-C (SIGINT): Mosquitto was stopped",
                "2    bad arguments")) {
            assertTrue(help.out().contains(expected), "missing \"" + expected + "\" in:\n" + help.out());
        }
        assertFalse(help.out().contains("set -euo") || help.out().contains("$("), "no line of the script itself:\n" + help.out());
        Result wrong = SecureBrokerAttacksIT.run(new ProcessBuilder(SecureBroker.SCRIPT.toString(), "--colour").redirectErrorStream(true));
        assertEquals(2, wrong.exit(), wrong.out());
        assertTrue(wrong.out().contains("broker: unknown option --colour") && wrong.out().contains("scripts/broker --help explains"), wrong.out());
    }

    @Test
    void closingTheTerminalOrCtrlCStopsMosquittoAndTheOpenBrokerRefusesHugeMessages(@TempDir Path temp) throws Exception {
        int port = MosquittoBroker.freePort();
        Process script = startOpenBroker(port, temp);
        ProcessHandle mosquitto = mosquittoUnder(script);
        try {
            Awaitility.await("open broker accepting").atMost(Duration.ofSeconds(10)).until(() -> accepting(port));
            Path big = temp.resolve("big.bin");
            Files.write(big, new byte[1024 * 1024]);
            try (Subscriber watch = new Subscriber("tcp://127.0.0.1:" + port, "to_mothership")) {
                SecureBrokerAttacksIT.run(new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(port),
                        "-t", "to_mothership", "-f", big.toString()).redirectErrorStream(true));
                Result small = SecureBrokerAttacksIT.run(new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p",
                        Integer.toString(port), "-t", "to_mothership", "-m", "Test to mothership #0").redirectErrorStream(true));
                assertEquals(0, small.exit(), small.out());
                watch.awaitCount("to_mothership", 1, Duration.ofSeconds(10));
                assertEquals(List.of("Test to mothership #0"), watch.payloads("to_mothership"),
                        "the 1 MB message was dropped, the tutorial's one delivered");
            }

            signal("HUP", script.pid());
            assertTrue(script.waitFor(15, TimeUnit.SECONDS), "the script ends when its terminal closes");
            assertEquals(129, script.exitValue());
            Awaitility.await("mosquitto gone").atMost(Duration.ofSeconds(10)).until(() -> !mosquitto.isAlive());
            assertTrue(Files.readString(temp.resolve("broker.log")).contains("broker: the terminal was closed (SIGHUP): mosquitto stopped"));
        } finally {
            stop(script, mosquitto);
        }

        Process again = startOpenBroker(port, temp);
        ProcessHandle second = mosquittoUnder(again);
        try {
            signal("INT", again.pid());
            assertTrue(again.waitFor(15, TimeUnit.SECONDS), "Ctrl-C ends the script");
            assertEquals(130, again.exitValue(), "the code --help lists for Ctrl-C");
            Awaitility.await("mosquitto gone").atMost(Duration.ofSeconds(10)).until(() -> !second.isAlive());
        } finally {
            stop(again, second);
        }
    }

    @Test
    void theRaspberryPiSnippetRunsInDebiansOwnMosquittoAndTheTutorialWorks(@TempDir Path temp) throws Exception {
        int port = MosquittoBroker.freePort();
        Path etc = debianLayout(temp.resolve("etc"));
        Files.writeString(etc.resolve("conf.d/smartpot.conf"), Files.readString(ROOT.resolve("board-config/mosquitto/conf.d/smartpot.conf"))
                .replace("\nlistener 1883\n", "\nlistener " + port + " 127.0.0.1\n"));
        Process mosquitto = new ProcessBuilder(MosquittoBroker.binary(), "-c", etc.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("stdout.log").toFile()).start();
        try {
            Awaitility.await("Debian's mosquitto with the snippet accepts on " + port).atMost(Duration.ofSeconds(10))
                    .until(() -> {
                        if (!mosquitto.isAlive()) {
                            throw new AssertionError("mosquitto stopped:\n" + Files.readString(temp.resolve("stdout.log")));
                        }
                        return SecureBrokerAttacksIT.run(new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p",
                                Integer.toString(port), "-t", "probe", "-m", "x").redirectErrorStream(true)).exit() == 0;
                    });
            // The tutorial's lines against it, with a real pot.
            Process watch = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-t", "to_mothership",
                    "-C", "2", "-W", "20").redirectErrorStream(true).start();
            try (PotUnderTest pot = new PotUnderTest("tcp://127.0.0.1:" + port, "")) {
                pot.awaitLog("published #1 to to_mothership", Duration.ofSeconds(20));
                assertEquals(0, SecureBrokerAttacksIT.run(new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p",
                        Integer.toString(port), "-t", "from_mothership", "-m", "wassap!")).exit());
                pot.awaitLog("(from_mothership, wassap!)", Duration.ofSeconds(5));
                String seen = new String(watch.getInputStream().readAllBytes());
                assertTrue(watch.waitFor(20, TimeUnit.SECONDS));
                assertTrue(seen.contains("\"seq\":"), "mosquitto_sub -t to_mothership sees the readings: " + seen);
            } finally {
                watch.destroy();
            }
            assertTrue(Files.exists(etc.resolve("var/lib/mosquitto")), "Debian's persistence folder is the one used");
        } finally {
            mosquitto.destroy();
            assertTrue(mosquitto.waitFor(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void theSecureConfigDropsIntoDebiansMosquittoAsItsHeaderSays(@TempDir Path temp) throws Exception {
        // The files scripts/broker --secure --setup-only makes, placed where the header of mosquitto-secure.conf says.
        int pots = MosquittoBroker.freePort();
        int mothership = MosquittoBroker.freePort();
        Path made = SecureBroker.freshDir();
        Result setup = SecureBrokerAttacksIT.run(new ProcessBuilder(SecureBroker.SCRIPT.toString(), "--secure", "--setup-only",
                "--dir", made.toString(), "--bind", "127.0.0.1", "--port", Integer.toString(pots), "--mothership-port",
                Integer.toString(mothership)).redirectErrorStream(true));
        assertEquals(0, setup.exit(), setup.out());
        Path etc = temp.resolve("etc");
        Files.createDirectories(etc.resolve("certs"));
        for (String file : List.of("ca.crt", "server.crt", "server.key")) {
            Files.copy(made.resolve(file), etc.resolve("certs").resolve(file));
        }
        Files.copy(made.resolve("pots.passwd"), etc.resolve("pots.passwd"));
        Files.copy(made.resolve("mothership.passwd"), etc.resolve("mothership.passwd"));
        Files.copy(made.resolve("acl"), etc.resolve("smartpot.acl"));
        debianLayout(etc);
        String secure = Files.readString(ROOT.resolve("board-config/mosquitto/mosquitto-secure.conf"))
                .replace("\nlistener 8883\n", "\nlistener " + pots + " 127.0.0.1\n")
                .replace("\nlistener 8884\n", "\nlistener " + mothership + " 127.0.0.1\n")
                .replace(" /etc/mosquitto/", " " + etc + "/");
        Files.writeString(etc.resolve("conf.d/smartpot.conf"), secure);
        Process mosquitto = new ProcessBuilder(MosquittoBroker.binary(), "-c", etc.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("stdout.log").toFile()).start();
        try {
            Awaitility.await("Debian's mosquitto with the secure config").atMost(Duration.ofSeconds(10)).until(() -> {
                if (!mosquitto.isAlive()) {
                    throw new AssertionError("mosquitto stopped:\n" + Files.readString(temp.resolve("stdout.log")));
                }
                return accepting(pots) && accepting(mothership);
            });
            try (PotUnderTest pot = new PotUnderTest("ssl://127.0.0.1:" + pots, Files.readString(made.resolve("pots/02578bded277.properties")))) {
                pot.awaitLog("status to_mothership/02578bded277/status = online", Duration.ofSeconds(20));
                ProcessBuilder watch = new ProcessBuilder("mosquitto_sub", "-t", "to_mothership/02578bded277", "-C", "1", "-W", "10")
                        .redirectErrorStream(true);
                watch.environment().put("XDG_CONFIG_HOME", made.resolve("mothership").toString());
                Result seen = SecureBrokerAttacksIT.run(watch);
                assertEquals(0, seen.exit(), "the mothership reads a reading on its own listener: " + seen.out());
                assertTrue(seen.out().contains("\"id\":\"02578bded277\""), seen.out());
            }
        } finally {
            mosquitto.destroy();
            assertTrue(mosquitto.waitFor(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void theOldRouteOfCopyingTheWholeConfigIntoConfDStillBreaksDebiansMosquitto(@TempDir Path temp) throws Exception {
        // Why the snippet exists: the README used to say to do this.
        Path etc = debianLayout(temp.resolve("etc"));
        Files.copy(ROOT.resolve("board-config/mosquitto/mosquitto.conf"), etc.resolve("conf.d/smartpot.conf"));
        Process mosquitto = new ProcessBuilder(MosquittoBroker.binary(), "-c", etc.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).start();
        String out = new String(mosquitto.getInputStream().readAllBytes());
        assertTrue(mosquitto.waitFor(10, TimeUnit.SECONDS));
        assertNotEquals(0, mosquitto.exitValue());
        assertTrue(out.contains("Duplicate persistence_location value in configuration"), out);
        assertFalse(Files.readString(ROOT.resolve("README.md")).contains("board-config/mosquitto/mosquitto.conf) into\n   `/etc/mosquitto/conf.d/"),
                "the README no longer says to do it");
    }

    @Test
    void aPrivateFolderMosquittoCannotReadIsReportedBeforeStarting(@TempDir Path temp) throws Exception {
        Path parent = Files.createDirectory(temp.resolve("private"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        int port = MosquittoBroker.freePort();
        ProcessBuilder command = new ProcessBuilder(SecureBroker.SCRIPT.toString(), "--secure", "--dir", parent.resolve("broker").toString(),
                "--bind", "127.0.0.1", "--port", Integer.toString(port), "--mothership-port", Integer.toString(MosquittoBroker.freePort()))
                .redirectErrorStream(true);
        if (ROOT_USER) {
            // Root's private folder: Mosquitto drops to its own user, which cannot get in. The script says so first.
            Result r = SecureBrokerAttacksIT.run(command);
            assertEquals(1, r.exit(), r.out());
            assertTrue(r.out().contains("broker: mosquitto runs as user mosquitto, which cannot read " + parent.resolve("broker")), r.out());
            assertTrue(r.out().contains("it cannot pass through ") && r.out().contains("Fix: chmod o+x ")
                    && r.out().substring(r.out().indexOf("Fix: chmod o+x ")).contains(parent.toString()), r.out());
            assertFalse(r.out().contains("mosquitto version"), "Mosquitto was not started: " + r.out());
        } else {
            // Anyone else: Mosquitto runs as that user, and a private folder is just right.
            Process script = command.redirectOutput(temp.resolve("broker.log").toFile()).start();
            ProcessHandle mosquitto = null;
            try {
                mosquitto = mosquittoUnder(script);
            } finally {
                stop(script, mosquitto);
            }
        }
    }

    /** Debian's stock /etc/mosquitto/mosquitto.conf with its paths moved under {@code etc}, and an empty conf.d/. */
    private static Path debianLayout(Path etc) throws IOException {
        Files.createDirectories(etc.resolve("conf.d"));
        Files.createDirectories(etc.resolve("var/lib/mosquitto"));
        String stock = Files.readString(Path.of("/etc/mosquitto/mosquitto.conf"));
        String moved = stock.replace("pid_file /run/mosquitto/mosquitto.pid", "pid_file " + etc.resolve("mosquitto.pid"))
                .replace("persistence_location /var/lib/mosquitto/", "persistence_location " + etc.resolve("var/lib/mosquitto") + "/")
                .replace("log_dest file /var/log/mosquitto/mosquitto.log", "log_dest file " + etc.resolve("mosquitto.log"))
                .replace("include_dir /etc/mosquitto/conf.d", "include_dir " + etc.resolve("conf.d"));
        assertNotEquals(stock, moved);
        for (String line : moved.split("\n")) {
            assertFalse(!line.startsWith("#") && (line.contains(" /var/") || line.contains(" /run/") || line.contains(" /etc/")),
                    "every path of the stock file moved to the temp folder: " + line);
        }
        Files.writeString(etc.resolve("mosquitto.conf"), moved);
        if (ROOT_USER) {
            // As on a Pi: started as root, Mosquitto drops to its own user, which owns its folders (and can pass
            // through the test's private temp folder to reach them).
            Files.setPosixFilePermissions(etc.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
            UserPrincipal owner = etc.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("mosquitto");
            try (Stream<Path> all = Files.walk(etc)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    Files.setOwner(p, owner);
                }
            }
        }
        return etc;
    }

    private static Process startOpenBroker(int port, Path temp) throws IOException {
        return new ProcessBuilder(SecureBroker.SCRIPT.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1")
                .redirectErrorStream(true).redirectOutput(temp.resolve("broker.log").toFile()).start();
    }

    /** The mosquitto the script runs, once it accepts connections. */
    private static ProcessHandle mosquittoUnder(Process script) {
        return Awaitility.await("mosquitto started by the script").atMost(Duration.ofSeconds(20)).until(() -> {
            if (!script.isAlive()) {
                throw new AssertionError("scripts/broker exited with " + script.exitValue());
            }
            return script.descendants().filter(p -> p.info().command().orElse("").endsWith("mosquitto")).findFirst().orElse(null);
        }, p -> p != null);
    }

    private static boolean accepting(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start();
        assertTrue(kill.waitFor(5, TimeUnit.SECONDS));
        assertEquals(0, kill.exitValue());
    }

    private static void stop(Process script, ProcessHandle mosquitto) throws InterruptedException {
        if (script.isAlive()) {
            script.destroy();
            if (!script.waitFor(15, TimeUnit.SECONDS)) {
                script.destroyForcibly();
            }
        }
        if (mosquitto != null && mosquitto.isAlive()) {
            mosquitto.destroy();
        }
    }
}
