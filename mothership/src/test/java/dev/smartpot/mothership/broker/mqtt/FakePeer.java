package dev.smartpot.mothership.broker.mqtt;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * A broker's end of one connection, in the test's own thread: reads the client's raw packets and writes bytes back.
 * Reads time out after 10 s (a missing packet fails the test instead of hanging it).
 */
final class FakePeer implements AutoCloseable {

    /** One packet as the client sent it: the first byte and the body. */
    record Packet(int first, byte[] body) {
        int type() {
            return first >>> 4;
        }

        /** PUBACK, SUBSCRIBE: the identifier opens the body; PUBLISH: it follows the topic. */
        int packetId() {
            int at = type() == 3 ? 2 + ((body[0] & 0xFF) << 8 | (body[1] & 0xFF)) : 0;
            return (body[at] & 0xFF) << 8 | (body[at + 1] & 0xFF);
        }
    }

    private final ServerSocket server;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;

    FakePeer() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** A client socket connected to this peer (accepted at once). */
    Socket connectClient() throws IOException {
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        socket = server.accept();
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        return client;
    }

    Packet read() throws IOException {
        int first = in.readUnsignedByte();
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            length |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return new Packet(first, body);
    }

    void send(int... bytes) throws IOException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        out.write(b);
        out.flush();
    }

    /** The client closed its end: the next read finds the end of the stream (or a reset, when bytes were left unread). */
    boolean closedByClient() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    static String text(byte[] b, int from, int to) {
        return new String(Arrays.copyOfRange(b, from, to), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        server.close();
    }
}
