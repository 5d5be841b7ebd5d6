package org.eclipse.paho.client.mqttv3;

/** Stand-in: a payload with QoS and retained flag. */
public class MqttMessage {

    private final byte[] payload;

    /** Example-IOT mqtt-publisher Main ({@code new MqttMessage(HELLO_WORLD_MESSAGE.getBytes())}). */
    public MqttMessage(byte[] payload) {
        this.payload = payload;
    }

    /** Example-IOT mqtt-subscriber Main ({@code message.getPayload()} in messageArrived). */
    public byte[] getPayload() {
        return payload;
    }

    /** UNCONFIRMED: MicroEJ/paho MqttMessage; Paho declares the unchecked exception for a QoS outside 0-2. */
    public void setQos(int qos) throws IllegalArgumentException {
    }

    /** UNCONFIRMED: MicroEJ/paho MqttMessage. */
    public void setRetained(boolean retained) {
    }
}
