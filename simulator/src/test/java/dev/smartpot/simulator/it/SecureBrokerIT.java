package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.kit.GivenPot.givenPot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;
import dev.smartpot.simulator.SimulatorMain;
import dev.smartpot.testkit.Processes;
import dev.smartpot.testkit.RequiredTool;
import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Loopback;

/**
 * {@code scripts/broker --secure} and pots configured from the files it writes: TLS, a login per pot, and an
 * ACL that keeps each pot to its own topics, against the real Mosquitto the script runs.
 */
class SecureBrokerIT {

    /** The simulator's own pot (board-config/simulator.properties): the script's default account. */
    private static final String POT_A = "02578bded277";
    private static final String POT_B = "b0b0b0b0b0b0";
    private static final String FAST = "\npublish.interval = 300ms\nbackoff.min = 200ms\nbackoff.max = 1s\nmqtt.keepalive = 3s\n"
            + "sim.wifi.join.delay = 20ms\n";
    private static final Pattern READING = Pattern.compile(
            "to_mothership/" + POT_A + " \\{\"id\":\"" + POT_A + "\",\"seq\":(\\d+),\"boot\":\\d+,\"raw\":\\d+,\"moisture\":\\d{1,3}\\.\\d,.*");

    private static SecureBroker broker;
    private static String firstRun;

    @BeforeAll
    static void setUpTheMothership() throws Exception {
        Path dir = SecureBroker.freshDir();
        int port = Loopback.freePort();
        // As a user would: once with no pots named (the simulator's pot is made), later adding another.
        firstRun = SecureBroker.setUp(dir, port);
        broker = SecureBroker.start(dir, port, "--pots", POT_B.toUpperCase().replaceAll("(..)(?!$)", "$1:"));
    }

    @AfterAll
    static void stopTheMothership() throws Exception {
        broker.close();
    }

    private static String settings(String id, String overrides) throws IOException {
        return Files.readString(broker.potSettings(id)) + FAST + overrides;
    }

    @Test
    void theScriptSaysWhatItMadeAndHowToConnectWithoutPrintingASecret() throws Exception {
        assertTrue(firstRun.contains("a certificate authority (10 years): ca.crt"), firstRun);
        assertTrue(firstRun.contains("account mothership (password in passwords/mothership)"), firstRun);
        assertTrue(firstRun.contains("account " + POT_A), firstRun);
        assertTrue(firstRun.contains("XDG_CONFIG_HOME=" + broker.dir.resolve("mothership") + " mosquitto_sub -t 'to_mothership/#' -v"), firstRun);
        assertTrue(firstRun.contains("./scripts/simulate --config " + broker.potSettings(POT_A) + " --broker config"), firstRun);
        for (String account : List.of("mothership", POT_A, POT_B)) {
            String secret = broker.password(account);
            assertEquals(24, secret.length());
            assertFalse(firstRun.contains(secret) || broker.output().contains(secret), "no password in the script's output");
        }
        assertTrue(broker.output().contains("nothing new to make") || broker.output().contains("account " + POT_B), broker.output());
        for (Path secret : List.of(broker.dir, broker.dir.resolve("ca.key"), broker.dir.resolve("passwords"), broker.potSettings(POT_B))) {
            String others = PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)).substring(3);
            assertFalse(others.contains("r") || others.contains("w"), "nobody else may read or change " + secret + ": " + others);
        }
    }

    @Test
    void theTutorialsScenarioWorksOverTlsFromTheGeneratedSettings() throws Exception {
        Path seen = Files.createTempFile("mothership", ".txt");
        Process watch = broker.mothership(RequiredTool.MOSQUITTO_SUB, "-t", "to_mothership/#", "-v", "-W", "30").redirectOutput(seen.toFile()).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
        SimulateCommand.Keyboard keys = new SimulateCommand.Keyboard();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SimulatorMain.run(new String[] {
            "--config", broker.potSettings(POT_A).toString(), "--broker", "config", "--interval", "300ms"},
                console, console, keys));
        Awaitility.await("pot connected").atMost(Duration.ofSeconds(20)).until(() -> text(out).contains("= online"));
        assertTrue(text(out).contains("connected to ssl://127.0.0.1:" + broker.port + "; subscribed to from_mothership and"
                + " from_mothership/" + POT_A + "; status to_mothership/" + POT_A + "/status = online"), text(out));

        run(broker.mothership(RequiredTool.MOSQUITTO_PUB, "-t", "from_mothership", "-m", "wassap!"));
        Awaitility.await("message in the pot's log").atMost(Duration.ofSeconds(5)).until(() -> text(out).contains("(from_mothership, wassap!)"));
        run(broker.mothership(RequiredTool.MOSQUITTO_PUB, "-t", "from_mothership", "-m", "received"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> text(out).contains("received notification from mothership"));

        Awaitility.await("eight readings at the mothership").atMost(Duration.ofSeconds(20)).until(() -> seqsIn(seen).size() >= 8);
        keys.type("quit");
        assertEquals(0, (int) exit.get(30, TimeUnit.SECONDS), text(out));
        Processes.stop(watch);
        List<Long> seqs = seqsIn(seen);
        assertTrue(seqs.size() >= 8, "the mothership saw the readings: " + seqs);
        for (int i = 1; i < seqs.size(); i++) {
            assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "a counter, one by one: " + seqs);
        }
        assertFalse(text(out).contains(broker.password(POT_A)), "the password is never printed");
    }

    @Test
    void aWrongPasswordIsRefusedOnceRetriedAtTheCapAndNeverPrinted(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        String wrong = "Wr0ng-" + broker.password(POT_A).substring(0, 10);
        Path config = temp.resolve("pot.properties");
        Files.writeString(config, settings(POT_A, "mqtt.password = " + wrong + "\n"));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        SimulatorProcess pot = SimulatorProcess.start("--config", config.toString(), "--broker", "config");
        pot.awaitOutput("refused: refused by the broker: not authorised", Duration.ofSeconds(20));
        Awaitility.await("the pot tried again twice").atMost(Duration.ofSeconds(20))
                .until(() -> refusalTimes(broker.output()).size() >= 3);
        pot.type("status\n");
        pot.awaitOutput("status: state=refused", Duration.ofSeconds(5));
        pot.type("quit\n");
        String all = pot.finish(Duration.ofSeconds(30));

        assertTrue(all.contains("simulate: warning: " + config + " holds mqtt.password and can be read by every user of this computer"
                + " (rw-r--r--). Fix: chmod 600 " + config), all);
        assertEquals(1, count(all, "ERROR"), "the refusal is logged once:\n" + all);
        assertTrue(all.contains("MQTT connect to " + broker.uri() + " refused: refused by the broker: not authorised. Fix: check"
                + " mqtt.username and mqtt.password against the broker's password file"), all);
        assertTrue(all.contains("retrying every 1s (backoff.max) until that is fixed"), all);
        assertTrue(all.contains("last_error=\"MQTT connect to " + broker.uri() + " refused"), all);
        // A retry a second (the cap), not a tight loop, however slowly this machine ran the pot.
        List<LocalDateTime> refused = refusalTimes(broker.output());
        long seconds = Duration.between(refused.get(0), refused.get(refused.size() - 1)).toSeconds();
        assertTrue(refused.size() <= seconds + 2, refused.size() + " connects refused within " + seconds + " s:\n" + broker.output());
        assertFalse(all.contains(wrong), "the password appears nowhere in the output, status or errors:\n" + all);
        assertTrue(all.contains("stopped after") && all.contains("0 published"), all);
    }

    @Test
    void aPotPublishingUnderAnotherPotsTopicIsDroppedByTheBrokerAndSaysSo() throws Exception {
        Path seenFile = Files.createTempFile("mothership", ".txt");
        Process watch = broker.mothership(RequiredTool.MOSQUITTO_SUB, "-t", "to_mothership/" + POT_A, "-v", "-W", "30")
                .redirectOutput(seenFile.toFile()).start();
        try (RunningPot forger = givenPot().withConfig(settings(POT_B, "mqtt.topic.publish = to_mothership/" + POT_A + "\n")).on(broker.uri())) {
            forger.awaitLog("ERROR [" + POT_B + "] readings are not getting through: the broker acknowledged reading #0 on to_mothership/"
                    + POT_A + " but did not deliver it within 5s", Duration.ofSeconds(20));
            assertEquals(PotNode.REFUSED, forger.node().state());
            assertTrue(forger.console().contains("the readings stay queued"), forger.console());
            assertFalse(forger.console().contains("published #"), "it never claims a reading went out:\n" + forger.console());
            assertTrue(forger.node().queuedReadings() >= 15, forger.node().statusLine());
        }
        Processes.stop(watch);
        String seen = Files.readString(seenFile);
        assertFalse(seen.contains(POT_B), "nothing from pot B reached pot A's topic: " + seen);
    }

    @Test
    void aPotCannotReadAnotherPotsCommands() throws Exception {
        String mine = "mqtt.topic.subscribe = from_mothership/{id}\n";
        try (RunningPot a = givenPot().withConfig(settings(POT_A, mine)).on(broker.uri());
                RunningPot snoop = givenPot().withConfig(settings(POT_B, "mqtt.topic.subscribe = from_mothership/" + POT_A + "\n")).on(broker.uri())) {
            a.awaitOnline(Duration.ofSeconds(20));
            snoop.awaitOnline(Duration.ofSeconds(20));
            run(broker.mothership(RequiredTool.MOSQUITTO_PUB, "-q", "1", "-t", "from_mothership/" + POT_A, "-m", "for pot A only"));
            a.awaitLog("(from_mothership/" + POT_A + ", for pot A only)", Duration.ofSeconds(5));
            // Mosquitto's ACL file grants every SUBSCRIBE and filters what it delivers: pot B gets nothing, and
            // cannot tell (SUBACK 0x80, from brokers that send it, is reported: see LockedBrokerTest).
            snoop.awaitPublished(6, Duration.ofSeconds(10));
            assertFalse(snoop.console().contains("for pot A only"), snoop.console());
        }
    }

    private static void run(ProcessBuilder command) {
        Processes.Finished done = Processes.run(command, Duration.ofSeconds(20));
        assertEquals(0, done.exitCode(), done.output());
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The seqs of the readings {@code mosquitto_sub -v} wrote to {@code file} so far. */
    private static List<Long> seqsIn(Path file) throws IOException {
        List<Long> seqs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = READING.matcher(line);
            if (m.matches()) {
                seqs.add(Long.parseLong(m.group(1)));
            }
        }
        return seqs;
    }

    /** When the broker refused a login, from its log's second-resolution stamps. */
    private static List<LocalDateTime> refusalTimes(String brokerLog) {
        List<LocalDateTime> times = new ArrayList<>();
        for (String line : brokerLog.split("\n")) {
            if (line.endsWith("disconnected, not authorised.") && line.length() > 19) {
                times.add(LocalDateTime.parse(line.substring(0, 19).replace(' ', 'T')));
            }
        }
        return times;
    }

    static int count(String text, String fragment) {
        int n = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            n++;
        }
        return n;
    }

    /** The simulator as a separate java process: everything it writes, to either stream, is captured. */
    static final class SimulatorProcess {
        private final Process process;
        private final ByteArrayOutputStream output = new ByteArrayOutputStream();
        private final OutputStream stdin;

        private SimulatorProcess(Process process) {
            this.process = process;
            this.stdin = process.getOutputStream();
            Thread pump = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] buffer = new byte[4096];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        synchronized (output) {
                            output.write(buffer, 0, n);
                        }
                    }
                } catch (IOException ended) {
                    // The process is gone; what it wrote is kept.
                }
            }, "simulator-output");
            pump.setDaemon(true);
            pump.start();
        }

        static SimulatorProcess start(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName()));
            command.addAll(List.of(args));
            return new SimulatorProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        String output() {
            synchronized (output) {
                return output.toString(StandardCharsets.UTF_8);
            }
        }

        void awaitOutput(String fragment, Duration atMost) {
            Awaitility.await("simulator output to show: " + fragment).atMost(atMost).until(() -> output().contains(fragment));
        }

        void type(String line) throws IOException {
            stdin.write(line.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        /** Waits for the process to end on its own (its --duration) and returns all it wrote. */
        String finish(Duration atMost) throws InterruptedException {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the simulator did not stop:\n" + output());
            }
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> output().contains("stopped after"));
            return output();
        }
    }
}
