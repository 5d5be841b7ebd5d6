package dev.smartpot.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** A reading's numbers at a long's edges and its texts past ASCII, through the whole decoder. */
class ReadingEdgesTest {

    private final PayloadDecoder decoder = new PayloadDecoder();

    private Decoded decode(String json) {
        return decoder.decode(WireTopics.readings("p1"), json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSeqUpToLongMaxIsKeptAndOnePastItIsRefusedInWords() {
        Decoded.Reading r = assertInstanceOf(Decoded.Reading.class,
                decode("{\"seq\":9223372036854775807,\"moisture\":48.6,\"ts\":-9223372036854775808}"));
        assertEquals(Long.MAX_VALUE, r.seq);
        assertEquals(Long.MIN_VALUE, r.ts);
        assertEquals(48.6, r.moisture);
        Decoded.Message m = assertInstanceOf(Decoded.Message.class, decode("{\"seq\":9223372036854775808,\"moisture\":1}"));
        assertEquals("no \"seq\": expected a whole number >= 0", m.problem);
        Decoded.Reading past = assertInstanceOf(Decoded.Reading.class,
                decode("{\"seq\":-0,\"moisture\":0,\"ts\":-9223372036854775809}"));
        assertEquals(0, past.seq, "-0 is 0");
        assertNull(past.ts, "a ts past a long is left out, as before");
    }

    @Test
    void minusZeroMoistureIsStillRefusedAndTextsPastAsciiAreKept() {
        Decoded.Message m = assertInstanceOf(Decoded.Message.class, decode("{\"seq\":1,\"moisture\":-0.0}"));
        assertEquals("moisture -0.0 is outside 0-100%", m.problem);
        Decoded.Reading r = assertInstanceOf(Decoded.Reading.class,
                decode("{\"id\":\"p1\",\"seq\":1,\"fault\":\"Fühler \\u2013 offen 🌱\"}"));
        assertEquals("Fühler – offen 🌱", r.fault);
        Decoded.Message control = assertInstanceOf(Decoded.Message.class, decode("{\"seq\":1,\"fault\":\"é\u0007\"}"));
        assertEquals("binary, not UTF-8 text; expected a JSON reading", control.problem);
    }
}
