package dev.smartpot.mothership.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import dev.smartpot.mothership.broker.mqtt.MqttConnection;
import dev.smartpot.mothership.broker.mqtt.ProtocolViolation;

/**
 * The MQTT 3.1.1 link on the mothership's own client ({@link MqttConnection}) with manual acknowledgement. Each message
 * is handed on from the connection's reader thread; while that waits (the store's queue is full) nothing more is read
 * from the socket, so TCP stops the broker: the mothership never holds more unacknowledged messages than its store's
 * queue, and a broker that overshoots its in-flight limit (Mosquitto before 2.0.13) slows down instead of wedging the
 * link. The keep-alive pings go on meanwhile, and the broker's unread answers do not count as missing. An
 * acknowledgement is sent only on the connection its message came on (after a reconnect the broker delivers again
 * what was not acknowledged). Reconnects: 200 ms, doubling to 5 s.
 */
final class Mqtt3Link implements LinkClient, MqttConnection.Listener {

    private static final long FIRST_RETRY_MS = 200;
    private static final long LAST_RETRY_MS = 5_000;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    /** Our own publishes (commands, alerts, acknowledgements to pots) awaiting the broker's PUBACK. */
    private static final int MAX_INFLIGHT = 1_000;
    /** Far above any pot's message; a larger one closes the link with a reason rather than filling the heap. */
    private static final int MAX_PACKET = 16 * 1024 * 1024;
    private static final int SUBSCRIBE_QOS = 1;

    private final BrokerOptions options;
    private final LinkState state;
    private final List<String> filters;
    private final Receiver receiver;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mothership-broker-link");
        t.setDaemon(true);
        return t;
    });
    private volatile MqttConnection current;
    private long retryMs = FIRST_RETRY_MS;
    private volatile boolean closed;

    Mqtt3Link(BrokerOptions options, LinkState state, List<String> filters, Receiver receiver) {
        this.options = options;
        this.state = state;
        this.filters = filters;
        this.receiver = receiver;
        options.uri();
    }

    @Override
    public void start() {
        try {
            timer.execute(this::connect);
            // A quarter of the keep-alive at most: a ping due at the interval goes out well before the broker's 1.5.
            long tickMs = Math.min(1_000, options.keepAliveSeconds() * 250L);
            timer.scheduleWithFixedDelay(this::tick, tickMs, tickMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // Closed before it started.
        }
    }

    private void tick() {
        MqttConnection c = current;
        if (c != null) {
            c.tick();
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        MqttConnection c;
        try {
            c = MqttConnection.open(socket(), settings(), Mqtt3Link::nowMs, this);
        } catch (IOException | RuntimeException e) {
            state.cannotConnect(e);
            retryLater();
            return;
        }
        synchronized (this) {
            retryMs = FIRST_RETRY_MS;
        }
        current = c;
        state.connected();
        c.start();
        c.subscribe(filters, SUBSCRIBE_QOS).whenComplete((granted, e) -> {
            if (e != null) {
                // A lost link is said by lost(); only a subscription that failed on a live link is news here.
                if (c.isOpen()) {
                    filters.forEach(f -> state.subscriptionRefused(f, String.valueOf(e.getMessage())));
                }
                return;
            }
            boolean all = true;
            for (int i = 0; i < filters.size(); i++) {
                if (i >= granted.length || granted[i] == 0x80) {
                    state.subscriptionRefused(filters.get(i), "refused in its SUBACK");
                    all = false;
                }
            }
            if (all) {
                state.subscribed(filters);
            }
        });
        if (closed) {
            c.close();
        }
    }

    private MqttConnection.Settings settings() {
        byte[] password = options.username() == null ? null
                : (options.password() == null ? "" : options.password()).getBytes(StandardCharsets.UTF_8);
        return new MqttConnection.Settings(options.clientId(), options.username(), password, options.keepAliveSeconds(),
                MAX_INFLIGHT, MAX_PACKET, CONNECT_TIMEOUT_MS);
    }

    /** TCP, or TLS trusting the CA file given and checking the broker's host name against its certificate. */
    private Socket socket() throws IOException {
        Socket tcp = new Socket();
        try {
            tcp.setTcpNoDelay(true);
            tcp.connect(new InetSocketAddress(options.host(), options.port()), CONNECT_TIMEOUT_MS);
            if (!options.tls()) {
                return tcp;
            }
            SSLSocket tls = (SSLSocket) BrokerTls.context(options.caFile()).getSocketFactory()
                    .createSocket(tcp, options.host(), options.port(), true);
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(p);
            tls.setSoTimeout(CONNECT_TIMEOUT_MS);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    private static long nowMs() {
        return System.nanoTime() / 1_000_000;
    }

    private void retryLater() {
        long delay;
        synchronized (this) {
            delay = retryMs;
            retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
        }
        try {
            timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // Closed meanwhile: nothing reconnects.
        }
    }

    @Override
    public void received(MqttConnection on, String topic, byte[] payload, int packetId, int qos) {
        Runnable ack = qos == 0 ? () -> { } : () -> on.acknowledge(packetId);
        receiver.received(topic, payload, ack, () -> !closed && on.isOpen());
    }

    @Override
    public void lost(MqttConnection on, IOException cause) {
        synchronized (this) {
            if (current == on) {
                current = null;
            }
        }
        if (closed) {
            return;
        }
        if (cause instanceof ProtocolViolation) {
            // This client closed the link over the broker's traffic: no second mothership is involved.
            state.refusedTraffic("the mothership closed the link: " + cause.getMessage());
        } else {
            state.dropped(cause, false);
        }
        retryLater();
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained) {
        MqttConnection c = current;
        if (c == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to the broker " + options.url()));
        }
        return c.publish(topic, payload, retained);
    }

    @Override
    public boolean connected() {
        MqttConnection c = current;
        return c != null && c.isOpen();
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        MqttConnection c = current;
        if (c != null) {
            c.close();
        }
    }
}
