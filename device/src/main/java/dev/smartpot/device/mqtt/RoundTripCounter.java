package dev.smartpot.device.mqtt;

/**
 * Counts the exchanges with the broker that wait for its answer (CONNECT/CONNACK, SUBSCRIBE/SUBACK,
 * UNSUBSCRIBE/UNSUBACK, a QoS 1 PUBLISH/PUBACK): on a battery each one keeps the radio on for a network round trip,
 * so a deep-sleep wake reports how many it made. A QoS 0 publish and DISCONNECT wait for nothing and are not counted.
 * Passes every call through unchanged and allocates nothing.
 */
public final class RoundTripCounter extends ForwardingMqttTransport {

    private int count;

    public RoundTripCounter(MqttTransport transport) {
        super(transport);
    }

    /** Round trips since the counter was made (a deep-sleep wake makes a new one at each boot). */
    public int count() {
        return count;
    }

    public int connect(String serverUri, String clientId, ConnectSettings settings) throws MqttTransportException {
        count++;
        return inner.connect(serverUri, clientId, settings);
    }

    public void subscribe(String topicFilter, int qos) throws MqttTransportException {
        count++;
        inner.subscribe(topicFilter, qos);
    }

    public void unsubscribe(String topicFilter) throws MqttTransportException {
        count++;
        inner.unsubscribe(topicFilter);
    }

    public void publish(String topic, byte[] payload, int length, int qos, boolean retained) throws MqttTransportException {
        if (qos > 0) {
            count++;
        }
        inner.publish(topic, payload, length, qos, retained);
    }
}
