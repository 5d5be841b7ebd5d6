package dev.smartpot.mothership.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.Processes;

/**
 * Issue 23, holes 11 and 14: the unit scored 7.9 "EXPOSED", its unquoted JAVA_OPTS lost three of four flags
 * (systemd-analyze verify warned), and ExecStart ran scripts/mothership, which may try to build with Maven. Issue 20:
 * the service went without the class archive scripts/mothership maps (about 6 MB more resident); both now run
 * mothership/deploy/launch. Checked with systemd's own tools (offline: this machine runs no systemd) and by running the
 * unit's ExecStart for real, with /opt/smartpot the project and the state folder a folder under target/.
 */
class SystemdUnitIT {

    private static final Path UNIT = Path.of("deploy", "smartpot-mothership.service");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("mothership/deploy/launch");
    private static final String STATE = "/var/lib/smartpot-mothership";

    @Test
    void systemdAnalyzeVerifyHasNothingToSay() throws Exception {
        Processes.Finished verify = systemdAnalyze("verify", copy().toString());
        assertEquals(0, verify.exitCode(), verify.output());
        assertEquals("", verify.output().strip(), "no warning at all");
    }

    @Test
    void systemdAnalyzeSecurityScoresAtMost3() throws Exception {
        Processes.Finished security = systemdAnalyze("security", "--offline=true", copy().toString());
        Matcher score = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d) (\\S+)").matcher(security.output());
        assertTrue(score.find(), security.output());
        assertTrue(Double.parseDouble(score.group(1)) <= 3.0, "exposure " + score.group(1) + " " + score.group(2) + ":\n" + security.output());
    }

    @Test
    void execStartRunsTheLauncherWhichNeverBuilds() throws Exception {
        List<String> execStart = execStart();
        assertEquals(List.of("/bin/bash", LAUNCHER.toString()), execStart.subList(0, 2), "the unit runs the launcher: " + execStart);
        assertFalse(Files.readString(LAUNCHER).contains("mvn"), "the launcher never calls Maven");
        Path stateDir = tempDir("state-");
        Service help = new Service(List.of(execStart.get(0), execStart.get(1), "--help"), stateDir);
        Processes.Finished finished = Processes.run(help.builder, Duration.ofSeconds(60));
        assertEquals(0, finished.exitCode(), help.builder.command() + "\n" + finished.output());
        assertTrue(finished.output().contains("--link-timeout"), finished.output());
        assertEquals(List.of(), list(stateDir), "--help records no class archive");
        help.assertNeverBuilt();
    }

    @Test
    void theFirstCleanStopRecordsTheClassArchiveAndTheNextStartMapsIt() throws Exception {
        Path stateDir = tempDir("state-");
        Path data = tempDir("data-");
        try (Mosquitto broker = Mosquitto.start(); Service first = new Service(execStartHere(broker, data), stateDir);
             Service second = new Service(first.builder.command(), stateDir)) {
            Process recording = first.start();
            // Every memory flag the launcher ships reaches the JVM (the unit passes none of its own).
            List<String> jvm = Arrays.asList(Files.readString(Path.of("/proc", Long.toString(recording.pid()), "cmdline")).split("\0"));
            assertTrue(jvm.containsAll(shippedMemoryFlags()), "the JVM runs with " + jvm);
            first.stop(recording);
            Path archive = stateDir.resolve("mothership.jsa." + recording.pid());
            assertTrue(Files.isRegularFile(archive) && Files.size(archive) > 0, "recorded at the stop: " + list(stateDir) + "\n" + first.output());

            Process mapping = second.start();
            String maps = Files.readString(Path.of("/proc", Long.toString(mapping.pid()), "maps"));
            assertTrue(maps.contains(stateDir.resolve("mothership.jsa").toString()), "the archive is mapped:\n" + second.output());
            assertTrue(second.output().contains("class data sharing: mapping"), second.output());
            assertFalse(second.output().contains("Unable to use shared archive"), second.output());
            second.stop(mapping);
            assertEquals(List.of("mothership.jsa"), list(stateDir), "the recording became the archive");
            first.assertNeverBuilt();
            second.assertNeverBuilt();
        }
    }

    @Test
    void aRecordingCutShortIsDroppedAndTheServiceRecordsAgain() throws Exception {
        Path stateDir = tempDir("state-");
        // What a SIGKILL or a power cut while the JVM writes leaves: the header, which it writes last, still zeros.
        Path cutShort = Files.write(stateDir.resolve("mothership.jsa.4194305"), new byte[64 * 1024]);
        try (Mosquitto broker = Mosquitto.start(); Service service = new Service(execStartHere(broker, tempDir("data-")), stateDir)) {
            Process p = service.start();
            assertTrue(service.output().contains("class data sharing: recording the app's classes into "
                    + stateDir.resolve("mothership.jsa." + p.pid())), service.output());
            assertFalse(Files.exists(cutShort), "dropped: " + list(stateDir));
            service.stop(p);
            assertEquals(List.of("mothership.jsa." + p.pid()), list(stateDir));
        }
    }

    /** The unit's ExecStart with this test's broker, a loopback dashboard and a data folder under target/. */
    private static List<String> execStartHere(Mosquitto broker, Path data) throws Exception {
        Map<String, String> here = Map.of("--broker", broker.uri(), "--http", "127.0.0.1:" + Loopback.freePort(),
                "--data", data.toString());
        List<String> command = new ArrayList<>();
        List<String> words = execStart();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            command.add(word);
            String value = here.get(word);
            if (value != null) {
                command.add(value);
                i++;
            }
        }
        return command;
    }

    /** The unit's ExecStart as words, the project at /opt/smartpot being this one. */
    private static List<String> execStart() throws Exception {
        String line = Files.readString(UNIT).lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        return Arrays.stream(line.substring("ExecStart=".length()).split("\\s+")).map(w -> w.replace("/opt/smartpot", ROOT.toString())).toList();
    }

    private static List<String> shippedMemoryFlags() throws Exception {
        Matcher memory = Pattern.compile("(?m)^memory=\"([^\"]*)\"$").matcher(Files.readString(LAUNCHER));
        assertTrue(memory.find(), "the launcher's memory flags");
        return List.of(memory.group(1).split(" "));
    }

    /**
     * The unit's command with its Environment= lines (the state folder replaced), without this JVM's JAVA_OPTS, and a
     * mvn first on the PATH that only leaves a mark: were the launcher to build, the mark would show it.
     */
    private static final class Service implements AutoCloseable {
        final ProcessBuilder builder;
        private Process started;
        private final Path log;
        private final Path buildMark;

        Service(List<String> command, Path stateDir) throws Exception {
            Path bin = tempDir("bin-");
            buildMark = bin.resolve("mvn-ran");
            Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\ntouch '" + buildMark + "'\nexit 1\n");
            Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
            log = bin.resolve("service.log");
            builder = new ProcessBuilder(command);
            Map<String, String> env = builder.environment();
            env.remove("JAVA_OPTS");
            env.remove("MALLOC_ARENA_MAX");
            env.put("PATH", bin + File.pathSeparator + env.get("PATH"));
            Files.readString(UNIT).lines().filter(l -> l.startsWith("Environment=")).map(l -> l.substring("Environment=".length()))
                    .map(a -> a.replace(STATE, stateDir.toString()).split("=", 2)).forEach(a -> env.put(a[0], a[1]));
        }

        /** Starts it and waits until it serves (the banner's last line). */
        Process start() throws Exception {
            Process p = started = builder.redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            Awaitility.await("the service started").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> output().contains("Ctrl-C to stop") || !p.isAlive());
            assertTrue(p.isAlive(), "it exited: " + output());
            return p;
        }

        /** SIGTERM, as systemctl stop sends, and at most the unit's TimeoutStopSec (40 s) to end. */
        void stop(Process p) throws Exception {
            p.destroy();
            if (!p.waitFor(40, TimeUnit.SECONDS)) {
                Processes.kill(p);
                throw new AssertionError("no clean stop within 40 s:\n" + output());
            }
        }

        String output() throws Exception {
            return Files.exists(log) ? Files.readString(log) : "";
        }

        /** A test that failed half-way leaves no service running. */
        @Override
        public void close() {
            if (started != null && started.isAlive()) {
                Processes.kill(started);
            }
        }

        void assertNeverBuilt() throws Exception {
            assertFalse(Files.exists(buildMark), "the service ran mvn:\n" + output());
        }
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static Path tempDir(String prefix) throws Exception {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target", "systemd").toAbsolutePath()), prefix);
    }

    /** The unit under its own name in target/, as systemd-analyze wants a file named *.service. */
    private static Path copy() throws Exception {
        Path dir = tempDir("unit-");
        return Files.copy(UNIT, dir.resolve(UNIT.getFileName()));
    }

    private static Processes.Finished systemdAnalyze(String... args) {
        String tool = new File("/usr/bin/systemd-analyze").canExecute() ? "/usr/bin/systemd-analyze" : "systemd-analyze";
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SYSTEMD_COLORS", "0");
        return Processes.run(pb, Duration.ofSeconds(60));
    }
}
