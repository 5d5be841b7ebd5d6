package dev.smartpot.bench;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The independent subscriber standing in for the mothership: a Paho client at QoS 1 that stamps each
 * message with {@link System#nanoTime()} the moment it arrives. With a persistent session it reconnects by
 * itself (every 5 ms) after a broker restart and gets what was queued for it meanwhile.
 */
final class BenchSubscriber implements AutoCloseable {

    /** Called on Paho's callback thread: keep it short. */
    interface Handler {
        void arrived(long arrivalNanos, String topic, byte[] payload);
    }

    private final MqttClient client;
    private final MqttConnectOptions options;
    private final String filter;
    private volatile boolean closed;

    BenchSubscriber(String brokerUri, String clientId, String filter, boolean persistent, Handler handler) throws MqttException {
        this.filter = filter;
        client = new MqttClient(brokerUri, clientId, new MemoryPersistence());
        options = new MqttConnectOptions();
        options.setCleanSession(!persistent);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(30);
        options.setMaxInflight(1000);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                Thread t = new Thread(BenchSubscriber.this::reconnect, "bench-subscriber-reconnect");
                t.setDaemon(true);
                t.start();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                handler.arrived(System.nanoTime(), topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(options);
        client.subscribe(filter, 1);
    }

    private void reconnect() {
        while (!closed) {
            try {
                client.connect(options);
                client.subscribe(filter, 1);
                return;
            } catch (MqttException notYet) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            client.disconnectForcibly(200, 500);
        } catch (MqttException ignored) {
            // Already gone.
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // Nothing left to release.
        }
    }
}
