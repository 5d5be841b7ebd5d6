package dev.smartpot.mothership.broker;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The MQTT 3.1.1 link on Paho with manual acknowledgement. Paho hands each message to one callback thread through a
 * queue of ten; while the callback waits (the store's queue is full) its receiver stops reading the socket, so TCP
 * stops the broker: the mothership never holds more unacknowledged messages than its store's queue, and a
 * broker that overshoots its in-flight limit (Mosquitto before 2.0.13) slows down instead of wedging the link.
 * An acknowledgement is sent only on the connection its message came on (after a reconnect the broker delivers
 * again what was not acknowledged). Reconnects are this class's own (Paho's automatic reconnect never starts
 * after a failed first connect).
 */
final class Mqtt3Link implements LinkClient, MqttCallback {

    private static final int KEEP_ALIVE_SECONDS = 30;
    private static final long FIRST_RETRY_MS = 200;
    private static final long LAST_RETRY_MS = 5_000;
    /** Our own publishes (commands, alerts, acknowledgements to pots) awaiting the broker's PUBACK. */
    private static final int MAX_INFLIGHT = 1_000;

    private final BrokerOptions options;
    private final LinkState state;
    private final List<String> filters;
    private final Receiver receiver;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mothership-broker-reconnect");
        t.setDaemon(true);
        return t;
    });
    /** Which connection a message came on: moved on when one is lost, so its late acknowledgements are not sent. */
    private volatile int connection;
    private long retryMs = FIRST_RETRY_MS;
    private volatile boolean closed;

    Mqtt3Link(BrokerOptions options, LinkState state, List<String> filters, Receiver receiver) {
        this.options = options;
        this.state = state;
        this.filters = filters;
        this.receiver = receiver;
        String uri = (options.tls() ? "ssl://" : "tcp://") + options.host() + ":" + options.port();
        try {
            client = new MqttAsyncClient(uri, options.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("bad broker url " + options.url() + " or client id " + options.clientId()
                    + ": " + e.getMessage() + "; expected tcp://host:1883 or ssl://host:8883", e);
        }
        client.setManualAcks(true);
        client.setCallback(this);
    }

    private MqttConnectOptions connectOptions() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(false);
        o.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        o.setAutomaticReconnect(false);
        o.setMaxInflight(MAX_INFLIGHT);
        o.setConnectionTimeout(10);
        if (options.username() != null) {
            o.setUserName(options.username());
            o.setPassword(options.password() == null ? new char[0] : options.password().toCharArray());
        }
        if (options.tls()) {
            // Paho checks the broker's host name against its certificate (httpsHostnameVerificationEnabled).
            o.setSocketFactory(BrokerTls.context(options.caFile()).getSocketFactory());
        } else {
            o.setSocketFactory(new BufferedSockets());
        }
        return o;
    }

    @Override
    public void start() {
        connect();
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            client.connect(connectOptions(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    synchronized (Mqtt3Link.this) {
                        retryMs = FIRST_RETRY_MS;
                    }
                    state.connected();
                    subscribe();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    state.cannotConnect(e);
                    retryLater();
                }
            });
        } catch (MqttException | RuntimeException e) {
            state.cannotConnect(e);
            retryLater();
        }
    }

    private void retryLater() {
        long delay;
        synchronized (this) {
            delay = retryMs;
            retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
        }
        try {
            retries.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // Closed meanwhile: nothing reconnects.
        }
    }

    private void subscribe() {
        int[] qos = new int[filters.size()];
        Arrays.fill(qos, 1);
        try {
            client.subscribe(filters.toArray(new String[0]), qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    boolean all = true;
                    for (int i = 0; i < filters.size(); i++) {
                        if (granted == null || i >= granted.length || granted[i] == 0x80) {
                            state.subscriptionRefused(filters.get(i), "refused in its SUBACK");
                            all = false;
                        }
                    }
                    if (all) {
                        state.subscribed(filters);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    filters.forEach(f -> state.subscriptionRefused(f, String.valueOf(e.getMessage())));
                }
            });
        } catch (MqttException e) {
            filters.forEach(f -> state.subscriptionRefused(f, e.getMessage()));
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        int on = connection;
        int id = message.getId();
        int qos = message.getQos();
        receiver.received(topic, message.getPayload(), () -> acknowledge(on, id, qos),
                () -> !closed && on == connection && client.isConnected());
    }

    private void acknowledge(int on, int id, int qos) {
        if (qos == 0 || on != connection) {
            return;
        }
        try {
            client.messageArrivedComplete(id, qos);
        } catch (MqttException e) {
            // The link is gone: the broker delivers the message again on the next connection.
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        // Paho calls this after its callback thread stopped: no message of the lost connection is still arriving.
        connection++;
        if (closed) {
            return;
        }
        state.dropped(cause, false);
        retryLater();
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // Each publish completes through its own listener.
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.publish(topic, payload, 1, retained, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public boolean connected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        closed = true;
        retries.shutdownNow();
        try {
            if (client.isConnected()) {
                // No quiesce: a callback waiting for room in the store sees the close and gives its message back.
                client.disconnect(0).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            // Not connected or already gone: nothing to say goodbye to.
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // Already closed.
        }
    }
}
