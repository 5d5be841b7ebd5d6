package dev.smartpot.mothership.broker.mqtt;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the packets a 3.1.1 client sends (CONNECT, SUBSCRIBE, PUBLISH at QoS 1, PUBACK, PINGREQ, DISCONNECT) to a
 * buffered stream. Each packet is written whole under this writer's lock, so packets from several threads never
 * interleave; nothing reaches the socket before {@link #flush()}, so one flush sends a whole burst of acknowledgements.
 */
public final class PacketWriter {

    private static final byte[] PROTOCOL = {0, 4, 'M', 'Q', 'T', 'T', 4};
    private static final int CONNECT = 0x10;
    private static final int PUBLISH_QOS1 = 0x32;
    private static final int PUBACK = 0x40;
    private static final int SUBSCRIBE = 0x82;
    private static final int PINGREQ = 0xC0;
    private static final int DISCONNECT = 0xE0;

    private final OutputStream out;

    public PacketWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * CONNECT, MQTT 3.1.1. {@code cleanSession} false: the broker keeps the subscriptions and queues messages while away.
     *
     * @param username null for none (then no password either)
     */
    public synchronized void connect(String clientId, boolean cleanSession, int keepAliveSeconds, String username, byte[] password)
            throws IOException {
        if (keepAliveSeconds < 0 || keepAliveSeconds > 65_535) {
            throw new IllegalArgumentException("keep-alive " + keepAliveSeconds + " s out of 0..65535");
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("a password without a user name; MQTT 3.1.1 sends a password only with a user name");
        }
        byte[] id = utf8(clientId, "client id");
        byte[] user = username == null ? null : utf8(username, "user name");
        if (password != null && password.length > 65_535) {
            throw new IllegalArgumentException("a password of " + password.length + " bytes; MQTT allows 65,535");
        }
        int flags = (cleanSession ? 0x02 : 0) | (user != null ? 0x80 : 0) | (password != null ? 0x40 : 0);
        int length = PROTOCOL.length + 1 + 2 + 2 + id.length + (user == null ? 0 : 2 + user.length)
                + (password == null ? 0 : 2 + password.length);
        header(CONNECT, length);
        out.write(PROTOCOL);
        out.write(flags);
        twoBytes(keepAliveSeconds);
        string(id);
        if (user != null) {
            string(user);
        }
        if (password != null) {
            string(password);
        }
    }

    /** SUBSCRIBE to every filter at the QoS given. */
    public synchronized void subscribe(int packetId, List<String> filters, int qos) throws IOException {
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("a SUBSCRIBE needs at least one topic filter");
        }
        packetId(packetId);
        byte[][] encoded = new byte[filters.size()][];
        int length = 2;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = utf8(filters.get(i), "topic filter");
            length += 2 + encoded[i].length + 1;
        }
        header(SUBSCRIBE, length);
        twoBytes(packetId);
        for (byte[] f : encoded) {
            string(f);
            out.write(qos);
        }
    }

    /** PUBLISH at QoS 1. */
    public synchronized void publish(int packetId, String topic, byte[] payload, boolean retain) throws IOException {
        packetId(packetId);
        byte[] t = utf8(topic, "topic");
        long length = 2L + t.length + 2 + payload.length;
        if (length > PacketReader.MAX_REMAINING_LENGTH) {
            throw new IllegalArgumentException("a payload of " + payload.length + " bytes; an MQTT packet holds at most "
                    + PacketReader.MAX_REMAINING_LENGTH);
        }
        header(PUBLISH_QOS1 | (retain ? 1 : 0), (int) length);
        string(t);
        twoBytes(packetId);
        out.write(payload);
    }

    /** PUBACK: the message with this packet identifier is stored. */
    public synchronized void puback(int packetId) throws IOException {
        packetId(packetId);
        out.write(PUBACK);
        out.write(2);
        twoBytes(packetId);
    }

    public synchronized void pingreq() throws IOException {
        out.write(PINGREQ);
        out.write(0);
    }

    public synchronized void disconnect() throws IOException {
        out.write(DISCONNECT);
        out.write(0);
    }

    /** Sends what was written. */
    public synchronized void flush() throws IOException {
        out.flush();
    }

    private void header(int first, int remainingLength) throws IOException {
        out.write(first);
        int left = remainingLength;
        do {
            int digit = left & 0x7F;
            left >>>= 7;
            out.write(left > 0 ? digit | 0x80 : digit);
        } while (left > 0);
    }

    private void string(byte[] b) throws IOException {
        twoBytes(b.length);
        out.write(b);
    }

    private void twoBytes(int v) throws IOException {
        out.write(v >>> 8);
        out.write(v & 0xFF);
    }

    private static int packetId(int id) {
        if (id < 1 || id > 65_535) {
            throw new IllegalArgumentException("packet identifier " + id + " out of 1..65535");
        }
        return id;
    }

    private static byte[] utf8(String s, String what) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 65_535) {
            throw new IllegalArgumentException("a " + what + " of " + b.length + " bytes; MQTT allows 65,535");
        }
        return b;
    }
}
