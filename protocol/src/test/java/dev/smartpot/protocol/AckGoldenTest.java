package dev.smartpot.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What the mothership encodes as an acknowledgement, the pot decodes, field for field; anything else is refused whole. */
class AckGoldenTest {

    private final AckDecoder decoder = new AckDecoder();

    private int decode(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(b, b.length);
    }

    @Test
    void theEncoderWritesTheGoldenAckByteForByte() {
        WireText out = new WireText();
        AckEncoder.json(out, new long[] {4, 3}, new long[] {120, 0}, new long[] {131, 119}, 2);
        assertEquals(GoldenMessages.ACK.payload(), out.toString());
        assertEquals(GoldenMessages.ACK.topic(), WireTopics.ack(GoldenMessages.POT));
    }

    @Test
    void theGoldenAckDecodesFieldForField() {
        assertEquals(2, decode(GoldenMessages.ACK.payload()));
        assertEquals(4, decoder.boots[0]);
        assertEquals(120, decoder.from[0]);
        assertEquals(131, decoder.to[0]);
        assertEquals(3, decoder.boots[1]);
        assertEquals(0, decoder.from[1]);
        assertEquals(119, decoder.to[1]);
    }

    @Test
    void spacesAndMemberOrderDoNotMatterAndAnEmptyListIsNothingStored() {
        assertEquals(1, decode(" { \"runs\" : [ { \"to\" : 9 , \"boot\":1,\"from\":0 } ] } \n"));
        assertArrayEquals(new long[] {1, 0, 9}, new long[] {decoder.boots[0], decoder.from[0], decoder.to[0]});
        assertEquals(0, decode("{\"runs\":[]}"));
    }

    @Test
    void anythingElseIsRefusedWhole() {
        for (String bad : new String[] {"", "received", "wassap!", "water 150", "{}", "{\"runs\":{}}",
            "{\"runs\":[{\"boot\":1,\"from\":5,\"to\":4}]}", "{\"runs\":[{\"boot\":1,\"from\":0}]}",
            "{\"runs\":[{\"boot\":1,\"from\":0,\"to\":4,\"x\":1}]}", "{\"runs\":[{\"boot\":1,\"boot\":2,\"to\":4}]}",
            "{\"runs\":[{\"boot\":-1,\"from\":0,\"to\":4}]}", "{\"runs\":[{\"boot\":1,\"from\":0.5,\"to\":4}]}",
            "{\"runs\":[{\"boot\":1,\"from\":00,\"to\":4}]}", "{\"runs\":[{\"boot\":1,\"from\":0,\"to\":4}]} x",
            "{\"runs\":[{\"boot\":1,\"from\":0,\"to\":99999999999999999999}]}",
            "{\"runs\":[" + "{\"boot\":1,\"from\":0,\"to\":4},".repeat(AckFields.MAX_RUNS) + "{\"boot\":1,\"from\":0,\"to\":4}]}"}) {
            assertEquals(AckDecoder.MALFORMED, decode(bad), bad);
        }
    }

    @Test
    void aPotTellsAnAckFromACommandByItsTopic() {
        assertFalse(WireTopics.ack(GoldenMessages.POT).equals(WireTopics.commands(GoldenMessages.POT)));
        assertEquals(WireTopics.commands(GoldenMessages.POT) + "/" + WireTopics.ACK_LEVEL, WireTopics.ack(GoldenMessages.POT));
    }
}
