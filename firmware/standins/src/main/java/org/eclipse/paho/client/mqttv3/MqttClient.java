package org.eclipse.paho.client.mqttv3;

/** Stand-in: MicroPaho's blocking client. Every operation fails: the MicroEJ SDK supplies the real one. */
public class MqttClient {

    /** Paho's "client exception" reason code, used by the stand-in's failures. */
    private static final int STAND_IN = 0;

    /** Example-IOT mqtt-publisher Main (in a try that catches MqttException). */
    public MqttClient(String serverURI, String clientId) throws MqttException {
    }

    /** Example-IOT mqtt-subscriber Main. */
    public void setCallback(MqttCallback callback) {
    }

    /** Example-IOT ssl-mqtt-publisher Main ({@code client.connect(option)}). */
    public void connect(MqttConnectOptions options) throws MqttException {
        throw new MqttException(STAND_IN);
    }

    /** greenhouse ({@code subscribe(TOPIC_FILTER, SUBSCRIBE_QOS)}); Example-IOT uses {@code subscribe(topic)}. */
    public void subscribe(String topicFilter, int qos) throws MqttException {
        throw new MqttException(STAND_IN);
    }

    /** UNCONFIRMED: MicroEJ/paho MqttClient {@code unsubscribe(String) throws MqttException}. */
    public void unsubscribe(String topicFilter) throws MqttException {
        throw new MqttException(STAND_IN);
    }

    /** Example-IOT mqtt-publisher Main. */
    public void publish(String topic, MqttMessage message) throws MqttException {
        throw new MqttException(STAND_IN);
    }

    /** Example-IOT mqtt-publisher Main (in a try that catches MqttException). */
    public void disconnect() throws MqttException {
    }

    /** greenhouse. */
    public boolean isConnected() {
        return false;
    }
}
