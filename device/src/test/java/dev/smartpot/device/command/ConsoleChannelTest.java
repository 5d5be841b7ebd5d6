package dev.smartpot.device.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.fakes.TestPot;

/**
 * Commands typed at the pot's own console run through the mothership's command path: the same checks, limits and
 * reply, logged for the person at the console instead of published, with the console named as the source.
 */
class ConsoleChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String reply) throws IOException {
        assertTrue(reply != null, "a reply was logged");
        return JSON.readTree(reply);
    }

    private static long uptimeOf(String reading) throws IOException {
        return JSON.readTree(reading).get("uptime_ms").asLong();
    }

    @Test
    void readPublishesAReadingAtOnceAndTheConsoleIsNamedAsTheSource() throws IOException {
        TestPot pot = new TestPot("publish.interval = 10s\n");
        pot.runFor(3_000);
        JsonNode reply = json(pot.type("read"));
        assertTrue(reply.get("ok").asBoolean(), reply.toString());
        assertEquals(1, reply.get("result").get("seq").asInt());
        assertEquals(2, pot.readings().size(), "published at once, not at the next 10 s slot");
        assertEquals(3_000, uptimeOf(pot.readings().get(1)), 1);
        assertTrue(pot.log.has("INFO console command: read"), pot.log.all());
        assertTrue(pot.mqtt.sentTo("to_mothership/" + TestPot.ID + "/reply").isEmpty(),
                "the mothership did not ask: the reply is for the console only");
    }

    @Test
    void theConsoleGetsTheMothershipsReplyWordForWord() throws IOException {
        for (String command : List.of("interval 2s", "interval 0s", "interval soon", "calibrate dry 3100", "calibrate wet 4094",
                "calibrate moist", "read now", "wassap!", "status", "help")) {
            TestPot typed = new TestPot("");
            TestPot sent = new TestPot("");
            typed.runFor(1);
            sent.runFor(1);
            String fromMothership = sent.command(command);
            String fromConsole = typed.type(command);
            if (command.equals("status")) {
                // Only the counts of published replies differ: compare the shape.
                assertEquals(json(fromMothership).get("result").size(), json(fromConsole).get("result").size());
            } else {
                assertEquals(fromMothership, fromConsole, command);
            }
        }
    }

    @Test
    void intervalRetimesThePotAndIsSavedAsTheMothershipsIs() throws IOException {
        SettingsStore settings = new MemorySettingsStore();
        TestPot pot = new TestPot("publish.interval = 5s\n", settings, false);
        pot.runFor(5_001);
        assertEquals("2s", json(pot.type("interval 2s")).get("result").get("interval").asText());
        assertTrue(pot.log.has("command: a reading every 2s from now on"), pot.log.all());
        pot.runFor(6_000);
        List<String> r = pot.readings();
        assertEquals(7_000, uptimeOf(r.get(2)), "2 s after the last reading");
        assertEquals(9_000, uptimeOf(r.get(3)));
        TestPot rebooted = new TestPot("publish.interval = 5s\n", settings, false);
        rebooted.runFor(4_001);
        assertEquals(3, rebooted.readings().size(), "the saved 2 s outlives a reboot, as the mothership's does");
    }

    @Test
    void badInputNamesTheProblemAndTheFixAndChangesNothing() throws IOException {
        TestPot pot = new TestPot("publish.interval = 5s\n");
        pot.runFor(1);
        JsonNode reply = json(pot.type("interval 0s"));
        assertFalse(reply.get("ok").asBoolean());
        assertEquals("interval 0s is out of range; expected a duration from 100ms to 1h, e.g. \"interval 30s\"",
                reply.get("error").asText());
        assertTrue(json(pot.type("calibrate")).get("error").asText().contains("expected \"calibrate dry\" with the sensor in dry air"));
        String huge = "interval " + "9".repeat(400);
        assertTrue(json(pot.type(huge)).get("error").asText().startsWith("command is 409 bytes; expected at most 256 bytes"));
        assertTrue(json(pot.type("interval \u00e9s")).get("error").asText().startsWith("command is not plain text"));
        pot.runFor(20_000);
        assertEquals(5, pot.readings().size(), "still a reading every 5 s");
    }

    @Test
    void calibrateChangesWhatThePotReports() throws IOException {
        TestPot pot = new TestPot("sensor.raw.dry = 3200\nsensor.raw.wet = 1400\n");
        pot.runFor(1);
        assertEquals(500, pot.node.lastMoistureTenths(), "2300 counts is half way");
        pot.type("calibrate wet 2300");
        pot.type("read");
        assertEquals(1000, pot.node.lastMoistureTenths(), "2300 counts is now the wet point");
        assertTrue(pot.readings().get(1).contains("\"moisture\":100.0"), pot.readings().get(1));
    }

    @Test
    void theConsoleSharesTheMothershipsLimits() throws IOException {
        TestPot pot = new TestPot("commands.limit.burst = 2\n");
        pot.runFor(1);
        pot.command("interval 2s");
        pot.type("interval 3s");
        JsonNode refused = json(pot.type("interval 4s"));
        assertTrue(refused.get("error").asText().startsWith("interval refused: at most 2 interval commands at once"), refused.toString());
    }

    @Test
    void rebootFromTheConsoleRebootsAsTheMothershipsDoesButIsNotLimited() throws IOException {
        TestPot pot = new TestPot("");
        pot.runFor(1_000);
        assertFalse(json(pot.command("reboot")).get("ok").asBoolean(), "the mothership may not reboot a pot just booted");
        assertEquals("rebooting", json(pot.type("reboot")).get("result").asText());
        assertEquals(List.of("requested at the console"), pot.reboots);
        assertTrue(pot.log.has("WARN reboot requested at the console"), pot.log.all());
    }

    @Test
    void aPastedScriptRunsInOrderWithoutHoldingReadingsBack() throws IOException {
        TestPot pot = new TestPot("publish.interval = 1s\n");
        pot.runFor(1);
        for (int i = 0; i < 10; i++) {
            pot.typed.add(("calibrate dry " + (3000 + i)).getBytes(StandardCharsets.US_ASCII));
        }
        pot.runFor(2_000);
        assertTrue(pot.typed.isEmpty());
        assertEquals(10, pot.log.count("console reply: "), pot.log.all());
        assertEquals(5, pot.log.count("\"ok\":true"), "the burst of 5, then refusals: " + pot.log.all());
        assertEquals(3, pot.readings().size());
    }

    @Test
    void tenThousandPastedLinesAreAllAnsweredAndNoReadingIsLate() throws IOException {
        TestPot pot = new TestPot("publish.interval = 1s\n");
        pot.runFor(999);
        // Pasted 1 ms before a reading is due, more than the loop runs by then: the reading goes first, on its beat.
        for (int i = 0; i < 10_000; i++) {
            pot.typed.add("read now".getBytes(StandardCharsets.US_ASCII));
        }
        pot.runFor(2_100);
        assertEquals(10_000, pot.log.count("console reply: {\"ok\":false,\"command\":\"read now\""));
        List<String> r = pot.readings();
        assertEquals(4, r.size(), r.toString());
        for (int i = 0; i < r.size(); i++) {
            assertEquals(i * 1000L, uptimeOf(r.get(i)), "reading " + i + " on its beat");
        }
    }

    @Test
    void theLastReadingIsWhatThePotReportedFaultsIncluded() {
        TestPot pot = new TestPot("");
        assertEquals(-1, pot.node.lastMoistureTenths(), "no reading yet");
        assertNull(pot.node.lastFault());
        pot.runFor(1);
        assertEquals(500, pot.node.lastMoistureTenths());
        pot.raw = 0;
        pot.runFor(5_000);
        assertEquals(-1, pot.node.lastMoistureTenths());
        assertEquals("disconnected", pot.node.lastFault());
        assertTrue(pot.readings().get(1).contains("\"fault\":\"disconnected\""), pot.readings().get(1));
    }
}
