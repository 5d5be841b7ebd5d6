package org.eclipse.paho.client.mqttv3;

/** Stand-in: MicroPaho's blocking client. Every operation fails: the MicroEJ SDK supplies the real one. */
public class MqttClient {

    /** Paho's "client exception" reason code, used by the stand-in's failures. */
    private static final int STAND_IN = 0;

    public MqttClient(String serverURI, String clientId) throws MqttException {
    }

    public void setCallback(MqttCallback callback) {
    }

    public void connect(MqttConnectOptions options) throws MqttException {
        throw new MqttException(STAND_IN);
    }

    public void subscribe(String topicFilter, int qos) throws MqttException {
        throw new MqttException(STAND_IN);
    }

    public void unsubscribe(String topicFilter) throws MqttException {
        throw new MqttException(STAND_IN);
    }

    public void publish(String topic, MqttMessage message) throws MqttException {
        throw new MqttException(STAND_IN);
    }

    public void disconnect() throws MqttException {
    }

    public boolean isConnected() {
        return false;
    }
}
