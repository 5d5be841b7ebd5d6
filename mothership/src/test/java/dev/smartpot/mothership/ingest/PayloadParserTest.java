package dev.smartpot.mothership.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PayloadParserTest {

    private final PayloadParser parser = new PayloadParser();

    private Inbound parse(String topic, String payload) {
        return parser.parse(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPotsReadingOnTheTutorialTopicTakesTheIdFromTheJson() {
        Inbound.Reading r = assertInstanceOf(Inbound.Reading.class, parse("to_mothership",
                "{\"id\":\"a4cf12b0c0de\",\"seq\":7,\"raw\":2210,\"moisture\":48.6,\"uptime_ms\":35000,\"ts\":1767225600000,\"dropped\":2}"));
        assertEquals("a4cf12b0c0de", r.potId());
        assertEquals(7, r.seq());
        assertEquals(2210, r.raw());
        assertEquals(48.6, r.moisture());
        assertEquals(35000L, r.uptimeMs());
        assertEquals(1767225600000L, r.ts());
        assertEquals(2, r.dropped());
        assertNull(r.boot());
        assertNull(r.note());
    }

    @Test
    void aFaultReadingHasNoMoistureAndABootFieldIsKept() {
        Inbound.Reading r = assertInstanceOf(Inbound.Reading.class, parse("to_mothership/p1",
                "{\"id\":\"p1\",\"seq\":3,\"fault\":\"disconnected\",\"uptime_ms\":100,\"boot\":4}"));
        assertEquals("disconnected", r.fault());
        assertNull(r.moisture());
        assertNull(r.raw());
        assertEquals(4L, r.boot());
    }

    @Test
    void aBatteryPotsVoltageIsKeptAndANonsenseOneLeftOutWithoutRejectingTheReading() {
        Inbound.Reading r = assertInstanceOf(Inbound.Reading.class, parse("to_mothership",
                "{\"id\":\"a4cf12b0c0de\",\"seq\":9,\"boot\":1,\"raw\":2210,\"moisture\":48.6,\"uptime_ms\":35000,\"battery_mv\":2882}"));
        assertEquals(2882, r.batteryMv());
        assertEquals(48.6, r.moisture());
        Inbound.Reading without = assertInstanceOf(Inbound.Reading.class, parse("to_mothership",
                "{\"id\":\"a4cf12b0c0de\",\"seq\":10,\"moisture\":48.6,\"uptime_ms\":1}"));
        assertNull(without.batteryMv(), "the tutorial's pot has none");
        for (String bad : new String[] {"-5", "\"3V\"", "2.9", "999999", "null"}) {
            Inbound.Reading odd = assertInstanceOf(Inbound.Reading.class, parse("to_mothership",
                    "{\"id\":\"a4cf12b0c0de\",\"seq\":11,\"moisture\":48.6,\"uptime_ms\":1,\"battery_mv\":" + bad + "}"), bad);
            assertNull(odd.batteryMv(), bad);
            assertEquals(48.6, odd.moisture(), bad);
        }
    }

    @Test
    void onAPerPotTopicTheTopicIdIsTrustedAndTheMismatchNoted() {
        Inbound.Reading r = assertInstanceOf(Inbound.Reading.class, parse("to_mothership/kitchen",
                "{\"id\":\"bedroom\",\"seq\":1,\"moisture\":40,\"uptime_ms\":1}"));
        assertEquals("kitchen", r.potId());
        assertTrue(r.note().contains("bedroom"), r.note());
    }

    @Test
    void theTutorialsTextIsAMessageNotJunk() {
        Inbound.Message m = assertInstanceOf(Inbound.Message.class, parse("to_mothership", "Test to mothership #12"));
        assertFalse(m.junk());
        assertEquals("Test to mothership #12", m.text());
    }

    @Test
    void statusesAndRepliesAreRecognised() {
        Inbound.Status s = assertInstanceOf(Inbound.Status.class, parse("to_mothership/p1/status", "Offline"));
        assertEquals("offline", s.status());
        Inbound.Reply r = assertInstanceOf(Inbound.Reply.class, parse("to_mothership/p1/reply",
                "{\"ok\":false,\"command\":\"interval 0\",\"error\":\"out of range\"}"));
        assertFalse(r.ok());
        assertEquals("interval 0", r.command());
        assertEquals("out of range", r.error());
    }

    @Test
    void junkIsNamedWithItsProblem() {
        String[][] cases = {
                {"to_mothership", "[1,2]", "not an object"},
                {"to_mothership", "{\"seq\":", "malformed"},
                {"to_mothership", "{\"seq\":1,\"moisture\":3}", "no pot id"},
                {"to_mothership", "{\"id\":\"a b\",\"seq\":1,\"moisture\":3}", "bad pot id"},
                {"to_mothership/p", "{\"id\":\"p\",\"moisture\":3}", "no \"seq\""},
                {"to_mothership/p", "{\"id\":\"p\",\"seq\":-1,\"moisture\":3}", "no \"seq\""},
                {"to_mothership/p", "{\"id\":\"p\",\"seq\":1,\"moisture\":300}", "outside 0-100"},
                {"to_mothership/p", "{\"id\":\"p\",\"seq\":1}", "neither"},
                {"to_mothership/p", "{\"seq\":1,\"seq\":2,\"moisture\":3}", "malformed"},
                {"to_mothership/p/x", "hello", "unexpected topic"},
                {"to_mothership/p/reply", "ok", "reply"},
                {"to_mothership", "   ", "empty"},
        };
        for (String[] c : cases) {
            Inbound.Message m = assertInstanceOf(Inbound.Message.class, parse(c[0], c[1]), c[1]);
            assertTrue(m.junk(), c[1]);
            assertTrue(m.problem().contains(c[2]), c[1] + " -> " + m.problem());
        }
    }

    @Test
    void binaryAndHugePayloadsAreJunkAndKeptSmall() {
        Inbound.Message bin = assertInstanceOf(Inbound.Message.class, parser.parse("to_mothership", new byte[] {0, (byte) 0xc3, 0x28}));
        assertTrue(bin.junk());
        assertTrue(bin.text().startsWith("hex:"));
        Inbound.Message huge = assertInstanceOf(Inbound.Message.class, parser.parse("to_mothership", new byte[1_000_000]));
        assertTrue(huge.problem().contains("too big"));
        assertTrue(huge.text().length() < 100);
    }

    /** Hostile payloads: random bytes and mangled readings never throw and always come back bounded. */
    @Test
    void fuzzNeverThrowsAndNeverKeepsMuch() {
        Random random = new Random(42);
        String good = "{\"id\":\"p1\",\"seq\":7,\"raw\":2210,\"moisture\":48.6,\"uptime_ms\":35000}";
        String[] topics = {"to_mothership", "to_mothership/p1", "to_mothership/p1/status", "to_mothership/p1/reply"};
        for (int i = 0; i < 5_000; i++) {
            byte[] payload;
            if (i % 2 == 0) {
                payload = new byte[random.nextInt(600)];
                random.nextBytes(payload);
            } else {
                StringBuilder s = new StringBuilder(good);
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    int at = random.nextInt(s.length());
                    switch (random.nextInt(3)) {
                        case 0 -> s.deleteCharAt(at);
                        case 1 -> s.insert(at, "{}[]\",:0-e9\\u".charAt(random.nextInt(13)));
                        default -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
                    }
                }
                payload = s.toString().getBytes(StandardCharsets.UTF_8);
            }
            Inbound in = parser.parse(topics[random.nextInt(topics.length)], payload);
            assertNotNull(in);
            if (in instanceof Inbound.Message m) {
                assertTrue(m.text().length() <= PayloadParser.KEEP_CHARS + 3);
                assertTrue(!m.junk() || m.problem() != null);
            }
        }
    }
}
