package dev.smartpot.device.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.fakes.TestPot;
import dev.smartpot.protocol.CommandParser;

/** The mothership's commands, end to end through the device loop: what the pot does and what it answers. */
class CommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWN_TOPIC = "from_mothership/" + TestPot.ID;

    private static JsonNode json(String reply) throws IOException {
        assertTrue(reply != null, "a reply was published");
        return JSON.readTree(reply);
    }

    private static JsonNode ok(String reply) throws IOException {
        JsonNode r = json(reply);
        assertTrue(r.get("ok").asBoolean(), reply);
        return r.get("result");
    }

    private static String error(String reply) throws IOException {
        JsonNode r = json(reply);
        assertFalse(r.get("ok").asBoolean(), reply);
        assertFalse(r.has("result"), reply);
        return r.get("error").asText();
    }

    private static long uptimeOf(String reading) throws IOException {
        return JSON.readTree(reading).get("uptime_ms").asLong();
    }

    @Test
    void everyCommandIsAnsweredOnTheReplyTopicWithOkAndTheCommand() throws IOException {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        for (String command : List.of("received", "read", "interval 5s", "calibrate dry", "status", "help")) {
            JsonNode reply = json(pot.command(command));
            assertEquals(command, reply.get("command").asText());
            assertTrue(reply.get("ok").asBoolean(), reply.toString());
        }
        assertEquals(6, pot.mqtt.sentTo("to_mothership/" + TestPot.ID + "/reply").size());
        assertFalse(pot.mqtt.sentTo("to_mothership/" + TestPot.ID + "/reply").get(0).retained());
    }

    @Test
    void receivedIsTheTutorialsAcknowledgement() throws IOException {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        assertEquals("acknowledged", ok(pot.command("received")).asText());
        assertTrue(pot.log.has("received notification from mothership"), pot.log.all());
    }

    @Test
    void readPublishesAReadingNowWithoutMovingTheSchedule() throws IOException {
        TestPot pot = new TestPot("publish.interval = 10s\n");
        pot.runFor(3_000);
        JsonNode result = ok(pot.command("read"));
        assertEquals(1, result.get("seq").asInt());
        assertEquals(2300, result.get("raw").asInt());
        assertEquals(50.0, result.get("moisture").asDouble());
        assertEquals(2, pot.readings().size(), "published at once");
        assertEquals(3_000, uptimeOf(pot.readings().get(1)), 1);
        pot.runFor(7_000);
        assertEquals(10_000, uptimeOf(pot.readings().get(2)), "the schedule kept its beat");
    }

    @Test
    void intervalRetimesThePotFromTheLastReading() throws IOException {
        TestPot pot = new TestPot("publish.interval = 5s\n");
        pot.runFor(5_001);
        assertEquals("30s", ok(pot.command("interval 30s")).get("interval").asText());
        pot.runFor(70_000);
        List<String> r = pot.readings();
        assertEquals(5_000, uptimeOf(r.get(1)));
        assertEquals(35_000, uptimeOf(r.get(2)), "the next reading is 30 s after the last one");
        assertEquals(65_000, uptimeOf(r.get(3)));
        assertEquals(4, r.size());
    }

    @Test
    void outOfRangeAndMalformedIntervalsAreRefusedAndChangeNothing() throws IOException {
        TestPot pot = new TestPot("publish.interval = 5s\n");
        pot.runFor(1);
        assertTrue(error(pot.command("interval 0")).contains("\"0\" is not a duration; expected a duration from 100ms to 1h"));
        assertTrue(error(pot.command("interval 0s")).contains("interval 0s is out of range; expected a duration from 100ms to 1h"));
        assertTrue(error(pot.command("interval 99999h")).contains("out of range"));
        assertTrue(error(pot.command("interval")).contains("interval needs one duration"));
        assertTrue(error(pot.command("interval 5 s")).contains("interval needs one duration"));
        assertTrue(error(pot.command("interval soon")).contains("\"soon\" is not a duration"));
        pot.runFor(20_000);
        assertEquals(5, pot.readings().size(), "still a reading every 5 s");
    }

    @Test
    void calibrateUsesWhatTheSensorReadsNowAndMovesTheMoisture() throws IOException {
        TestPot pot = new TestPot("sensor.raw.dry = 3200\nsensor.raw.wet = 1400\n");
        pot.runFor(1);
        pot.raw = 3000;
        JsonNode dry = ok(pot.command("calibrate dry"));
        assertEquals(3000, dry.get("raw_dry").asInt());
        assertEquals(1400, dry.get("raw_wet").asInt());
        pot.raw = 1600;
        JsonNode wet = ok(pot.command("calibrate wet"));
        assertEquals(1600, wet.get("raw_wet").asInt());
        pot.raw = 2300;
        pot.runFor(5_000);
        assertTrue(pot.readings().get(1).contains("\"raw\":2300,\"moisture\":50.0"), pot.readings().get(1));
        pot.raw = 1600;
        pot.runFor(5_000);
        assertTrue(pot.readings().get(2).contains("\"moisture\":100.0"), pot.readings().get(2));
        assertTrue(ok(pot.command("calibrate wet 1500")).get("raw_wet").asInt() == 1500);
    }

    @Test
    void calibrateRefusesABrokenSensorAndPointsTooCloseTogether() throws IOException {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        pot.raw = 0;
        assertTrue(error(pot.command("calibrate dry")).startsWith("the sensor reads disconnected (raw 0), so there is nothing to calibrate dry against"));
        pot.sensorBroken = true;
        assertTrue(error(pot.command("calibrate wet")).contains("could not be read (ADC timeout)"));
        pot.sensorBroken = false;
        pot.raw = 1450;
        assertTrue(error(pot.command("calibrate dry")).contains("is only 50 from the wet point; expected at least 102 apart"));
        assertTrue(error(pot.command("calibrate wet 4094")).contains("is at a rail of the ADC"));
        assertTrue(error(pot.command("calibrate")).contains("calibrate needs \"dry\" or \"wet\""));
        assertTrue(error(pot.command("calibrate moist")).contains("calibrate needs \"dry\" or \"wet\""));
        assertTrue(error(pot.command("calibrate dry 99999")).contains("expected a whole number from 1 to 4094"));
        JsonNode status = ok(pot.command("status"));
        assertEquals(3200, status.get("raw_dry").asInt(), "nothing changed");
    }

    @Test
    void waterRunsThePumpWhenThereIsOne() throws IOException {
        TestPot withPump = new TestPot("", new MemorySettingsStore(), true);
        withPump.runFor(1);
        assertEquals(250, ok(withPump.command("water 250")).get("watered_ml").asInt());
        assertTrue(error(withPump.command("water 0")).contains("expected millilitres from 1 to 2000"));
        withPump.runFor(3_600_000);
        assertEquals(100, ok(withPump.command("water")).get("watered_ml").asInt(), "100 ml when no amount is given");
        assertEquals(List.of(250, 100), withPump.watered);

        TestPot without = new TestPot("");
        without.runFor(1);
        assertEquals("this pot has no pump; expected a board with a pump, or water it by hand", error(without.command("water 200")));
    }

    @Test
    void statusTellsHowThePotIsDoing() throws IOException {
        TestPot pot = new TestPot("sensor.samples = 5\nsensor.smoothing = 3\n");
        pot.runFor(10_001);
        JsonNode s = ok(pot.command("status"));
        assertEquals("online", s.get("state").asText());
        assertEquals("5s", s.get("interval").asText());
        assertEquals(3, s.get("readings").asInt());
        assertEquals(3, s.get("published").asInt());
        assertEquals(0, s.get("queued").asInt());
        assertEquals(2300, s.get("last").get("raw").asInt());
        assertEquals(50.0, s.get("last").get("moisture").asDouble());
        assertEquals(5, s.get("samples").asInt());
        assertEquals(3, s.get("smoothing").asInt());
        assertEquals(950, s.get("plausible").get(0).asInt());
        assertEquals(3650, s.get("plausible").get(1).asInt());
        assertFalse(s.get("pump").asBoolean());
    }

    @Test
    void rebootAnswersFirstThenReboots() throws IOException {
        TestPot pot = new TestPot("");
        pot.runFor(600_000);
        assertEquals("rebooting", ok(pot.command("reboot")).asText());
        assertEquals(List.of("requested by the mothership"), pot.reboots);
    }

    @Test
    void helpListsTheCommands() throws IOException {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        String help = ok(pot.command("help")).asText();
        for (String c : List.of("received", "read", "interval", "calibrate dry|wet", "water", "status", "reboot")) {
            assertTrue(help.contains(c), help);
        }
    }

    @Test
    void unknownCommandsAndChatGetAnErrorSayingWhatIsExpected() throws IOException {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        assertEquals("unknown command \"wassap!\"; expected one of: " + CommandParser.USAGE, error(pot.command("wassap!")));
        assertTrue(pot.log.has("(from_mothership, wassap!)"), "the tutorial's log line stays");
        assertTrue(error(pot.command("status please")).contains("\"status\" takes no arguments"));
        assertTrue(json(pot.command("  STATUS  ")).get("ok").asBoolean(), "case and spaces do not matter");
    }

    @Test
    void commandsReachThePotOnItsOwnTopicButNotAnotherPotsTopic() throws IOException {
        TestPot pot = new TestPot("mqtt.topic.subscribe = from_mothership/#\n");
        pot.runFor(1);
        assertEquals(List.of("from_mothership/" + TestPot.ID + "/ack", "from_mothership/#", "homeassistant/status"), pot.mqtt.subscriptions,
                "the wildcard already covers this pot's own topic: no second subscription, no duplicates");
        assertTrue(json(pot.commandOn(OWN_TOPIC, "status")).get("ok").asBoolean());
        assertTrue(json(pot.commandOn("from_mothership", "status")).get("ok").asBoolean(), "the broadcast: \"a/#\" matches \"a\"");
        assertNull(pot.commandOn("from_mothership/0123456789ab", "reboot"), "another pot's command");
        assertTrue(pot.reboots.isEmpty());
    }

    @Test
    void hostileMessagesGetAnErrorOrAreDroppedAndThePotKeepsPublishing() throws IOException {
        TestPot pot = new TestPot("publish.interval = 1s\n");
        pot.runFor(1);
        assertNull(pot.command(""), "an empty message has nothing to answer");
        assertNull(pot.command(" \n\t "));
        assertTrue(pot.log.has("empty command ignored"), pot.log.all());

        pot.mqtt.deliver("from_mothership", new byte[] {'s', 't', 0, (byte) 0xff});
        pot.runFor(1);
        JsonNode binary = json(pot.replies().get(pot.replies().size() - 1));
        assertEquals("st??", binary.get("command").asText(), "echoed without the bytes");
        assertEquals("command is not plain text (byte 0x0 at 2); expected ASCII words such as \"status\"",
                binary.get("error").asText());

        byte[] huge = new byte[1_000_000];
        java.util.Arrays.fill(huge, (byte) 'a');
        pot.mqtt.deliver("from_mothership", huge);
        pot.runFor(1);
        JsonNode big = json(pot.replies().get(pot.replies().size() - 1));
        assertEquals("command is 1000000 bytes; expected at most 256 bytes of plain text such as \"status\"",
                big.get("error").asText());
        assertTrue(pot.log.has("(from_mothership, <1000000 bytes>)"), pot.log.all());
        assertTrue(pot.mqtt.sent.stream().allMatch(s -> s.payload().length() < 2_000), "nothing echoes the huge payload");

        pot.runFor(3_000);
        assertEquals(4, pot.readings().size(), "a reading every second throughout");
    }

    @Test
    void aRetainedCommandIsNeverRunSoItCannotRepeatAtEveryReconnect() throws IOException {
        TestPot pot = new TestPot("", new MemorySettingsStore(), true);
        pot.runFor(1);
        pot.mqtt.deliverRetained("from_mothership", "reboot");
        pot.mqtt.deliverRetained(OWN_TOPIC, "water 500");
        pot.runFor(1);
        assertTrue(pot.reboots.isEmpty());
        assertTrue(pot.watered.isEmpty(), "no plant drowned by a stale command");
        assertTrue(pot.replies().isEmpty());
        assertTrue(pot.log.has("retained command on from_mothership ignored: send commands without the retain flag"), pot.log.all());
        pot.mqtt.deliverRetained("homeassistant/status", "online");
        pot.runFor(1);
        assertTrue(pot.log.has("Home Assistant came online"), "Home Assistant's status may be retained: " + pot.log.all());
    }

    @Test
    void settingsSurviveAReconnect() throws IOException {
        TestPot pot = new TestPot("publish.interval = 5s\nbackoff.min = 1s\nbackoff.max = 1s\n");
        pot.runFor(1);
        ok(pot.command("interval 2s"));
        pot.mqtt.breakLink("Connection lost");
        pot.runFor(3_000);
        assertEquals(2, pot.mqtt.connects.size(), "reconnected");
        assertEquals("2s", ok(pot.command("status")).get("interval").asText());
    }

    @Test
    void settingsSurviveARebootThroughTheSettingsStore() throws IOException {
        SettingsStore flash = new MemorySettingsStore();
        TestPot first = new TestPot("publish.interval = 5s\n", flash, false);
        first.runFor(1);
        ok(first.command("interval 2s"));
        first.raw = 3100;
        ok(first.command("calibrate dry"));

        TestPot rebooted = new TestPot("publish.interval = 5s\n", flash, false);
        rebooted.runFor(4_001);
        assertEquals(3, rebooted.readings().size(), "a reading every 2 s after the reboot");
        JsonNode s = ok(rebooted.command("status"));
        assertEquals(3100, s.get("raw_dry").asInt());
        assertTrue(rebooted.log.has("using publish.interval = 2s set by the mothership (saved in the board's settings store)"
                + " instead of 5s from the board configuration"),
                rebooted.log.all());
    }

    @Test
    void aSettingChangedInTheConfigFileAfterTheCommandWins() throws IOException {
        SettingsStore flash = new MemorySettingsStore();
        TestPot first = new TestPot("publish.interval = 5s\n", flash, false);
        first.runFor(1);
        ok(first.command("interval 2s"));

        TestPot edited = new TestPot("publish.interval = 10s\n", flash, false);
        edited.runFor(1);
        assertEquals("10s", ok(edited.command("status")).get("interval").asText());
        assertTrue(edited.log.has("using publish.interval = 10s from the board configuration instead of 2s set by the mothership"
                + " (saved in the board's settings store): it differs from the 5s that command replaced"),
                edited.log.all());
    }

    @Test
    void aSettingThatCannotBeSavedStillAppliesAndTheReplySaysSo() throws IOException {
        SettingsStore readOnly = new SettingsStore() {
            @Override
            public String load() {
                return null;
            }

            @Override
            public void save(String text) throws IOException {
                throw new IOException("read-only file system");
            }

            @Override
            public void save(byte[] text, int length) throws IOException {
                throw new IOException("read-only file system");
            }
        };
        TestPot pot = new TestPot("", readOnly, false);
        pot.runFor(1);
        JsonNode reply = json(pot.command("interval 2s"));
        assertTrue(reply.get("ok").asBoolean());
        assertEquals("not saved (read-only file system): this setting lasts until the next reboot", reply.get("warning").asText());
        assertEquals("2s", ok(pot.command("status")).get("interval").asText());
    }
}
