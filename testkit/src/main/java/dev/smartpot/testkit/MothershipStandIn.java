package dev.smartpot.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import dev.smartpot.protocol.Decoded;
import dev.smartpot.protocol.PayloadDecoder;
import dev.smartpot.protocol.WireTopics;

/**
 * The mothership as a test client: an independent persistent QoS 1 session that collects what arrives on a topic
 * filter and reconnects by itself after a broker restart. What it got is read as the mothership reads it: readings
 * by pot and seq. Assert on it with {@link MothershipAssert#assertThat(MothershipStandIn)}.
 */
public final class MothershipStandIn implements AutoCloseable {

    public static final String READINGS = WireTopics.UP;
    private static final PayloadDecoder DECODER = new PayloadDecoder();
    private static final long RECONNECT_MILLIS = 100;

    /** One message as received. */
    public record Received(String topic, String payload, boolean retained, long arrivedNanos) {
    }

    private final MqttClient client;
    private final MqttConnectOptions options;
    private final String topicFilter;
    private final List<Received> received = new ArrayList<>();
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mothership-reconnect");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    /** Whether the current connection has subscribed (guarded by this). */
    private boolean subscribed;

    /** Subscribes to the readings topic ({@value #READINGS}) of {@code brokerUri}. */
    public static MothershipStandIn on(String brokerUri) {
        return on(brokerUri, READINGS);
    }

    public static MothershipStandIn on(String brokerUri, String topicFilter) {
        try {
            return new MothershipStandIn(brokerUri, topicFilter);
        } catch (MqttException e) {
            throw new AssertionError("the test mothership could not subscribe to " + topicFilter + " on " + brokerUri, e);
        }
    }

    private MothershipStandIn(String brokerUri, String topicFilter) throws MqttException {
        client = new MqttClient(brokerUri, "mothership-" + System.nanoTime() % 100000, new MemoryPersistence());
        options = new MqttConnectOptions();
        options.setCleanSession(false);
        // Paho's own reconnect shares one static delay across clients and can stall; ours retries every 100 ms.
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(5);
        this.topicFilter = topicFilter;
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                scheduleReconnect();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                synchronized (received) {
                    received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                            message.isRetained(), System.nanoTime()));
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        connectAndSubscribe();
    }

    /**
     * The first connect and subscribe, tried again for up to 5 s: Moquette 0.17 can refuse a SUBSCRIBE sent right
     * after its CONNACK and close the connection (field notes; the pots step around it with MoquetteConnectBarrier).
     */
    private void connectAndSubscribe() throws MqttException {
        long giveUpAt = System.currentTimeMillis() + 5_000;
        while (true) {
            try {
                connectAndSubscribeOnce();
                return;
            } catch (MqttException refused) {
                if (System.currentTimeMillis() > giveUpAt) {
                    throw refused;
                }
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw refused;
                }
            }
        }
    }

    /**
     * Connects if not connected and subscribes once per connection. The first connect's retries and a reconnect after
     * a lost link may both be under way: whichever comes second finds the work done instead of failing on it forever.
     */
    private synchronized void connectAndSubscribeOnce() throws MqttException {
        if (!client.isConnected()) {
            subscribed = false;
            client.connect(options);
        }
        if (!subscribed) {
            client.subscribe(topicFilter, 1);
            subscribed = true;
        }
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        reconnects.schedule(() -> {
            try {
                connectAndSubscribeOnce();
            } catch (MqttException notYet) {
                scheduleReconnect();
            }
        }, RECONNECT_MILLIS, TimeUnit.MILLISECONDS);
    }

    public List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    public List<String> payloads(String topic) {
        List<String> out = new ArrayList<>();
        for (Received r : received()) {
            if (r.topic().equals(topic)) {
                out.add(r.payload());
            }
        }
        return out;
    }

    /** The "seq" of every reading on {@code topic}, in arrival order, duplicates included. */
    public List<Long> seqs(String topic) {
        List<Long> seqs = new ArrayList<>();
        for (String p : payloads(topic)) {
            Decoded.Reading r = reading(topic, p);
            if (r != null) {
                seqs.add(r.seq);
            }
        }
        return seqs;
    }

    /** The readings topic's seqs, in arrival order, duplicates included. */
    public List<Long> seqs() {
        return seqs(READINGS);
    }

    /** Every pot heard from on the readings topic, with the distinct seqs it sent. */
    public Map<String, TreeSet<Long>> seqsByPot() {
        Map<String, TreeSet<Long>> seqs = new TreeMap<>();
        for (String payload : payloads(READINGS)) {
            Decoded.Reading r = reading(READINGS, payload);
            if (r != null) {
                seqs.computeIfAbsent(r.potId, id -> new TreeSet<>()).add(r.seq);
            }
        }
        return seqs;
    }

    /** The distinct seqs {@code pot} sent on the readings topic. */
    public TreeSet<Long> seqsOf(PotId pot) {
        return seqsByPot().getOrDefault(pot.clientId(), new TreeSet<>());
    }

    /** When the first reading with a seq above {@code afterSeq} arrived ({@link System#nanoTime()}), or -1. */
    public long arrivalOfFirstSeqAbove(String topic, long afterSeq) {
        for (Received r : received()) {
            Decoded.Reading reading = r.topic().equals(topic) ? reading(topic, r.payload()) : null;
            if (reading != null && reading.seq > afterSeq) {
                return r.arrivedNanos();
            }
        }
        return -1;
    }

    /**
     * The reading in {@code payload} as the mothership would read it, or null for anything else. A topic outside the
     * pots' own (a test's private topic) is read as the tutorial's readings topic.
     */
    private static Decoded.Reading reading(String topic, String payload) {
        String as = topic.startsWith(WireTopics.UP + "/") ? topic : WireTopics.UP;
        Decoded d = DECODER.decode(as, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return d instanceof Decoded.Reading r ? r : null;
    }

    public void awaitCount(String topic, int n, Duration atMost) {
        Awaitility.await(n + " messages on " + topic).atMost(atMost).until(() -> payloads(topic).size() >= n);
    }

    /** Waits for {@code n} readings on the readings topic. */
    public void awaitReadings(int n, Duration atMost) {
        awaitCount(READINGS, n, atMost);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        closed = true;
        reconnects.shutdownNow();
        try {
            client.disconnect(500);
        } catch (MqttException notConnected) {
            // Nothing to say goodbye to.
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // The broker may already be gone; the test is over.
        }
    }
}
