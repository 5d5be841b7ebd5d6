package dev.smartpot.mothership.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Issue 23, hole 12: a negative boot count and a moisture of -0.0 % were stored as readings. */
class ReadingSignsTest {

    private final PayloadParser parser = new PayloadParser();

    private Inbound parse(String payload) {
        return parser.parse("to_mothership/p1", payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNegativeBootIsJunkWithTheReason() {
        Inbound.Message junk = assertInstanceOf(Inbound.Message.class, parse("{\"id\":\"p1\",\"seq\":1,\"boot\":-1,\"moisture\":40.0}"));
        assertTrue(junk.junk());
        assertTrue(junk.problem().contains("boot -1 is negative"), junk.problem());
        assertEquals(0L, assertInstanceOf(Inbound.Reading.class, parse("{\"id\":\"p1\",\"seq\":1,\"boot\":0,\"moisture\":40.0}")).boot());
    }

    @Test
    void minusZeroPercentIsJunkButZeroIsAReading() {
        Inbound.Message junk = assertInstanceOf(Inbound.Message.class, parse("{\"id\":\"p1\",\"seq\":1,\"moisture\":-0.0}"));
        assertTrue(junk.problem().contains("outside 0-100%"), junk.problem());
        assertEquals(0.0, assertInstanceOf(Inbound.Reading.class, parse("{\"id\":\"p1\",\"seq\":1,\"moisture\":0.0}")).moisture());
    }
}
