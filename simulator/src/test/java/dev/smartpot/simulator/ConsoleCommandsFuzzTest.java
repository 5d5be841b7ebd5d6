package dev.smartpot.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.board.SimulatorConfig;

/**
 * Thousands of random lines typed at the simulator's console: known commands with odd arguments, misspellings,
 * control characters, huge lines. Each gets an answer (or, for a blank line, silence), never an exception, and
 * the simulated soil stays a real percentage. The mothership's command parser is fuzzed with issue 4's commands.
 */
class ConsoleCommandsFuzzTest {

    private static final String[] WORDS = {"status", "wifi", "water", "unplug", "short", "plug", "quit", "exit", "help", "?",
        "on", "off", "STATUS", "Water", "wifi  off", "sta tus", "read", "interval", "calibrate", "reboot", "power", "READ",
        "Calibrate dry", "interval\t2s"};
    /** The words of a running pot's fuzz: no reboot or power cut, whose restarts would take most of its time. */
    private static final String[] LIVE_WORDS = {"status", "water", "unplug", "short", "plug", "help", "read", "interval",
        "calibrate", "calibrate dry", "calibrate wet", "Interval", "READ", "received", "calibrate  wet"};
    private static final String[] ARGUMENTS = {"", "0", "1", "-1", "200", "5000", "5001", "1e3", "1e309", "NaN", "-NaN", "Infinity",
        "-Infinity", "0x10", "1_000", "٣", "200ml", "on", "off", "maybe", "9".repeat(400), "dry", "wet", "2s", "0s", "100ms",
        "99ms", "1h", "61m", "3000", "4095", "cut", "now"};

    private SimulatedPot pot(List<String> log) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("wifi.ssid = Net\nmqtt.broker = 127.0.0.1\n", "fuzz.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        // Never started: the console acts on the simulated world, which exists without the device thread.
        return new SimulatedPot(device, world, line -> {
            synchronized (log) {
                log.add(line);
            }
        });
    }

    /** Hang guard only: 10,000 lines take well under a second. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void randomLinesAlwaysGetAnAnswerAndNeverBreakTheWorld() throws Exception {
        List<String> log = new ArrayList<>();
        SimulatedPot pot = pot(log);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicInteger quits = new AtomicInteger();
        ConsoleCommands console = new ConsoleCommands(pot, out, quits::incrementAndGet);
        Random random = new Random(0xc0501eL);
        long started = System.currentTimeMillis();
        int lines = 10_000;
        for (int i = 0; i < lines; i++) {
            String line = line(random);
            int before = bytes.size() + size(log);
            try {
                console.execute(line);
            } catch (RuntimeException e) {
                fail("line " + i + " " + printable(line) + " threw " + e, e);
            }
            boolean blank = line.trim().isEmpty();
            boolean quit = line.trim().toLowerCase().matches("(quit|exit)(\\s.*)?");
            boolean answered = bytes.size() + size(log) > before;
            assertTrue(blank || quit || answered, "no answer to " + printable(line));
            assertFalse(blank && answered, "a blank line is ignored");
            double soil = pot.soil().moisturePercent();
            assertTrue(soil >= 0 && soil <= 100, "soil " + soil + " after " + printable(line));
        }
        System.out.println("console fuzz: " + lines + " lines in " + (System.currentTimeMillis() - started) + " ms, " + quits.get() + " quits");
        assertTrue(quits.get() > 0, "the generator reaches quit too");
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("usage: water [ml], with ml from 1 to 5000"));
        assertTrue(printed.contains("console: the pot is still booting; \"read"), "a pot command waits for the boot");
        assertTrue(printed.contains("not taken: the pot has not yet run the 16 commands typed before it"), "and the backlog is bounded");
    }

    /**
     * A running pot (its broker a closed port: offline, as a pot often is) takes the fuzz's pot commands through the
     * core: each one is answered by a reply in the log, the pot keeps running, and its readings stay readings.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aRunningPotAnswersEveryPotCommandTypedAtItsConsole() throws Exception {
        int deadPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadPort = probe.getLocalPort();
        }
        List<String> log = new ArrayList<>();
        ConfigReader reader = new ConfigReader(ConfigSource.parse("wifi.ssid = Net\nwifi.password = password1\n"
                + "sim.wifi.join.delay = 0ms\n"
                + "mqtt.broker = tcp://127.0.0.1:" + deadPort + "\npublish.interval = 200ms\nbackoff.min = 1s\n", "live.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        SimulatedPot pot = new SimulatedPot(device, world, line -> {
            synchronized (log) {
                log.add(line);
            }
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleCommands console = new ConsoleCommands(pot, new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> { });
        pot.start();
        try {
            org.awaitility.Awaitility.await("the pot booted").atMost(java.time.Duration.ofSeconds(10)).until(() -> pot.node() != null);
            Random random = new Random(0x11feL);
            int potCommands = 0;
            for (int i = 0; i < 2_000; i++) {
                String line = line(random, LIVE_WORDS);
                String first = line.trim().isEmpty() ? "" : line.trim().split("\\s+")[0].toLowerCase();
                boolean forThePot = List.of("read", "interval", "calibrate").contains(first);
                long repliesBefore = count(log, "console reply: ");
                int before = bytes.size() + size(log);
                console.execute(line);
                if (forThePot) {
                    potCommands++;
                    org.awaitility.Awaitility.await("a reply to " + printable(line)).atMost(java.time.Duration.ofSeconds(10))
                            .pollDelay(java.time.Duration.ZERO).pollInterval(java.time.Duration.ofMillis(1)).until(() -> count(log, "console reply: ") == repliesBefore + 1);
                } else if (!line.trim().isEmpty()) {
                    assertTrue(bytes.size() + size(log) > before, "no answer to " + printable(line));
                }
            }
            assertTrue(potCommands > 200, "the generator reaches the pot's commands: " + potCommands);
            assertTrue(pot.isRunning(), "the pot still runs");
            long readsBefore = pot.node().readingsTaken();
            console.execute("read");
            org.awaitility.Awaitility.await("a reading taken at once").atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> pot.node().readingsTaken() > readsBefore);
            String all;
            synchronized (log) {
                all = String.join("\n", log);
            }
            assertTrue(all.contains("console reply: {\"ok\":true,\"command\":\"read\""), "a read ran");
            assertTrue(all.contains("console reply: {\"ok\":false"), "and bad input was refused");
            assertFalse(all.contains("crashed"), all);
        } finally {
            pot.stop();
        }
    }

    private static long count(List<String> log, String fragment) {
        synchronized (log) {
            return log.stream().filter(l -> l.contains(fragment)).count();
        }
    }

    private static int size(List<String> log) {
        synchronized (log) {
            return log.size();
        }
    }

    private static String line(Random random) {
        return line(random, WORDS);
    }

    private static String line(Random random, String[] words) {
        switch (random.nextInt(8)) {
            case 0:
                return junk(random, 60);
            case 1:
                return "x".repeat(random.nextInt(100_000));
            case 2:
                return " \t".repeat(random.nextInt(4));
            default:
                StringBuilder sb = new StringBuilder();
                sb.append(random.nextBoolean() ? "" : "  ").append(words[random.nextInt(words.length)]);
                for (int n = random.nextInt(3); n > 0; n--) {
                    sb.append(random.nextInt(5) == 0 ? "\t" : " ").append(random.nextInt(6) == 0 ? junk(random, 8) : ARGUMENTS[random.nextInt(ARGUMENTS.length)]);
                }
                return sb.toString();
        }
    }

    private static String junk(Random random, int max) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(max + 1); n > 0; n--) {
            sb.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x5f) : random.nextInt(0x10000)));
        }
        return sb.toString();
    }

    private static String printable(String line) {
        String shown = line.length() > 80 ? line.substring(0, 80) + "... (" + line.length() + " chars)" : line;
        StringBuilder sb = new StringBuilder("\"");
        for (char c : shown.toCharArray()) {
            sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('"').toString();
    }
}
