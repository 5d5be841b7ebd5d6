package dev.smartpot.mothership.broker.mqtt;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the packets a broker sends a 3.1.1 client (CONNACK, PUBLISH, PUBACK, SUBACK, PINGRESP) from a buffered
 * stream. Each packet's body is read into one reusable buffer with a single {@code readFully}; a PUBLISH's payload is
 * then copied out once. The fields of the last packet read are this reader's until the next {@link #next()}. Anything
 * malformed throws {@link ProtocolViolation} naming what was wrong: the caller closes the connection.
 */
public final class PacketReader {

    public static final int CONNACK = 2;
    public static final int PUBLISH = 3;
    public static final int PUBACK = 4;
    public static final int SUBACK = 9;
    public static final int PINGRESP = 13;
    /** MQTT's largest remaining length (four bytes of seven bits). */
    public static final int MAX_REMAINING_LENGTH = 268_435_455;
    /** Bodies up to this size keep the buffer grown; a rare larger one gets its own array. */
    private static final int KEEP_BUFFER = 256 * 1024;

    private final InputStream in;
    private final int maxLength;
    private byte[] buffer = new byte[8 * 1024];
    private int type;
    private int flags;
    private String topic;
    private byte[] payload;
    private int packetId;
    private int returnCode;
    private boolean sessionPresent;
    private int[] granted;

    /** @param maxLength the largest packet body accepted; a larger one is refused before it is read */
    public PacketReader(InputStream in, int maxLength) {
        if (maxLength < 2 || maxLength > MAX_REMAINING_LENGTH) {
            throw new IllegalArgumentException("packet limit " + maxLength + " out of 2.." + MAX_REMAINING_LENGTH);
        }
        this.in = in;
        this.maxLength = maxLength;
    }

    /** Reads the next packet; returns its type. {@link EOFException} when the broker closed the connection. */
    public int next() throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the broker closed the connection");
        }
        type = first >>> 4;
        flags = first & 0x0F;
        int length = remainingLength();
        byte[] body = length <= buffer.length ? buffer : bodyBuffer(length);
        readFully(body, length);
        switch (type) {
            case PUBLISH:
                publish(body, length);
                break;
            case PUBACK:
                expect(length == 2 && flags == 0, "a PUBACK of " + length + " bytes with flags " + flags + " (expected 2, flags 0)");
                packetId = id(body, 0);
                break;
            case CONNACK:
                expect(length == 2 && flags == 0, "a CONNACK of " + length + " bytes with flags " + flags + " (expected 2, flags 0)");
                expect((body[0] & 0xFE) == 0, "a CONNACK with reserved flags " + (body[0] & 0xFF));
                sessionPresent = (body[0] & 1) == 1;
                returnCode = body[1] & 0xFF;
                break;
            case SUBACK:
                expect(length >= 3 && flags == 0, "a SUBACK of " + length + " bytes with flags " + flags + " (expected 3 or more, flags 0)");
                packetId = id(body, 0);
                granted = new int[length - 2];
                for (int i = 0; i < granted.length; i++) {
                    granted[i] = body[2 + i] & 0xFF;
                }
                break;
            case PINGRESP:
                expect(length == 0 && flags == 0, "a PINGRESP of " + length + " bytes with flags " + flags + " (expected 0, flags 0)");
                break;
            default:
                throw new ProtocolViolation("a packet of type " + type + ", which a broker does not send to a 3.1.1 client"
                        + " subscribed at QoS 1 at most");
        }
        return type;
    }

    private int remainingLength() throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the broker closed the connection inside a packet header");
            }
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value > maxLength) {
                    throw new ProtocolViolation("a packet of " + value + " bytes, over this client's limit of " + maxLength
                            + "; fix: cap the broker's message_size_limit below it");
                }
                return value;
            }
        }
        throw new ProtocolViolation("a remaining length longer than four bytes");
    }

    private byte[] bodyBuffer(int length) {
        if (length > KEEP_BUFFER) {
            return new byte[length];
        }
        buffer = new byte[Math.max(length, Math.min(KEEP_BUFFER, buffer.length * 2))];
        return buffer;
    }

    private void readFully(byte[] into, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(into, done, length - done);
            if (n < 0) {
                throw new EOFException("the broker closed the connection inside a packet (" + done + " of " + length + " bytes)");
            }
            done += n;
        }
    }

    private void publish(byte[] body, int length) throws ProtocolViolation {
        int qos = (flags >>> 1) & 3;
        expect(qos < 2, "a PUBLISH at QoS " + qos + " though this client subscribes at QoS 1 at most");
        expect(length >= 2, "a PUBLISH of " + length + " bytes, too short for its topic's length");
        int topicLength = id(body, 0);
        int at = 2 + topicLength + (qos > 0 ? 2 : 0);
        expect(topicLength > 0 && at <= length, "a PUBLISH whose topic (" + topicLength + " bytes) does not fit in its "
                + length + " bytes");
        topic = utf8(body, 2, topicLength);
        packetId = qos > 0 ? id(body, 2 + topicLength) : 0;
        expect(qos == 0 || packetId != 0, "a QoS 1 PUBLISH with packet identifier 0");
        payload = Arrays.copyOfRange(body, at, length);
    }

    private static String utf8(byte[] b, int from, int length) throws ProtocolViolation {
        boolean ascii = true;
        for (int i = from; i < from + length && ascii; i++) {
            ascii = b[i] > 0;
        }
        if (ascii) {
            return new String(b, from, length, StandardCharsets.ISO_8859_1);
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, length)).toString();
            expect(s.indexOf('\u0000') < 0, "a topic with the character U+0000");
            return s;
        } catch (CharacterCodingException e) {
            throw new ProtocolViolation("a topic that is not UTF-8 (" + e.getMessage() + ")");
        }
    }

    private static int id(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static void expect(boolean ok, String otherwise) throws ProtocolViolation {
        if (!ok) {
            throw new ProtocolViolation(otherwise);
        }
    }

    public int type() {
        return type;
    }

    /** PUBLISH: its topic. */
    public String topic() {
        return topic;
    }

    /** PUBLISH: its payload, a fresh array the caller may keep. */
    public byte[] payload() {
        return payload;
    }

    /** PUBLISH: 0 or 1. */
    public int qos() {
        return (flags >>> 1) & 3;
    }

    /** PUBLISH: the retain flag. */
    public boolean retained() {
        return (flags & 1) == 1;
    }

    /** PUBLISH: the DUP flag (a resend). */
    public boolean dup() {
        return (flags & 8) == 8;
    }

    /** PUBLISH (QoS 1), PUBACK, SUBACK: the packet identifier. */
    public int packetId() {
        return packetId;
    }

    /** CONNACK: 0 accepted, 1-5 refused. */
    public int returnCode() {
        return returnCode;
    }

    /** CONNACK: the broker kept this client's session. */
    public boolean sessionPresent() {
        return sessionPresent;
    }

    /** SUBACK: the QoS granted per filter, 0x80 for a refusal. */
    public int[] granted() {
        return granted.clone();
    }
}
