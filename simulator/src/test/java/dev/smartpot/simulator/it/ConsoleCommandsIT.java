package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.kit.GivenPot.givenPot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.TypedLine;
import dev.smartpot.simulator.SimulatorMain;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.fleet.FleetConsole;
import dev.smartpot.simulator.fleet.FleetPot;
import dev.smartpot.simulator.fleet.FleetView;
import dev.smartpot.simulator.fleet.SimulatedFleet;
import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MothershipStandIn;

/**
 * The simulator's console as a user types at it, against a real Mosquitto watched by a real subscriber: the pot's
 * own commands (read, interval, calibrate, reboot) change what goes out on the wire, bad input is answered with the
 * fix, and what the console and the live view show is what the pot reported, faults included.
 */
class ConsoleCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Mosquitto broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Mosquitto.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void theConsolesPotCommandsChangeWhatGoesOutOnTheWire(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("pot.properties");
        Files.copy(Path.of("..", "board-config", "simulator.properties"), config);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(keyboard);
        try (MothershipStandIn mothership = MothershipStandIn.on(broker.uri())) {
            // An hour between readings: any reading after the first is one the console asked for.
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SimulatorMain.run(new String[] {"--config",
                config.toString(), "--broker", broker.uri(), "--interval", "1h", "--seed", "console-it"}, out, out, stdin));
            mothership.awaitReadings(1, WAIT);

            type(keyboard, "read");
            mothership.awaitReadings(2, WAIT);
            assertEquals(1, reading(mothership, 1).get("seq").asInt(), "read: a reading on the wire at once, not in an hour");
            awaitText(bytes, "console command: read");
            awaitText(bytes, "console reply: {\"ok\":true,\"command\":\"read\",\"result\":{\"seq\":1,");

            type(keyboard, "interval 0s");
            awaitText(bytes, "console reply: {\"ok\":false,\"command\":\"interval 0s\",\"error\":\"interval 0s is out of range; "
                    + "expected a duration from 100ms to 1h, e.g. \\\"interval 30s\\\"\"}");

            type(keyboard, "interval 2s");
            awaitText(bytes, "command: a reading every 2s from now on");
            // Three more readings within the wait: not the hour of the command line. How far apart they are is the
            // schedule's, shown on a manual clock (CommandsTest.intervalRetimesThePotFromTheLastReading).
            int before = mothership.payloads("to_mothership").size();
            mothership.awaitReadings(before + 3, WAIT);
            // A pot of its own seed keeps its own state file beside the config: pot.<its id>.properties.state.
            Path state;
            try (var files = Files.list(dir)) {
                state = files.filter(f -> f.getFileName().toString().endsWith(".properties.state")).findFirst().orElseThrow();
            }
            String saved = Files.readString(state);
            assertTrue(saved.contains("publish.interval = 2s\n") && saved.contains("publish.interval.by = console\n"),
                    "saved beside the config, as the mothership's interval is, and said to come from the console: " + saved);

            type(keyboard, "calibrate dry 3300");
            type(keyboard, "calibrate wet 1300");
            awaitText(bytes, "command: calibrated wet = 1300 counts (dry 3300, wet 1300)");
            int calibrated = mothership.payloads("to_mothership").size();
            mothership.awaitReadings(calibrated + 1, WAIT);
            JsonNode after = reading(mothership, calibrated);
            double expected = Math.round((3300 - after.get("raw").asInt()) * 1000.0 / 2000) / 10.0;
            assertEquals(expected, after.get("moisture").asDouble(), 0.11, "the percent on the new calibration: " + after);

            type(keyboard, "status");
            awaitText(bytes, "reading=" + String.format(java.util.Locale.ROOT, "%.1f%%", lastMoisture(mothership)));
            type(keyboard, "unplug");
            Awaitility.await("a fault on the wire").atMost(WAIT)
                    .until(() -> mothership.payloads("to_mothership").stream().anyMatch(p -> p.contains("\"fault\":\"disconnected\"")));
            type(keyboard, "status");
            awaitText(bytes, "reading=fault: disconnected (soil model: ");
            type(keyboard, "plug");

            int boot = reading(mothership, 0).get("boot").asInt();
            long lastSeq = reading(mothership, mothership.payloads("to_mothership").size() - 1).get("seq").asLong();
            type(keyboard, "reboot");
            awaitText(bytes, "reboot requested at the console");
            Awaitility.await("a reading from the next boot").atMost(WAIT)
                    .until(() -> readings(mothership).stream().anyMatch(r -> r.get("boot").asInt() == boot + 1));
            JsonNode first = readings(mothership).stream().filter(r -> r.get("boot").asInt() == boot + 1).findFirst().orElseThrow();
            assertTrue(first.get("seq").asLong() > lastSeq, "seq carries on across the reboot: " + first);
            assertFalse(text(bytes).contains("reboot refused"), "the console's reboot is not rate limited");

            type(keyboard, "help");
            awaitText(bytes, "calibrate dry|wet [counts]");
            type(keyboard, "quit");
            assertEquals(0, (int) exit.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void theLiveViewShowsWhatEachPotReportedAndAnUnpluggedSensorAsAFault() throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("wifi.ssid = Net\nwifi.password = password1\n"
                + "mqtt.broker = " + broker.uri() + "\npublish.interval = 300ms\nsim.seed = view-it\n", "view.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        List<String> printed = new ArrayList<>();
        FleetConsole console = new FleetConsole(line -> {
            synchronized (printed) {
                printed.add(line);
            }
        }, false);
        SimulatedFleet fleet = new SimulatedFleet(device, world, 2, 100, 1, console, SimulatedFleet.hiveMq());
        try (MothershipStandIn mothership = MothershipStandIn.on(broker.uri())) {
            FleetPot unplugged = fleet.pots().get(0);
            FleetPot working = fleet.pots().get(1);
            unplugged.soil().unplug();
            fleet.start();
            Awaitility.await("both pots on the wire").atMost(WAIT).until(() -> {
                String all = String.join("\n", mothership.payloads("to_mothership"));
                return all.contains("\"id\":\"" + unplugged.clientId() + "\"") && all.contains("\"id\":\"" + working.clientId() + "\"");
            });
            FleetView view = new FleetView(fleet, "view", false, true, console);
            view.refresh();
            String screen;
            synchronized (printed) {
                screen = String.join("\n", printed);
            }
            String faultRow = row(screen, unplugged.clientId());
            assertTrue(faultRow.contains("fault: disconnected"), "the fault, not the soil model's moisture: " + faultRow);
            assertTrue(faultRow.contains("(soil model: "), "the model's truth, labelled: " + faultRow);
            assertTrue(mothership.payloads("to_mothership").stream()
                    .anyMatch(p -> p.contains(unplugged.clientId()) && p.contains("\"fault\":\"disconnected\"")), "as on the wire");
            String workingRow = row(screen, working.clientId());
            assertTrue(workingRow.matches(".*\\d+\\.\\d%  queued .*\\(soil model: \\d+\\.\\d%\\)"), workingRow);
            assertTrue(screen.contains("1 reporting a sensor fault"), screen);
        } finally {
            fleet.stop(10_000);
        }
    }

    /** A pot in deep sleep is off between wakes: what is typed then waits, like a board's serial input, and runs at a wake. */
    @Test
    void aCommandTypedWhileThePotSleepsDeeplyRunsAtItsNextWake() throws Exception {
        try (MothershipStandIn mothership = MothershipStandIn.on(broker.uri());
                RunningPot pot = givenPot().withConfig(String.join("\n", "power.mode = deep-sleep", "publish.interval = 15m",
                        "sleep.publish.every = 2", "homeassistant.discovery = false", "reboot.after = 0",
                        "sim.sleep.speedup = 900", "sim.seed = sleepy-console", "")).on(broker)) {
            mothership.awaitReadings(1, WAIT);
            Awaitility.await("the pot asleep").atMost(WAIT).until(() -> pot.simulated().wakes() > 0 || pot.console().contains("sleeping"));
            TypedLine typed = pot.simulated().typeCommand("read");
            assertTrue(typed == TypedLine.RUNS_AT_WAKE || typed == TypedLine.RUNS_NOW, typed.toString());
            pot.awaitLog("console reply: {\"ok\":true,\"command\":\"read\"", WAIT);
            String reply = pot.console().lines().filter(l -> l.contains("console reply: {\"ok\":true,\"command\":\"read\""))
                    .findFirst().orElseThrow();
            long seq = JSON.readTree(reply.substring(reply.indexOf('{'))).get("result").get("seq").asLong();
            Awaitility.await("the reading read at the console, on the wire").atMost(WAIT)
                    .until(() -> mothership.seqsOf(pot).contains(seq));
        }
    }

    private static String row(String screen, String clientId) {
        return screen.lines().filter(l -> l.startsWith("  " + clientId)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no row for " + clientId + ":\n" + screen));
    }

    private static void type(PipedOutputStream keyboard, String line) throws IOException {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private static List<JsonNode> readings(MothershipStandIn mothership) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String p : mothership.payloads("to_mothership")) {
            out.add(JSON.readTree(p));
        }
        return out;
    }

    private static JsonNode reading(MothershipStandIn mothership, int index) throws IOException {
        return readings(mothership).get(index);
    }

    private static double lastMoisture(MothershipStandIn mothership) throws IOException {
        List<JsonNode> all = readings(mothership);
        return all.get(all.size() - 1).get("moisture").asDouble();
    }

    private static void awaitText(ByteArrayOutputStream bytes, String fragment) {
        try {
            Awaitility.await("console shows " + fragment).atMost(WAIT).until(() -> text(bytes).contains(fragment));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the console never showed: " + fragment + "\n--- console ---\n" + text(bytes), e);
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
