package dev.smartpot.device.mqtt;

/**
 * Counts the exchanges with the broker that wait for its answer (CONNECT/CONNACK, SUBSCRIBE/SUBACK,
 * UNSUBSCRIBE/UNSUBACK, a QoS 1 PUBLISH/PUBACK): on a battery each one keeps the radio on for a network round trip,
 * so a deep-sleep wake reports how many it made. A QoS 0 publish and DISCONNECT wait for nothing and are not counted.
 * Passes every call through unchanged and allocates nothing.
 */
public final class RoundTripCounter implements MqttTransport {

    private final MqttTransport transport;
    private int count;

    public RoundTripCounter(MqttTransport transport) {
        this.transport = transport;
    }

    /** Round trips since the counter was made (a deep-sleep wake makes a new one at each boot). */
    public int count() {
        return count;
    }

    public void setListener(MqttListener listener) {
        transport.setListener(listener);
    }

    public int connect(String serverUri, String clientId, ConnectSettings settings) throws MqttTransportException {
        count++;
        return transport.connect(serverUri, clientId, settings);
    }

    public void subscribe(String topicFilter, int qos) throws MqttTransportException {
        count++;
        transport.subscribe(topicFilter, qos);
    }

    public void unsubscribe(String topicFilter) throws MqttTransportException {
        count++;
        transport.unsubscribe(topicFilter);
    }

    public void publish(String topic, byte[] payload, int length, int qos, boolean retained) throws MqttTransportException {
        if (qos > 0) {
            count++;
        }
        transport.publish(topic, payload, length, qos, retained);
    }

    public void disconnect() {
        transport.disconnect();
    }

    public boolean isConnected() {
        return transport.isConnected();
    }
}
