package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.kit.GivenPot.givenPot;

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
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.MothershipStandIn;
import dev.smartpot.testkit.Processes.Finished;
import dev.smartpot.testkit.Processes;
import dev.smartpot.testkit.RequiredTool;

/**
 * scripts/broker as a newcomer meets it (issue 14): its help, what happens when its terminal closes, the open
 * broker's size limit, and the Raspberry Pi route that drops a snippet into Debian's own Mosquitto.
 */
class BrokerScriptIT {

    private static final Path ROOT = SecureBroker.SCRIPT.getParent().getParent();
    private static final boolean ROOT_USER = "root".equals(System.getProperty("user.name"));
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(30);

    @Test
    void helpExplainsTheOptionsAndTheExitCodesItReallyUses() throws Exception {
        Finished help = run(new ProcessBuilder(SecureBroker.SCRIPT.toString(), "--help"));
        assertEquals(0, help.exitCode(), help.output());
        for (String expected : List.of("usage: scripts/broker [--port N] [--bind ADDRESS]", "--mothership-port", "--setup-only",
                "129  the terminal was closed (SIGHUP): Mosquitto was stopped", "130  Ctrl-C (SIGINT): Mosquitto was stopped",
                "2    bad arguments")) {
            assertTrue(help.output().contains(expected), "missing \"" + expected + "\" in:\n" + help.output());
        }
        assertFalse(help.output().contains("set -euo") || help.output().contains("$("), "no line of the script itself:\n" + help.output());
        Finished wrong = run(new ProcessBuilder(SecureBroker.SCRIPT.toString(), "--colour"));
        assertEquals(2, wrong.exitCode(), wrong.output());
        assertTrue(wrong.output().contains("broker: unknown option --colour") && wrong.output().contains("scripts/broker --help explains"), wrong.output());
    }

    @Test
    void closingTheTerminalOrCtrlCStopsMosquittoAndTheOpenBrokerRefusesHugeMessages(@TempDir Path temp) throws Exception {
        int port = Loopback.freePort();
        Process script = startOpenBroker(port, temp);
        ProcessHandle mosquitto = mosquittoUnder(script);
        try {
            Awaitility.await("open broker accepting").atMost(Duration.ofSeconds(10)).until(() -> Loopback.accepting(port));
            Path big = temp.resolve("big.bin");
            Files.write(big, new byte[1024 * 1024]);
            try (MothershipStandIn watch = MothershipStandIn.on("tcp://127.0.0.1:" + port, "to_mothership")) {
                run(pub(port, "-t", "to_mothership", "-f", big.toString()));
                Finished small = run(pub(port, "-t", "to_mothership", "-m", "Test to mothership #0"));
                assertEquals(0, small.exitCode(), small.output());
                watch.awaitCount("to_mothership", 1, Duration.ofSeconds(10));
                assertEquals(List.of("Test to mothership #0"), watch.payloads("to_mothership"),
                        "the 1 MB message was dropped, the tutorial's one delivered");
            }

            Processes.signal(script, "HUP");
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
            Processes.signal(again, "INT");
            assertTrue(again.waitFor(15, TimeUnit.SECONDS), "Ctrl-C ends the script");
            assertEquals(130, again.exitValue(), "the code --help lists for Ctrl-C");
            Awaitility.await("mosquitto gone").atMost(Duration.ofSeconds(10)).until(() -> !second.isAlive());
        } finally {
            stop(again, second);
        }
    }

    @Test
    void theRaspberryPiSnippetRunsInDebiansOwnMosquittoAndTheTutorialWorks(@TempDir Path temp) throws Exception {
        int port = Loopback.freePort();
        Path etc = debianLayout(temp.resolve("etc"));
        Files.writeString(etc.resolve("conf.d/smartpot.conf"), Files.readString(ROOT.resolve("board-config/mosquitto/conf.d/smartpot.conf"))
                .replace("\nlistener 1883\n", "\nlistener " + port + " 127.0.0.1\n"));
        Process mosquitto = new ProcessBuilder(RequiredTool.MOSQUITTO.path(), "-c", etc.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("stdout.log").toFile()).start();
        try {
            Awaitility.await("Debian's mosquitto with the snippet accepts on " + port).atMost(Duration.ofSeconds(10))
                    .until(() -> {
                        if (!mosquitto.isAlive()) {
                            throw new AssertionError("mosquitto stopped:\n" + Files.readString(temp.resolve("stdout.log")));
                        }
                        return run(pub(port, "-t", "probe", "-m", "x")).exitCode() == 0;
                    });
            // The tutorial's lines against it, with a real pot.
            Process watch = new ProcessBuilder(RequiredTool.MOSQUITTO_SUB.path(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                    "-t", "to_mothership", "-C", "2", "-W", "20").redirectErrorStream(true).start();
            try (RunningPot pot = givenPot().on("tcp://127.0.0.1:" + port)) {
                pot.awaitPublished(2, Duration.ofSeconds(20));
                assertEquals(0, run(pub(port, "-t", "from_mothership", "-m", "wassap!")).exitCode());
                pot.awaitLog("(from_mothership, wassap!)", Duration.ofSeconds(5));
                Finished seen = Processes.finish(watch, COMMAND_LIMIT);
                assertEquals(0, seen.exitCode(), seen.output());
                assertTrue(seen.output().contains("\"seq\":"), "mosquitto_sub -t to_mothership sees the readings: " + seen.output());
            } finally {
                Processes.stop(watch);
            }
            assertTrue(Files.exists(etc.resolve("var/lib/mosquitto")), "Debian's persistence folder is the one used");
        } finally {
            assertTrue(Processes.stop(mosquitto), "mosquitto ends on SIGTERM");
        }
    }

    @Test
    void theSecureConfigDropsIntoDebiansMosquittoAsItsHeaderSays(@TempDir Path temp) throws Exception {
        // The files scripts/broker --secure --setup-only makes, placed where the header of mosquitto-secure.conf says.
        int pots = Loopback.freePort();
        int mothership = Loopback.freePort();
        Path made = SecureBroker.freshDir();
        Finished setup = run(new ProcessBuilder(SecureBroker.SCRIPT.toString(), "--secure", "--setup-only",
                "--dir", made.toString(), "--bind", "127.0.0.1", "--port", Integer.toString(pots), "--mothership-port",
                Integer.toString(mothership)));
        assertEquals(0, setup.exitCode(), setup.output());
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
        Process mosquitto = new ProcessBuilder(RequiredTool.MOSQUITTO.path(), "-c", etc.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("stdout.log").toFile()).start();
        try {
            Awaitility.await("Debian's mosquitto with the secure config").atMost(Duration.ofSeconds(10)).until(() -> {
                if (!mosquitto.isAlive()) {
                    throw new AssertionError("mosquitto stopped:\n" + Files.readString(temp.resolve("stdout.log")));
                }
                return Loopback.accepting(pots) && Loopback.accepting(mothership);
            });
            try (RunningPot pot = givenPot().withConfig(Files.readString(made.resolve("pots/02578bded277.properties")))
                    .on("ssl://127.0.0.1:" + pots)) {
                pot.awaitOnline(Duration.ofSeconds(20));
                assertEquals("02578bded277", pot.clientId());
                ProcessBuilder watch = new ProcessBuilder(RequiredTool.MOSQUITTO_SUB.path(), "-t", "to_mothership/02578bded277",
                        "-C", "1", "-W", "10");
                watch.environment().put("XDG_CONFIG_HOME", made.resolve("mothership").toString());
                Finished seen = run(watch);
                assertEquals(0, seen.exitCode(), "the mothership reads a reading on its own listener: " + seen.output());
                assertTrue(seen.output().contains("\"id\":\"02578bded277\""), seen.output());
            }
        } finally {
            assertTrue(Processes.stop(mosquitto), "mosquitto ends on SIGTERM");
        }
    }

    @Test
    void theOldRouteOfCopyingTheWholeConfigIntoConfDStillBreaksDebiansMosquitto(@TempDir Path temp) throws Exception {
        // Why the snippet exists: the README used to say to do this; the tutorial now copies the snippet only.
        Path etc = debianLayout(temp.resolve("etc"));
        Files.copy(ROOT.resolve("board-config/mosquitto/mosquitto.conf"), etc.resolve("conf.d/smartpot.conf"));
        Finished broken = run(new ProcessBuilder(RequiredTool.MOSQUITTO.path(), "-c", etc.resolve("mosquitto.conf").toString()));
        assertNotEquals(0, broken.exitCode());
        String out = broken.output();
        assertTrue(out.contains("Duplicate persistence_location value in configuration"), out);
        Pattern copyWholeConfigIntoConfD = Pattern.compile("board-config/mosquitto/mosquitto\\.conf\\S*\\s+(in)?to\\s+`/etc/mosquitto/conf\\.d/");
        for (String page : List.of("README.md", "docs/tutorial.md")) {
            assertFalse(copyWholeConfigIntoConfD.matcher(Files.readString(ROOT.resolve(page))).find(), page + " no longer says to do it");
        }
        String tutorial = Files.readString(ROOT.resolve("docs/tutorial.md"));
        assertTrue(tutorial.contains("board-config/mosquitto/conf.d/smartpot.conf) to\n   `/etc/mosquitto/conf.d/smartpot.conf`"),
                "the tutorial copies the snippet instead");
    }

    @Test
    void aPrivateFolderMosquittoCannotReadIsReportedBeforeStarting(@TempDir Path temp) throws Exception {
        Path parent = Files.createDirectory(temp.resolve("private"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        int port = Loopback.freePort();
        ProcessBuilder command = new ProcessBuilder(SecureBroker.SCRIPT.toString(), "--secure", "--dir", parent.resolve("broker").toString(),
                "--bind", "127.0.0.1", "--port", Integer.toString(port), "--mothership-port", Integer.toString(Loopback.freePort()));
        if (ROOT_USER) {
            // Root's private folder: Mosquitto drops to its own user, which cannot get in. The script says so first.
            Finished r = run(command);
            assertEquals(1, r.exitCode(), r.output());
            assertTrue(r.output().contains("broker: mosquitto runs as user mosquitto, which cannot read " + parent.resolve("broker")), r.output());
            assertTrue(r.output().contains("it cannot pass through ") && r.output().contains("Fix: chmod o+x ")
                    && r.output().substring(r.output().indexOf("Fix: chmod o+x ")).contains(parent.toString()), r.output());
            assertFalse(r.output().contains("mosquitto version"), "Mosquitto was not started: " + r.output());
        } else {
            // Anyone else: Mosquitto runs as that user, and a private folder is just right.
            Process script = command.redirectErrorStream(true).redirectOutput(temp.resolve("broker.log").toFile()).start();
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

    /**
     * Started as a terminal starts it, with SIGHUP, SIGINT and SIGTERM at their defaults. A test run that was itself
     * started in the background of a shell without job control (nohup, {@code cmd &} in a script) inherits SIGINT
     * ignored, and a shell script cannot trap a signal it was started with ignored: Ctrl-C would then seem not to work.
     */
    private static Process startOpenBroker(int port, Path temp) throws IOException {
        return new ProcessBuilder("env", "--default-signal=HUP,INT,TERM", SecureBroker.SCRIPT.toString(), "--port",
                Integer.toString(port), "--bind", "127.0.0.1")
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

    /** mosquitto_pub against the plain listener on {@code port}. */
    private static ProcessBuilder pub(int port, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(RequiredTool.MOSQUITTO_PUB.path(), "-h", Loopback.HOST, "-p",
                Integer.toString(port)));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Runs a command to its end with no input, as from a closed terminal. */
    private static Finished run(ProcessBuilder command) {
        return Processes.run(command, COMMAND_LIMIT);
    }

    private static void stop(Process script, ProcessHandle mosquitto) {
        if (script.isAlive()) {
            Processes.stop(script);
        }
        if (mosquitto != null && mosquitto.isAlive()) {
            mosquitto.destroyForcibly();
            Awaitility.await("mosquitto killed").atMost(Duration.ofSeconds(10)).until(() -> !mosquitto.isAlive());
        }
    }
}
