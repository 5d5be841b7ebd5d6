package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.kit.GivenPot.givenPot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.simulator.SimulatorMain;
import dev.smartpot.simulator.board.FileSettingsStore;
import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MosquittoClients;
import dev.smartpot.testkit.MothershipStandIn;
import dev.smartpot.testkit.Processes;
import dev.smartpot.testkit.RequiredTool;

/**
 * The pot managed from the mothership with Mosquitto's own clients, against a real Mosquitto: commands
 * and their replies, settings that outlive a restart, sensor faults, and Home Assistant discovery.
 */
class PotCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A dry pot with a quiet sensor, so watering shows plainly. */
    private static final String QUIET_SOIL = "sim.soil.moisture = 20\nsim.sensor.noise = 2\nsim.sensor.spikes = 0\n";

    private static Mosquitto broker;
    private static MosquittoClients clients;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Mosquitto.start();
        clients = new MosquittoClients(broker);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static List<JsonNode> readings(MothershipStandIn s) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String p : s.payloads("to_mothership")) {
            out.add(json(p));
        }
        return out;
    }

    @Test
    void waterCalibrateAndRetimeFromMosquittoPubWithAReplyToEveryCommand(@TempDir Path dir) throws Exception {
        FileSettingsStore store = new FileSettingsStore(dir.resolve("pot.properties.state"));
        String id;
        try (RunningPot pot = givenPot().withConfig(QUIET_SOIL).keepingSettingsIn(store).on(broker);
                MothershipStandIn mothership = MothershipStandIn.on(broker.uri())) {
            id = pot.clientId();
            pot.awaitOnline(Duration.ofSeconds(10));
            mothership.awaitCount("to_mothership", 2, Duration.ofSeconds(10));
            int dryRaw = readings(mothership).get(1).get("raw").asInt();

            Process replies = clients.sub("-t", "to_mothership/" + id + "/reply", "-C", "5", "-W", "30");
            String own = "from_mothership/" + id;
            clients.pub(own, "water 200");
            clients.pub(own, "calibrate dry 3300");
            clients.pub("from_mothership", "calibrate wet 1300");
            clients.pub(own, "interval 1s");
            clients.pub(own, "status");
            List<String> lines = MosquittoClients.lines(replies);

            List<String> commands = new ArrayList<>();
            for (String line : lines) {
                JsonNode reply = json(line);
                assertTrue(reply.get("ok").asBoolean(), line);
                commands.add(reply.get("command").asText());
            }
            assertEquals(List.of("water 200", "calibrate dry 3300", "calibrate wet 1300", "interval 1s", "status"), commands);
            JsonNode status = json(lines.get(4)).get("result");
            assertEquals("1s", status.get("interval").asText());
            assertEquals(3300, status.get("raw_dry").asInt());
            assertEquals(1300, status.get("raw_wet").asInt());

            int seen = mothership.payloads("to_mothership").size();
            mothership.awaitCount("to_mothership", seen + 3, Duration.ofSeconds(10));
            List<JsonNode> after = readings(mothership);
            JsonNode last = after.get(after.size() - 1);
            // Re-timed to 1 s: the status above says so; the schedule's timing is shown on a manual clock
            // (CommandsTest.intervalRetimesThePotFromTheLastReading), not by this busy machine's scheduler.
            assertTrue(last.get("raw").asInt() < dryRaw - 600, "watered: the sensor reads wetter, " + dryRaw + " -> " + last);
            // 200 ml brings the 20 % pot to about 70 %; on the new calibration (3300 dry, 1300 wet) that reads about 68 %.
            double moisture = last.get("moisture").asDouble();
            assertTrue(moisture > 60 && moisture < 80, last.toString());
        }
        String saved = Files.readString(dir.resolve("pot.properties.state"));
        assertTrue(saved.contains("publish.interval = 1s\n") && saved.contains("sensor.raw.dry = 3300\n"), saved);

        try (RunningPot restarted = givenPot().withConfig(QUIET_SOIL).keepingSettingsIn(store).on(broker)) {
            restarted.awaitOnline(Duration.ofSeconds(10));
            Process reply = clients.sub("-t", "to_mothership/" + id + "/reply", "-C", "1", "-W", "20");
            clients.pub("from_mothership/" + id, "status");
            JsonNode status = json(MosquittoClients.lines(reply).get(0)).get("result");
            assertEquals("1s", status.get("interval").asText(), "the mothership's interval outlives a restart");
            assertEquals(3300, status.get("raw_dry").asInt());
            assertEquals(1300, status.get("raw_wet").asInt());
        }
    }

    @Test
    void anUnpluggedSensorPublishesAFaultInsteadOfAFalseReading() throws Exception {
        try (RunningPot pot = givenPot().on(broker);
                MothershipStandIn mothership = MothershipStandIn.on(broker.uri())) {
            mothership.awaitCount("to_mothership", 2, Duration.ofSeconds(10));
            pot.simulated().soil().unplug();
            Awaitility.await("a disconnected fault").atMost(Duration.ofSeconds(5))
                    .until(() -> mothership.payloads("to_mothership").stream().anyMatch(p -> p.contains("\"fault\":\"disconnected\"")));
            pot.simulated().soil().shortCircuit();
            Awaitility.await("a shorted fault").atMost(Duration.ofSeconds(5))
                    .until(() -> mothership.payloads("to_mothership").stream().anyMatch(p -> p.contains("\"fault\":\"shorted\"")));
            pot.simulated().soil().plug();
            int faultsSoFar = mothership.payloads("to_mothership").size();
            mothership.awaitCount("to_mothership", faultsSoFar + 2, Duration.ofSeconds(5));

            for (JsonNode r : readings(mothership)) {
                assertTrue(r.has("moisture") != r.has("fault"), "a moisture or a fault, never both: " + r);
                if (r.has("fault")) {
                    assertTrue(Set.of("disconnected", "shorted").contains(r.get("fault").asText()), r.toString());
                }
            }
            List<JsonNode> all = readings(mothership);
            assertTrue(all.get(all.size() - 1).has("moisture"), "plugged back in, it reads the soil again");
        }
    }

    @Test
    void discoveryConfigsAreRetainedAndAnnouncedAgainWhenHomeAssistantComesOnline() throws Exception {
        try (RunningPot pot = givenPot().with("device.name", "Kitchen basil").on(broker)) {
            String id = pot.clientId();
            pot.awaitOnline(Duration.ofSeconds(10));

            Process late = clients.sub("-t", "homeassistant/+/" + id + "/+/config", "-F", "%r %t %p", "-C", "3", "-W", "10");
            List<String> retained = MosquittoClients.lines(late);
            List<String> topics = new ArrayList<>();
            for (String line : retained) {
                String[] parts = line.split(" ", 3);
                assertEquals("1", parts[0], "retained: " + line);
                topics.add(parts[1]);
                JsonNode config = json(parts[2]);
                assertEquals("smartpot_" + id, config.get("device").get("identifiers").get(0).asText());
                assertEquals("Kitchen basil", config.get("device").get("name").asText());
                assertEquals("to_mothership/" + id + "/status", config.get("availability_topic").asText());
            }
            assertEquals(Set.of("homeassistant/sensor/" + id + "/moisture/config", "homeassistant/sensor/" + id + "/raw/config",
                    "homeassistant/binary_sensor/" + id + "/sensor_fault/config"), Set.copyOf(topics));

            Process live = clients.sub("-t", "homeassistant/+/" + id + "/+/config", "-R", "-C", "3", "-W", "10");
            clients.pub("homeassistant/status", "online");
            assertEquals(3, MosquittoClients.lines(live).size(), "announced again after Home Assistant's birth message");
        }
    }

    @Test
    void turningDiscoveryOffRemovesTheConfigsThePotRetainedBefore() throws Exception {
        String id;
        try (RunningPot pot = givenPot().on(broker)) {
            id = pot.clientId();
            pot.awaitOnline(Duration.ofSeconds(10)); // online is said after the discovery configs
        }
        String configs = "homeassistant/+/" + id + "/+/config";
        assertEquals(3, MosquittoClients.lines(clients.sub("-t", configs, "--retained-only", "-C", "3", "-W", "10")).size(),
                "announced and retained while discovery was on");

        // Mosquitto sends a new subscription's retained messages filter by filter: with the configs gone, the first
        // retained message is the marker on the second filter.
        String marker = "it/marker/" + id;
        clients.pubRetained(marker, "end");
        try (RunningPot pot = givenPot().with("homeassistant.discovery", "false").on(broker)) {
            pot.awaitOnline(Duration.ofSeconds(10));
            Awaitility.await("no retained discovery config left for " + id).atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertEquals(List.of(marker), MosquittoClients.lines(clients.sub("-t", configs,
                            "-t", marker, "--retained-only", "-F", "%t", "-C", "1", "-W", "10"))));
        } finally {
            clients.pubRetainedClear(marker);
        }
    }

    @Test
    void hostileMessagesGetAnErrorReplyAndThePotKeepsPublishing(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("noise.bin");
        byte[] noise = new byte[64];
        new Random(7).nextBytes(noise);
        noise[0] = 0;
        Files.write(binary, noise);
        Path huge = dir.resolve("huge.txt");
        Files.writeString(huge, "status ".repeat(20_000));
        try (RunningPot pot = givenPot().on(broker);
                MothershipStandIn mothership = MothershipStandIn.on(broker.uri())) {
            String id = pot.clientId();
            pot.awaitOnline(Duration.ofSeconds(10));
            Process replies = clients.sub("-t", "to_mothership/" + id + "/reply", "-C", "5", "-W", "30");
            clients.pubEmpty("from_mothership");
            clients.pub("from_mothership", "interval 0");
            clients.pub("from_mothership", "interval 99999h");
            clients.pubFile("from_mothership", binary);
            clients.pubFile("from_mothership", huge);
            clients.pub("from_mothership", "received");
            List<String> lines = MosquittoClients.lines(replies);

            List<String> errors = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                JsonNode reply = json(lines.get(i));
                assertFalse(reply.get("ok").asBoolean(), lines.get(i));
                errors.add(reply.get("error").asText());
            }
            assertTrue(errors.get(0).startsWith("\"0\" is not a duration; expected a duration from 100ms to 1h"), errors.get(0));
            assertTrue(errors.get(1).startsWith("interval 99999h is out of range; expected"), errors.get(1));
            assertTrue(errors.get(2).startsWith("command is not plain text (byte 0x0 at 0); expected"), errors.get(2));
            assertEquals("command is 140000 bytes; expected at most 256 bytes of plain text such as \"status\"", errors.get(3));
            assertTrue(json(lines.get(4)).get("ok").asBoolean(), "and it still answers a good one: " + lines.get(4));

            int before = mothership.payloads("to_mothership").size();
            mothership.awaitCount("to_mothership", before + 3, Duration.ofSeconds(5));
        }
    }

    @Test
    void aRetainedCommandRunsOnceLiveAndNeverAgainAtTheNextConnect() throws Exception {
        String own;
        try (RunningPot pot = givenPot().on(broker)) {
            own = "from_mothership/" + pot.clientId();
            pot.awaitOnline(Duration.ofSeconds(10));
            Process watered = clients.sub("-t", "to_mothership/" + pot.clientId() + "/reply", "-C", "1", "-W", "20");
            clients.pubRetained(own, "water 300");
            assertTrue(MosquittoClients.lines(watered).get(0).startsWith("{\"ok\":true,\"command\":\"water 300\""), "run live");
        }
        try (RunningPot restarted = givenPot().on(broker)) {
            // Had the retained command run again at connect, its reply would come before the status reply.
            Process replies = clients.sub("-t", "to_mothership/" + restarted.clientId() + "/reply", "-C", "1", "-W", "20");
            restarted.awaitOnline(Duration.ofSeconds(10));
            clients.pub(own, "status");
            assertTrue(MosquittoClients.lines(replies).get(0).startsWith("{\"ok\":true,\"command\":\"status\""),
                    "the retained water command did not run again");
        } finally {
            clients.pubRetainedClear(own);
        }
    }

    /** The simulator as a user runs it: the embedded broker takes mosquitto_pub, and settings land beside the config. */
    @Test
    void theSimulatorKeepsCommandSettingsInAFileBesideItsConfig(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("pot.properties");
        Files.copy(Path.of("..", "board-config", "simulator.properties"), config);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PipedOutputStream console = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(console);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SimulatorMain.run(
                new String[] {"--config", config.toString(), "--port", "0", "--interval", "300ms"}, out, out, stdin));

        Pattern banner = Pattern.compile("mosquitto_pub -h 127\\.0\\.0\\.1 -p (\\d+) -t from_mothership -m help");
        Awaitility.await("banner").atMost(Duration.ofSeconds(20)).until(() -> banner.matcher(text(bytes)).find());
        Matcher m = banner.matcher(text(bytes));
        assertTrue(m.find());
        String port = m.group(1);
        Awaitility.await("pot online").atMost(Duration.ofSeconds(10)).until(() -> text(bytes).contains("= online"));
        try (MothershipStandIn replies = MothershipStandIn.on("tcp://127.0.0.1:" + port, "to_mothership/+/reply")) {
            Processes.Finished pub = Processes.run(new ProcessBuilder(RequiredTool.MOSQUITTO_PUB.path(), "-h", "127.0.0.1", "-p", port,
                    "-t", "from_mothership", "-m", "interval 2s"), Duration.ofSeconds(20));
            assertEquals(0, pub.exitCode(), "the embedded broker takes mosquitto_pub's broker-assigned client id: " + pub.output());
            Awaitility.await("reply").atMost(Duration.ofSeconds(10)).until(() -> !replies.received().isEmpty());
            assertTrue(replies.received().get(0).payload().startsWith("{\"ok\":true,\"command\":\"interval 2s\""));
        }
        console.write("quit\n".getBytes(StandardCharsets.UTF_8));
        console.flush();
        assertEquals(0, (int) exit.get(30, TimeUnit.SECONDS));
        String saved = Files.readString(dir.resolve("pot.properties.state"));
        assertTrue(saved.contains("publish.interval = 2s\npublish.interval.config = 300ms\n"), saved);
        try (var files = Files.list(dir)) {
            assertEquals(Set.of("pot.properties", "pot.properties.state", "pot.properties.rtc", "pot.properties.seq"),
                    Set.copyOf(files.map(f -> f.getFileName().toString()).toList()), "no temporary file left behind");
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
