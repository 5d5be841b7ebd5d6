package dev.smartpot.device.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.fakes.TestPot;
import dev.smartpot.protocol.CommandParser;
import dev.smartpot.protocol.CommandParserTest;

/**
 * Thousands of random messages thrown at a running pot on every topic it listens to, while it keeps
 * its schedule: nothing escapes the loop, every command gets one well-formed reply, and every reading
 * is still published, in order.
 */
class DeviceLoopFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // No "reboot": a reboot ends the device loop, and the point here is that the loop goes on.
    private static final String[] SEEDS = {"received", "read", "interval 2s", "interval 0", "interval 99999h", "calibrate dry",
            "calibrate wet 1500", "calibrate dry 3300", "water 200", "status", "help", "wassap!"};

    @Test
    void randomMessagesNeverStopThePotAndEveryCommandIsAnswered() throws Exception {
        TestPot pot = new TestPot("publish.interval = 1s\nsensor.samples = 5\nsensor.smoothing = 3\n",
                new MemorySettingsStore(), true);
        Random random = new Random(42);
        String[] topics = {"from_mothership", "from_mothership/" + TestPot.ID, "from_mothership/0123456789ab",
                "homeassistant/status", "somewhere/else"};
        pot.runFor(1);
        int expectedReplies = 0;
        int messages = 0;
        for (int step = 0; step < 1_500; step++) {
            for (int n = random.nextInt(5); n > 0; n--) {
                int t = random.nextInt(topics.length);
                byte[] payload = t == 3 && random.nextBoolean() ? "online".getBytes(StandardCharsets.US_ASCII)
                        : CommandParserTest.payload(random, SEEDS);
                pot.mqtt.deliver(topics[t], payload);
                messages++;
                boolean blank = payload.length <= CommandParser.MAX_BYTES
                        && new String(payload, StandardCharsets.ISO_8859_1).isBlank();
                if (t <= 1 && !blank) {
                    expectedReplies++;
                }
            }
            pot.raw = 1500 + random.nextInt(2000);
            pot.runFor(200 + random.nextInt(600));
        }
        assertTrue(messages > 2_500, "messages " + messages);

        List<String> replies = pot.replies();
        assertEquals(expectedReplies, replies.size(), "one reply per command, none for other pots or Home Assistant");
        int ok = 0;
        for (String r : replies) {
            JsonNode reply = JSON.readTree(r);
            assertTrue(reply.get("ok").isBoolean() && reply.get("command").isTextual(), r);
            assertTrue(reply.get("ok").asBoolean() ? reply.has("result") : reply.get("error").asText().contains("expected"), r);
            ok += reply.get("ok").asBoolean() ? 1 : 0;
        }
        assertTrue(ok > 100 && ok < replies.size(), ok + " of " + replies.size() + " accepted");

        // Whatever the fuzz set, the pot is online, its queue drained, and every reading went out once, in order.
        assertEquals(PotNode.ONLINE, pot.node.state());
        assertEquals(0, pot.node.queuedReadings());
        List<Long> seqs = pot.publishedSeqs();
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(i, seqs.get(i).longValue());
        }
        for (String reading : pot.readings()) {
            JsonNode r = JSON.readTree(reading);
            assertTrue(r.has("moisture") != r.has("fault"), "moisture or a fault, never both: " + reading);
        }
        assertTrue(pot.reboots.isEmpty());

        // And it still obeys, once the interval limit (one a minute after a burst) lets one through: back to a reading a second.
        pot.runFor(60_000);
        assertTrue(JSON.readTree(pot.command("interval 1s")).get("ok").asBoolean());
        int before = pot.readings().size();
        pot.runFor(10_000);
        assertEquals(before + 10, pot.readings().size(), 1);
    }
}
