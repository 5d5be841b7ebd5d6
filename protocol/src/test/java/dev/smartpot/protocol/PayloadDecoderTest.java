package dev.smartpot.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The decoder reads JSON strictly without a library, and never throws: anything else is junk with its problem. */
class PayloadDecoderTest {

    private final PayloadDecoder decoder = new PayloadDecoder();

    private Decoded decode(String topic, String payload) {
        return decoder.decode(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private String problem(String payload) {
        Decoded.Message m = assertInstanceOf(Decoded.Message.class, decode(WireTopics.UP, payload), payload);
        assertTrue(m.junk, payload);
        return m.problem;
    }

    @Test
    void malformedJsonIsJunkThatSaysWhatWasExpected() {
        for (String bad : new String[] {
            "{\"id\":\"p\",\"seq\":1,\"seq\":2,\"moisture\":1}",   // a duplicate name: which seq?
            "{\"id\":\"p\",\"seq\":1,\"moisture\":1} trailing",
            "{\"id\":\"p\",\"seq\":01,\"moisture\":1}",
            "{\"id\":\"p\",\"seq\":1,\"moisture\":1,}",
            "{\"id\":\"p\\x\",\"seq\":1,\"moisture\":1}",
            "{\"id\":\"p\",\"seq\":1,\"moisture\":.5}",
            "{\"id\":\"p\",\"seq\":1,\"moisture\":1",
        }) {
            assertTrue(problem(bad).startsWith("malformed JSON; expected {\"id\":...,\"seq\":...,...}"), bad);
        }
        assertTrue(problem("[1,2]").startsWith("JSON but not an object"));
        assertTrue(problem("{\"id\":\"p\",\"seq\":-1,\"moisture\":1}").startsWith("no \"seq\""));
        assertTrue(problem("{\"id\":\"p\",\"seq\":1.0,\"moisture\":1}").startsWith("no \"seq\""), "a whole number only");
        assertTrue(problem("{\"id\":\"p\",\"seq\":1}").startsWith("neither \"moisture\" nor \"fault\""));
        assertTrue(problem("{\"seq\":1,\"moisture\":1}").startsWith("no pot id"));
        assertTrue(problem("{\"id\":\"p\",\"seq\":1,\"moisture\":100.5}").contains("outside 0-100%"));
    }

    @Test
    void escapesNestingAndNumbersAreReadAsJsonSaysAndTooDeepIsRefused() {
        Decoded.Reading r = assertInstanceOf(Decoded.Reading.class, decode(WireTopics.UP,
                " {\"id\":\"p\\u0031\",\"seq\":7,\"moisture\":4.25e1,\"extra\":{\"a\":[1,{\"b\":null}]},\"fault\":null} "));
        assertEquals("p1", r.potId);
        assertEquals(42.5, r.moisture);
        StringBuilder deep = new StringBuilder("{\"id\":\"p\",\"seq\":1,\"moisture\":1,\"x\":");
        deep.append("[".repeat(100)).append("]".repeat(100)).append('}');
        assertTrue(problem(deep.toString()).startsWith("malformed JSON"), "nesting is bounded, not a stack overflow");
    }

    @Test
    void neverThrowsWhateverArrives() {
        Random random = new Random(18);
        String[] topics = {WireTopics.UP, "to_mothership/p", "to_mothership/p/status", "to_mothership/p/reply",
            "to_mothership/p/about", "to_mothership/p/other", "elsewhere"};
        String seed = "{\"id\":\"p\",\"seq\":7,\"boot\":1,\"raw\":2210,\"moisture\":55.0,\"ok\":true,\"protocol\":1}";
        String breakers = "{}[]\",:\\0-e.tn ";
        for (int i = 0; i < 20_000; i++) {
            byte[] payload;
            if (random.nextBoolean()) {
                payload = new byte[random.nextInt(64)];
                random.nextBytes(payload);
            } else {
                char[] c = seed.toCharArray();
                for (int k = random.nextInt(4); k >= 0; k--) {
                    c[random.nextInt(c.length)] = breakers.charAt(random.nextInt(breakers.length()));
                }
                payload = new String(c).getBytes(StandardCharsets.UTF_8);
            }
            assertNotNull(decoder.decode(topics[random.nextInt(topics.length)], payload));
        }
    }

    @Test
    void aStatusThatIsNoneOfTheThreeIsJunkNamingThem() {
        String topic = "to_mothership/p/status";
        for (String bad : new String[] {"sleeping until 22:15 UTC", "{\"state\":\"dozing\"}", "{\"state\":\"asleep\"}",
            "{\"state\":", "{\"wake_at\":5}"}) {
            Decoded.Message m = assertInstanceOf(Decoded.Message.class, decode(topic, bad), bad);
            assertTrue(m.junk, bad);
            assertTrue(m.problem.contains("online") || m.problem.contains("sleep_ms"), m.problem);
        }
        Decoded.Status cleared = assertInstanceOf(Decoded.Status.class, decode(topic, ""));
        assertNull(cleared.state);
        Decoded.Status odd = assertInstanceOf(Decoded.Status.class,
                decode(topic, "{\"state\":\"asleep\",\"sleep_ms\":1000,\"wake\":{\"read_ms\":-4,\"wifi_ms\":\"x\"}}"));
        assertEquals(WakePhases.UNKNOWN, odd.wake.readMillis, "a phase that is not a whole number >= 0 is unknown");
        assertEquals(WakePhases.UNKNOWN, odd.wake.wifiMillis);
    }

    @Test
    void strictUtf8() {
        Decoded.Message m = assertInstanceOf(Decoded.Message.class,
                decoder.decode(WireTopics.UP, new byte[] {(byte) 0xc0, (byte) 0xaf}));
        assertTrue(m.problem.startsWith("binary, not UTF-8 text"), m.problem);
        Decoded.Message text = assertInstanceOf(Decoded.Message.class, decode(WireTopics.UP, "Grüße #1 🌱"));
        assertEquals("Grüße #1 🌱", text.text);
    }
}
