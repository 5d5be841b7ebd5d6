package dev.smartpot.mothership.broker.mqtt;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * One MQTT 3.1.1 connection on a connected socket, from CONNACK to its loss: a reader thread hands each PUBLISH to the
 * {@link Listener}, which may block (the reader then stops reading, TCP fills and the broker slows down); a sender
 * thread flushes what other threads wrote (a burst of acknowledgements goes out in one write) and sends the keep-alive
 * pings that {@link #tick()} finds due, even while the reader is blocked. A connection is never reused: once lost or
 * closed it stays so, its waiting publishes fail and its late acknowledgements are dropped.
 */
public final class MqttConnection {

    /** What the connection tells its owner. */
    public interface Listener {

        /** A PUBLISH; may block. {@code qos} 1: {@link #acknowledge} its {@code packetId} once stored. */
        void received(MqttConnection on, String topic, byte[] payload, int packetId, int qos);

        /** Called once, from whichever thread noticed, unless {@link #close()} came first. */
        void lost(MqttConnection on, IOException cause);
    }

    /** How this client logs in and behaves. {@code username} null: no login. */
    public record Settings(String clientId, String username, byte[] password, int keepAliveSeconds, int maxInFlight,
                           int maxPacket, int connackTimeoutMs) {
    }

    private static final int IN_BUFFER = 64 * 1024;
    private static final int OUT_BUFFER = 16 * 1024;
    private static final long GOODBYE_MS = 2_000;

    private final Socket socket;
    private final PacketReader reader;
    private final PacketWriter writer;
    private final PacketIds ids;
    private final KeepAlive keepAlive;
    private final LongSupplier clockMs;
    private final Listener listener;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicBoolean pingDue = new AtomicBoolean();
    private final Thread readerThread;
    private final Thread senderThread;

    private MqttConnection(Socket socket, PacketReader reader, PacketWriter writer, Settings settings, LongSupplier clockMs,
                           Listener listener) {
        this.socket = socket;
        this.reader = reader;
        this.writer = writer;
        this.ids = new PacketIds(settings.maxInFlight());
        this.keepAlive = new KeepAlive(settings.keepAliveSeconds(), clockMs.getAsLong());
        this.clockMs = clockMs;
        this.listener = listener;
        this.readerThread = new Thread(this::readLoop, "mothership-broker-reader");
        this.senderThread = new Thread(this::sendLoop, "mothership-broker-sender");
        readerThread.setDaemon(true);
        senderThread.setDaemon(true);
    }

    /**
     * Sends CONNECT on {@code socket} (clean session false) and waits for the broker's CONNACK. Throws
     * {@link ConnectRefused} when the broker refuses; the socket is closed on any failure. Call {@link #start()} next.
     */
    public static MqttConnection open(Socket socket, Settings settings, LongSupplier clockMs, Listener listener)
            throws IOException {
        try {
            socket.setSoTimeout(settings.connackTimeoutMs());
            PacketReader reader = new PacketReader(new BufferedInputStream(socket.getInputStream(), IN_BUFFER), settings.maxPacket());
            PacketWriter writer = new PacketWriter(new BufferedOutputStream(socket.getOutputStream(), OUT_BUFFER));
            writer.connect(settings.clientId(), false, settings.keepAliveSeconds(), settings.username(), settings.password());
            writer.flush();
            int type;
            try {
                type = reader.next();
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("the broker sent no CONNACK within " + settings.connackTimeoutMs() + " ms");
            }
            if (type != PacketReader.CONNACK) {
                throw new ProtocolViolation("a packet of type " + type + " before its CONNACK");
            }
            if (reader.returnCode() != 0) {
                throw new ConnectRefused(reader.returnCode(), settings.clientId());
            }
            socket.setSoTimeout(0);
            return new MqttConnection(socket, reader, writer, settings, clockMs, listener);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** Starts reading and sending. */
    public void start() {
        senderThread.start();
        readerThread.start();
    }

    /** SUBSCRIBE; completes with the QoS granted per filter (0x80: refused) or fails when the connection is lost. */
    public CompletableFuture<int[]> subscribe(List<String> filters, int qos) {
        return send(new CompletableFuture<int[]>(), id -> writer.subscribe(id, filters, qos));
    }

    /** PUBLISH at QoS 1; completes on the broker's PUBACK, fails when the connection is lost first. */
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retain) {
        return send(new CompletableFuture<Void>(), id -> writer.publish(id, topic, payload, retain));
    }

    /** Writes one packet under a fresh packet id; {@code done} completes on the broker's answer to that id. */
    private interface Packet {
        void write(int id) throws IOException;
    }

    private <T> CompletableFuture<T> send(CompletableFuture<T> done, Packet packet) {
        int id = ids.take(done);
        if (id > 0) {
            try {
                packet.write(id);
                wrote();
            } catch (IOException e) {
                lost(e);
            } catch (RuntimeException e) {
                ids.failed(id, e);
            }
        }
        return done;
    }

    /** PUBACK for a message received on this connection; nothing once the connection is gone (the broker resends). */
    public void acknowledge(int packetId) {
        if (!open.get()) {
            return;
        }
        try {
            writer.puback(packetId);
            wrote();
        } catch (IOException e) {
            lost(e);
        }
    }

    /** The keep-alive's clock tick, at least once a second and four times an interval; never blocks. */
    public void tick() {
        if (!open.get()) {
            return;
        }
        switch (keepAlive.check(clockMs.getAsLong())) {
            case PING:
                pingDue.set(true);
                LockSupport.unpark(senderThread);
                break;
            case DEAD:
                lost(new IOException("the broker did not answer a ping within " + keepAlive.intervalSeconds() + " s"));
                break;
            default:
                break;
        }
    }

    public boolean isOpen() {
        return open.get();
    }

    /** A polite goodbye (DISCONNECT: the broker keeps the session without publishing a will); the listener is not told. */
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        // The goodbye waits behind a flush the broker may never take: bounded, then the socket closes anyway.
        try {
            CompletableFuture.runAsync(() -> {
                try {
                    writer.disconnect();
                    writer.flush();
                } catch (IOException e) {
                    // Already gone: nothing to say goodbye to.
                }
            }).get(GOODBYE_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Not said in time: closing the socket is goodbye enough.
        }
        shut(new IOException("the mothership closed its link to the broker"));
    }

    private void readLoop() {
        try {
            while (open.get()) {
                int type = reader.next();
                keepAlive.heard();
                switch (type) {
                    case PacketReader.PUBLISH:
                        keepAlive.readerBlocked();
                        try {
                            listener.received(this, reader.topic(), reader.payload(), reader.packetId(), reader.qos());
                        } finally {
                            keepAlive.readerBack(clockMs.getAsLong());
                        }
                        break;
                    case PacketReader.PUBACK:
                        ids.answered(reader.packetId(), null);
                        break;
                    case PacketReader.SUBACK:
                        ids.answered(reader.packetId(), reader.granted());
                        break;
                    case PacketReader.CONNACK:
                        throw new ProtocolViolation("a second CONNACK on one connection");
                    default:
                        break;
                }
            }
        } catch (IOException e) {
            lost(e);
        } catch (RuntimeException e) {
            lost(new IOException("handing a message on failed: " + e, e));
        }
    }

    private void sendLoop() {
        while (open.get()) {
            boolean ping = pingDue.getAndSet(false);
            if (!dirty.getAndSet(false) && !ping) {
                LockSupport.park(this);
                continue;
            }
            try {
                if (ping) {
                    writer.pingreq();
                }
                long now = clockMs.getAsLong();
                writer.flush();
                keepAlive.sent(now);
            } catch (IOException e) {
                lost(e);
            }
        }
    }

    /** Something was written: the sender flushes it (once for all written meanwhile). */
    private void wrote() {
        if (!dirty.get() && !dirty.getAndSet(true)) {
            LockSupport.unpark(senderThread);
        }
    }

    private void lost(IOException cause) {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        shut(new IOException("the link to the broker was lost before it answered (" + cause.getMessage() + ")", cause));
        listener.lost(this, cause);
    }

    private void shut(IOException why) {
        closeQuietly(socket);
        LockSupport.unpark(senderThread);
        ids.gone(why);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Closing is all that was left to do.
        }
    }
}
