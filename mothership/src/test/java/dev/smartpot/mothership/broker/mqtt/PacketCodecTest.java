package dev.smartpot.mothership.broker.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The codec on byte arrays, against the packet layouts of the MQTT 3.1.1 specification (chapters 2 and 3). */
class PacketCodecTest {

    private static final int LIMIT = PacketReader.MAX_REMAINING_LENGTH;

    private static byte[] written(IoAction a) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PacketWriter w = new PacketWriter(bytes);
        a.run(w);
        w.flush();
        return bytes.toByteArray();
    }

    private static PacketReader reader(byte[] bytes, int limit) {
        return new PacketReader(new BufferedInputStream(new ByteArrayInputStream(bytes)), limit);
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void aPublishRoundTripsWithItsTopicIdentifierPayloadAndRetainFlag() throws IOException {
        byte[] payload = "{\"seq\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] wire = written(w -> w.publish(513, "from_mothership/pot1", payload, true));
        assertEquals(0x33, wire[0] & 0xFF, "PUBLISH, QoS 1, retain");
        PacketReader r = reader(wire, LIMIT);
        assertEquals(PacketReader.PUBLISH, r.next());
        assertEquals("from_mothership/pot1", r.topic());
        assertEquals(513, r.packetId());
        assertEquals(1, r.qos());
        assertTrue(r.retained());
        assertFalse(r.dup());
        assertArrayEquals(payload, r.payload());
    }

    @Test
    void aTopicWithMultiByteUtf8RoundTrips() throws IOException {
        String topic = "to_mothership/Töpfchen/温度/🌱";
        PacketReader r = reader(written(w -> w.publish(7, topic, new byte[] {1, 2}, false)), LIMIT);
        assertEquals(PacketReader.PUBLISH, r.next());
        assertEquals(topic, r.topic());
        assertArrayEquals(new byte[] {1, 2}, r.payload());
    }

    @Test
    void packetsInARowAreReadOneAfterAnother() throws IOException {
        byte[] wire = written(w -> {
            w.publish(1, "a", new byte[] {9}, false);
            w.puback(65_535);
            w.publish(2, "b", new byte[0], false);
        });
        PacketReader r = reader(wire, LIMIT);
        assertEquals(PacketReader.PUBLISH, r.next());
        assertEquals("a", r.topic());
        assertEquals(PacketReader.PUBACK, r.next());
        assertEquals(65_535, r.packetId());
        assertEquals(PacketReader.PUBLISH, r.next());
        assertEquals("b", r.topic());
        assertEquals(0, r.payload().length);
        assertThrows(EOFException.class, r::next);
    }

    /** Remaining lengths at the edges of one, two, three and four length bytes. */
    @ParameterizedTest
    @ValueSource(ints = {127, 128, 16_383, 16_384, 2_097_151, 2_097_152})
    void remainingLengthsAtTheEdgesRoundTrip(int remaining) throws IOException {
        String topic = "t";
        byte[] payload = new byte[remaining - 2 - topic.length() - 2];
        Arrays.fill(payload, (byte) 'x');
        byte[] wire = written(w -> w.publish(1, topic, payload, false));
        int lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : remaining < 2_097_152 ? 3 : 4;
        assertEquals(1 + lengthBytes + remaining, wire.length);
        assertEquals(0, wire[lengthBytes] & 0x80, "the last length byte has no continuation bit");
        PacketReader r = reader(wire, LIMIT);
        assertEquals(PacketReader.PUBLISH, r.next());
        assertEquals(payload.length, r.payload().length);
    }

    @Test
    void theRemainingLengthIsEncodedAsTheSpecificationShows() throws IOException {
        // Spec 2.2.3: 321 = 0xC1 0x02.
        byte[] wire = written(w -> w.publish(1, "t", new byte[321 - 5], false));
        assertEquals(0xC1, wire[1] & 0xFF);
        assertEquals(0x02, wire[2] & 0xFF);
    }

    @Test
    void aLengthOfFiveBytesIsMalformed() {
        PacketReader r = reader(bytes(0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01), LIMIT);
        ProtocolViolation e = assertThrows(ProtocolViolation.class, r::next);
        assertTrue(e.getMessage().contains("remaining length longer than four bytes"), e.getMessage());
    }

    @Test
    void aPacketOverTheLimitIsRefusedBeforeItIsRead() {
        PacketReader r = reader(bytes(0x30, 0x80, 0x80, 0x01), 1_000);
        ProtocolViolation e = assertThrows(ProtocolViolation.class, r::next);
        assertTrue(e.getMessage().contains("16384 bytes, over this client's limit of 1000"), e.getMessage());
    }

    @Test
    void aTruncatedPacketEndsTheConnection() throws IOException {
        byte[] whole = written(w -> w.publish(1, "to_mothership/p", new byte[100], false));
        EOFException e = assertThrows(EOFException.class, () -> reader(Arrays.copyOf(whole, 50), LIMIT).next());
        assertTrue(e.getMessage().contains("inside a packet (48 of 119 bytes)"), e.getMessage());
        assertThrows(EOFException.class, () -> reader(bytes(0x30, 0x80), LIMIT).next());
    }

    @Test
    void aTopicLongerThanItsPacketIsMalformed() {
        ProtocolViolation e = assertThrows(ProtocolViolation.class, () -> reader(bytes(0x32, 4, 0, 9, 'a', 'b'), LIMIT).next());
        assertTrue(e.getMessage().contains("topic (9 bytes) does not fit in its 4 bytes"), e.getMessage());
    }

    @Test
    void aTopicThatIsNotUtf8IsMalformed() {
        ProtocolViolation e = assertThrows(ProtocolViolation.class,
                () -> reader(bytes(0x30, 4, 0, 2, 0xC3, 0x28), LIMIT).next());
        assertTrue(e.getMessage().contains("topic that is not UTF-8"), e.getMessage());
    }

    @Test
    void qos2AndPacketsABrokerNeverSendsAreRefused() {
        assertThrows(ProtocolViolation.class, () -> reader(bytes(0x34, 5, 0, 1, 't', 0, 1), LIMIT).next());
        assertThrows(ProtocolViolation.class, () -> reader(bytes(0x32, 5, 0, 1, 't', 0, 0), LIMIT).next(), "packet id 0");
        ProtocolViolation e = assertThrows(ProtocolViolation.class, () -> reader(bytes(0xC0, 0), LIMIT).next());
        assertTrue(e.getMessage().contains("type 12"), e.getMessage());
        assertThrows(ProtocolViolation.class, () -> reader(bytes(0x40, 3, 0, 1, 0), LIMIT).next(), "PUBACK of 3 bytes");
    }

    @Test
    void connackSubackAndPingrespAreRead() throws IOException {
        PacketReader r = reader(bytes(0x20, 2, 1, 5, 0x90, 5, 0x12, 0x34, 1, 0x80, 0, 0xD0, 0), LIMIT);
        assertEquals(PacketReader.CONNACK, r.next());
        assertTrue(r.sessionPresent());
        assertEquals(5, r.returnCode());
        assertEquals(PacketReader.SUBACK, r.next());
        assertEquals(0x1234, r.packetId());
        assertArrayEquals(new int[] {1, 0x80, 0}, r.granted());
        assertEquals(PacketReader.PINGRESP, r.next());
    }

    @Test
    void connectCarriesProtocolLevel4ThePersistentSessionKeepAliveAndLogin() throws IOException {
        byte[] wire = written(w -> w.connect("ms", false, 30, "u", "pw".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(bytes(0x10, 21, 0, 4, 'M', 'Q', 'T', 'T', 4, 0xC0, 0, 30, 0, 2, 'm', 's', 0, 1, 'u', 0, 2, 'p', 'w'), wire);
        assertArrayEquals(bytes(0x10, 14, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 60, 0, 2, 'm', 's'),
                written(w -> w.connect("ms", true, 60, null, null)));
    }

    @Test
    void subscribePubackPingreqAndDisconnectAreLaidOutAsTheSpecificationSays() throws IOException {
        assertArrayEquals(bytes(0x82, 11, 0, 10, 0, 2, 'a', '/', 1, 0, 1, '#', 1),
                written(w -> w.subscribe(10, List.of("a/", "#"), 1)));
        assertArrayEquals(bytes(0x40, 2, 0xFF, 0xFE), written(w -> w.puback(65_534)));
        assertArrayEquals(bytes(0xC0, 0), written(PacketWriter::pingreq));
        assertArrayEquals(bytes(0xE0, 0), written(PacketWriter::disconnect));
    }

    @Test
    void packetIdentifiersOutOfRangeAreRefusedBeforeAnythingIsWritten() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PacketWriter w = new PacketWriter(bytes);
        assertThrows(IllegalArgumentException.class, () -> w.puback(0));
        assertThrows(IllegalArgumentException.class, () -> w.publish(65_536, "t", new byte[0], false));
        w.flush();
        assertEquals(0, bytes.size());
    }

    /** A writer call that may throw. */
    @FunctionalInterface
    private interface IoAction {
        void run(PacketWriter w) throws IOException;
    }
}
