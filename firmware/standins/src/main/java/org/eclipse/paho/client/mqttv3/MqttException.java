package org.eclipse.paho.client.mqttv3;

/** Stand-in: a failed MQTT operation with Paho's reason code. */
public class MqttException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int reasonCode;

    public MqttException(int reasonCode) {
        super("MQTT reason " + reasonCode);
        this.reasonCode = reasonCode;
    }

    public MqttException(int reasonCode, Throwable cause) {
        super("MQTT reason " + reasonCode, cause);
        this.reasonCode = reasonCode;
    }

    public int getReasonCode() {
        return reasonCode;
    }
}
