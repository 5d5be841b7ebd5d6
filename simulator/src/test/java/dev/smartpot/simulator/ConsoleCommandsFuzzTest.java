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

/**
 * Thousands of random lines typed at the simulator's console: known commands with odd arguments, misspellings,
 * control characters, huge lines. Each gets an answer (or, for a blank line, silence), never an exception, and
 * the simulated soil stays a real percentage. The mothership's command parser is fuzzed with issue 4's commands.
 */
class ConsoleCommandsFuzzTest {

    private static final String[] WORDS = {"status", "wifi", "water", "unplug", "short", "plug", "quit", "exit", "help", "?",
        "on", "off", "STATUS", "Water", "wifi  off", "sta tus"};
    private static final String[] ARGUMENTS = {"", "0", "1", "-1", "200", "5000", "5001", "1e3", "1e309", "NaN", "-NaN", "Infinity",
        "-Infinity", "0x10", "1_000", "٣", "200ml", "on", "off", "maybe", "9".repeat(400)};

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
            int before = bytes.size() + log.size();
            try {
                console.execute(line);
            } catch (RuntimeException e) {
                fail("line " + i + " " + printable(line) + " threw " + e, e);
            }
            boolean blank = line.trim().isEmpty();
            boolean quit = line.trim().toLowerCase().matches("(quit|exit)(\\s.*)?");
            boolean answered = bytes.size() + log.size() > before;
            assertTrue(blank || quit || answered, "no answer to " + printable(line));
            assertFalse(blank && answered, "a blank line is ignored");
            double soil = pot.soil().moisturePercent();
            assertTrue(soil >= 0 && soil <= 100, "soil " + soil + " after " + printable(line));
        }
        System.out.println("console fuzz: " + lines + " lines in " + (System.currentTimeMillis() - started) + " ms, " + quits.get() + " quits");
        assertTrue(quits.get() > 0, "the generator reaches quit too");
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("usage: water [ml], with ml from 1 to 5000"));
    }

    private static String line(Random random) {
        switch (random.nextInt(8)) {
            case 0:
                return junk(random, 60);
            case 1:
                return "x".repeat(random.nextInt(100_000));
            case 2:
                return " \t".repeat(random.nextInt(4));
            default:
                StringBuilder sb = new StringBuilder();
                sb.append(random.nextBoolean() ? "" : "  ").append(WORDS[random.nextInt(WORDS.length)]);
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
