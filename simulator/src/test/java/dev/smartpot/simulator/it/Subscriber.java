package dev.smartpot.simulator.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * An independent client standing in for the mothership: a persistent QoS 1 session that collects what
 * arrives on a topic filter, and reconnects by itself after a broker restart.
 */
public final class Subscriber implements AutoCloseable {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    /** One message as received. */
    public record Received(String topic, String payload, boolean retained, long arrivedNanos) {
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();
    private final MqttConnectOptions options;
    private final String topicFilter;
    private volatile boolean closed;

    public Subscriber(String brokerUri, String topicFilter) throws MqttException {
        client = new MqttClient(brokerUri, "mothership-" + System.nanoTime() % 100000, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        // Paho's own reconnect shares one static delay across clients and can stall; ours retries every 100 ms.
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(5);
        this.options = options;
        this.topicFilter = topicFilter;
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void connectionLost(Throwable cause) {
                Thread reconnect = new Thread(Subscriber.this::reconnectUntilBack, "subscriber-reconnect");
                reconnect.setDaemon(true);
                reconnect.start();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                synchronized (received) {
                    received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained(),
                            System.nanoTime()));
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(options);
        client.subscribe(topicFilter, 1);
    }

    private void reconnectUntilBack() {
        while (!closed) {
            try {
                client.connect(options);
                client.subscribe(topicFilter, 1);
                return;
            } catch (MqttException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
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
            Matcher m = SEQ.matcher(p);
            if (m.find()) {
                seqs.add(Long.parseLong(m.group(1)));
            }
        }
        return seqs;
    }

    /** When the first reading with a seq above {@code afterSeq} arrived, or -1. */
    public long arrivalOfFirstSeqAbove(String topic, long afterSeq) {
        for (Received r : received()) {
            Matcher m = SEQ.matcher(r.payload());
            if (r.topic().equals(topic) && m.find() && Long.parseLong(m.group(1)) > afterSeq) {
                return r.arrivedNanos();
            }
        }
        return -1;
    }

    public void awaitCount(String topic, int n, Duration atMost) {
        Awaitility.await(n + " messages on " + topic).atMost(atMost).until(() -> payloads(topic).size() >= n);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        closed = true;
        try {
            // Also stops Paho's reconnect cycle, which would otherwise make close() refuse.
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
