package org.eclipse.paho.client.mqttv3;

/** Stand-in: a payload with QoS and retained flag. */
public class MqttMessage {

    private byte[] payload;
    private int qos = 1;
    private boolean retained;

    public MqttMessage() {
        this(new byte[0]);
    }

    public MqttMessage(byte[] payload) {
        this.payload = payload;
    }

    public byte[] getPayload() {
        return payload;
    }

    public void setPayload(byte[] payload) {
        this.payload = payload;
    }

    public int getQos() {
        return qos;
    }

    public void setQos(int qos) {
        this.qos = qos;
    }

    public boolean isRetained() {
        return retained;
    }

    public void setRetained(boolean retained) {
        this.retained = retained;
    }
}
