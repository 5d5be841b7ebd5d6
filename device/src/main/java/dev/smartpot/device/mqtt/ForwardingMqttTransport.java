package dev.smartpot.device.mqtt;

/**
 * A transport that passes every call to another one: a runtime's wrappers (a barrier after connect, a counter of
 * publishes) extend it and override only the call they add something to.
 */
public abstract class ForwardingMqttTransport implements MqttTransport {

    protected final MqttTransport inner;

    protected ForwardingMqttTransport(MqttTransport inner) {
        this.inner = inner;
    }

    public void setListener(MqttListener listener) {
        inner.setListener(listener);
    }

    public int connect(String serverUri, String clientId, ConnectSettings settings) throws MqttTransportException {
        return inner.connect(serverUri, clientId, settings);
    }

    public void subscribe(String topicFilter, int qos) throws MqttTransportException {
        inner.subscribe(topicFilter, qos);
    }

    public void unsubscribe(String topicFilter) throws MqttTransportException {
        inner.unsubscribe(topicFilter);
    }

    public void publish(String topic, byte[] payload, int length, int qos, boolean retained) throws MqttTransportException {
        inner.publish(topic, payload, length, qos, retained);
    }

    public void acknowledge(int ack) {
        inner.acknowledge(ack);
    }

    public void disconnect() {
        inner.disconnect();
    }

    public boolean isConnected() {
        return inner.isConnected();
    }
}
