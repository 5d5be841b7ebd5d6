package dev.smartpot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Code outside device/ (simulator, firmware, mothership, bench, tools, demo, test kit) uses the pot core only through
 * its API: the packages that make a pot (the node, its board, its config, its MQTT transport), a few named types
 * host tools need, and the device's test fakes. Everything else in device/ is the core's inside, public only because
 * Java 7 has no module boundary; this test is that boundary.
 */
class DeviceApiTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "."), "..").normalize();
    private static final String CORE = "dev.smartpot.device";

    /** Whole packages others may use. */
    static final Set<String> API_PACKAGES = Set.of(
            CORE, // PotNode, ClientIds, Firmware
            CORE + ".board", // what a board gives the pot
            CORE + ".config", // reading and checking pot.properties and board.properties
            CORE + ".mqtt", // the transport seam a runtime implements
            CORE + ".fakes", CORE + ".edc"); // the device's test jar: fakes, a manual clock, the EDC guard

    /** Types of the core's inside that host tools need, each with why. */
    static final Map<String, String> API_TYPES = Map.of(
            CORE + ".text.Durations", "the pot's duration words, which command lines parse and print",
            CORE + ".command.SavedSettings", "the simulator tells which settings a pot saved before it starts",
            CORE + ".reading.MoistureScale", "the same notice reads the saved calibration",
            CORE + ".homeassistant.HomeAssistantDiscovery", "'forget' clears the discovery topics the pot announced",
            CORE + ".status.AboutAnnouncer", "'forget' clears the about topic the pot announced",
            CORE + ".power.EnergyModel", "the simulated battery drains as the pot's energy model says");

    /** Types of API packages that are the core's inside all the same: the loop's message plumbing. */
    static final Set<String> INSIDE_TYPES = Set.of(CORE + ".mqtt.Inbox", CORE + ".mqtt.MessageHandler",
            CORE + ".mqtt.EchoFilter", CORE + ".mqtt.RoundTripCounter", CORE + ".mqtt.Subscriptions");

    /** Files that measure the core's parts one by one, on purpose, and why. */
    static final Map<String, String> WHITE_BOX = Map.of(
            "bench/src/main/java/dev/smartpot/bench/CoreAllocationBench.java",
            "counts the allocations of each part of the steady loop (reading, encoding, logging) on its own");

    /** A reference to a core type: an import (static or not, star or not) or a qualified name in code. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.smartpot\\.device(?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*|\\*)");

    @Test
    void codeOutsideTheDeviceUsesOnlyItsApi() throws IOException {
        List<String> problems = new ArrayList<>();
        int files = 0;
        try (Stream<Path> found = Files.walk(ROOT)) {
            for (Path file : (Iterable<Path>) found.filter(DeviceApiTest::isOutsideSource)::iterator) {
                files++;
                String relative = ROOT.relativize(file).toString();
                if (!WHITE_BOX.containsKey(relative)) {
                    for (String problem : problems(read(file))) {
                        problems.add(relative + ": " + problem);
                    }
                }
            }
        }
        assertTrue(files > 300, "read the sources of the modules beside device/ under " + ROOT.toAbsolutePath() + ": " + files);
        assertEquals(List.of(), problems, "the core's inside used from outside device/: use its API (PotNode, board, config, "
                + "mqtt), or make the type API here with the reason a host needs it");
    }

    @Test
    void everyNamedApiTypeAndWhiteBoxFileExists() {
        for (String type : API_TYPES.keySet()) {
            assertTrue(Files.isRegularFile(ROOT.resolve("device/src/main/java/" + type.replace('.', '/') + ".java")), type);
        }
        for (String type : INSIDE_TYPES) {
            assertTrue(Files.isRegularFile(ROOT.resolve("device/src/main/java/" + type.replace('.', '/') + ".java")), type);
        }
        for (String file : WHITE_BOX.keySet()) {
            assertTrue(Files.isRegularFile(ROOT.resolve(file)), file);
        }
    }

    @Test
    void theCheckCatchesEveryWayIntoTheInside() {
        assertEquals(List.of(), problems("import dev.smartpot.device.PotNode;\nimport dev.smartpot.device.board.Clock;\n"
                + "import dev.smartpot.device.text.Durations;\nimport static dev.smartpot.device.mqtt.Topics.publishTopic;\n"
                + "// a comment may name dev.smartpot.device.link.LinkSupervisor\n"));
        assertEquals(List.of("dev.smartpot.device.reading.ReadingQueue (line 1)", "dev.smartpot.device.link.* (line 2)",
                "dev.smartpot.device.mqtt.Inbox (line 3)", "dev.smartpot.device.state.RetainedState (line 4)",
                "dev.smartpot.device.reading.RawCodes (line 5)"),
                problems("import dev.smartpot.device.reading.ReadingQueue;\nimport dev.smartpot.device.link.*;\n"
                        + "import dev.smartpot.device.mqtt.Inbox;\nimport static dev.smartpot.device.state.RetainedState.SIZE;\n"
                        + "    int code = dev.smartpot.device.reading.RawCodes.READ_ERROR;\n"));
    }

    /** The references of {@code source} to the core's inside, one per line. */
    static List<String> problems(String source) {
        List<String> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
                continue;
            }
            Matcher ref = REFERENCE.matcher(line);
            while (ref.find()) {
                if (!allowed(ref.group(1), ref.group(2))) {
                    out.add(ref.group(1) + "." + ref.group(2) + " (line " + (i + 1) + ")");
                }
            }
        }
        return out;
    }

    private static boolean allowed(String pkg, String type) {
        String name = pkg + "." + type;
        return !INSIDE_TYPES.contains(name) && (API_PACKAGES.contains(pkg) || API_TYPES.containsKey(name));
    }

    private static boolean isOutsideSource(Path file) {
        String path = ROOT.relativize(file).toString();
        // This file names the inside on purpose, in its planted examples.
        return path.endsWith(".java") && !path.startsWith("device/") && !path.contains("/target/")
                && !path.startsWith(".") && path.contains("/src/") && !file.endsWith("DeviceApiTest.java");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
